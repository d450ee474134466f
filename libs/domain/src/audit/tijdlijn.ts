import { AFSPRAAK_VASTGELEGD, DEADLINE_VASTGELEGD, type AfspraakEvent } from '../afspraak/afspraak';
import type { Event } from '../shared/event';

/**
 * The two questions an auditor asks about a date X (bitemporal):
 * - `vastgelegd`: what did the tracker say on X? Only events recorded up to the end of X (what the
 *   programme document recorded counts from its documentdatum: see `uitProgrammadocument`).
 * - `gecorrigeerd`: what do we now know was true on X? Every event recorded so far whose
 *   effective moment is up to the end of X, applied in effective order.
 */
export type Zoals = 'vastgelegd' | 'gecorrigeerd';
export const ZOALS: readonly Zoals[] = ['vastgelegd', 'gecorrigeerd'];

/** An event with the two moments it carries: when we recorded it and when it took effect. */
export interface TijdlijnEvent<E extends Event = Event> {
  readonly event: E;
  /** 0-based place in its stream: the recorded order. */
  readonly revision: number;
  readonly recordedAt: string;
  /** Defaults to recordedAt when the command did not say otherwise. */
  readonly effectiveAt: string;
  /**
   * Written from the programme document by the import that created the programme: the document is
   * the record, so even "zoals vastgelegd" counts the event from its effectiveAt (the documentdatum).
   */
  readonly uitProgrammadocument?: boolean;
}

/** "The end of X" and "the start of X": the one notion of as of, shared with the overviews (status/peilmoment). */
export { beginmomentVan, peilmomentVan } from '../status/peilmoment';

/** The moment from which an event counts as recorded. */
const vastgelegdMoment = (t: TijdlijnEvent): number => Date.parse(t.uitProgrammadocument ? t.effectiveAt || t.recordedAt : t.recordedAt);

const deadlineIdsVan = (event: AfspraakEvent): readonly string[] => {
  switch (event.type) {
    case 'DeadlineVerschoven':
      return [event.data.deadlineId];
    case 'LeveringGemeld':
    case 'LeveringGeaccepteerd':
    case 'LeveringAfgewezen':
    case 'AnkerVastgelegd':
      return event.data.deadlineIds;
    default:
      return [];
  }
};

/** The data field holding the moment of each afspraak event (set from the clock when recorded). */
const MOMENT_VELD: { readonly [T in AfspraakEvent['type']]: keyof Extract<AfspraakEvent, { type: T }>['data'] } = {
  AfspraakVastgelegd: 'vastgelegdOp',
  PartijToegewezen: 'toegewezenOp',
  PartijVerwijderd: 'verwijderdOp',
  DeadlineVastgelegd: 'vastgelegdOp',
  DeadlineVerschoven: 'verschovenOp',
  VoortgangGerapporteerd: 'gerapporteerdOp',
  LeveringGemeld: 'gemeldOp',
  LeveringGeaccepteerd: 'geaccepteerdOp',
  LeveringAfgewezen: 'afgewezenOp',
  AfspraakAfgerond: 'afgerondOp',
  AfspraakIngetrokken: 'ingetrokkenOp',
  AfspraakHeropend: 'heropendOp',
  AnkerVastgelegd: 'vastgelegdOp',
};

/** The event as it took effect: its moment field carries the effective moment instead of the recording time. */
const opEffectiefMoment = (event: AfspraakEvent, moment: number): AfspraakEvent => {
  const veld = MOMENT_VELD[event.type];
  const iso = new Date(moment).toISOString();
  return (event.data as Record<string, unknown>)[veld] === iso ? event : ({ ...event, data: { ...event.data, [veld]: iso } } as AfspraakEvent);
};

/**
 * The events of one afspraak that count for the peilmoment, in the order to apply them.
 *
 * In `gecorrigeerd` an event is ordered by its effective moment, but never before what it refers
 * to: nothing precedes the afspraak's registration, and a re-plan or delivery of a milestone never
 * precedes that milestone's registration (its effective moment is raised to theirs). Ties keep
 * the recorded order, so events written by one command stay together. The moments in the state
 * (gemeldOp, verschovenOp, …) are then the effective ones: a delivery claimed late but effective
 * before its deadline counts as claimed on time.
 */
export const afspraakEventsOp = (
  tijdlijn: readonly TijdlijnEvent<AfspraakEvent>[],
  peilmoment: string,
  zoals: Zoals,
): AfspraakEvent[] => {
  const grens = Date.parse(peilmoment);
  if (zoals === 'vastgelegd') {
    const gekozen: AfspraakEvent[] = [];
    for (const t of tijdlijn) {
      const moment = vastgelegdMoment(t);
      if (moment <= grens) gekozen.push(t.uitProgrammadocument ? opEffectiefMoment(t.event, moment) : t.event);
    }
    return gekozen;
  }

  let registratie = -Infinity;
  const mijlpaalVanaf = new Map<string, number>();
  const geordend: { moment: number; revision: number; event: AfspraakEvent }[] = [];
  for (const t of tijdlijn) {
    let moment = Date.parse(t.effectiveAt || t.recordedAt);
    if (t.event.type === AFSPRAAK_VASTGELEGD) registratie = moment;
    moment = Math.max(moment, registratie);
    for (const id of deadlineIdsVan(t.event)) moment = Math.max(moment, mijlpaalVanaf.get(id) ?? moment);
    if (t.event.type === DEADLINE_VASTGELEGD) mijlpaalVanaf.set(t.event.data.deadlineId, moment);
    geordend.push({ moment, revision: t.revision, event: t.event });
  }
  return geordend
    .filter((g) => g.moment <= grens)
    .sort((a, b) => a.moment - b.moment || a.revision - b.revision)
    .map((g) => opEffectiefMoment(g.event, g.moment));
};

/**
 * Programme or party events for the peilmoment, in recorded order (their evolve does not depend on
 * order beyond the first event). In `gecorrigeerd` nothing counts before the stream's first event.
 */
export const eventsOp = <E extends Event>(tijdlijn: readonly TijdlijnEvent<E>[], peilmoment: string, zoals: Zoals): E[] => {
  const grens = Date.parse(peilmoment);
  const gekozen: E[] = [];
  let eerste = -Infinity;
  for (const t of tijdlijn) {
    const moment = zoals === 'vastgelegd' ? vastgelegdMoment(t) : Math.max(Date.parse(t.effectiveAt || t.recordedAt), eerste);
    if (t.revision === 0) eerste = moment;
    if (moment <= grens) gekozen.push(t.event);
  }
  return gekozen;
};
