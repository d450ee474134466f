import type { Deadline } from '../deadlines/deadline';
import { metAnker } from '../deadlines/voorkomens';
import type { Event } from '../shared/event';
import { upcast, upcasters, storedSchemaVersion, type StoredEvent } from '../shared/upcasting';

/** An afspraak from section 3 of a programme, or an actie of its werkagenda (section 6). */
export type AfspraakSoort = 'afspraak' | 'actie';
export const AFSPRAAK_SOORTEN: readonly AfspraakSoort[] = ['afspraak', 'actie'];

/** Level of a werkagenda action. */
export type Niveau = 'zorgorganisatie' | 'sector-en-regio' | 'systeem-en-overheid';
export const NIVEAUS: readonly Niveau[] = ['zorgorganisatie', 'sector-en-regio', 'systeem-en-overheid'];

export type PartijRol = 'trekker' | 'betrokken';

export interface Bewijs {
  readonly url: string;
  readonly titel: string;
}

// Stored event type strings. They are constants: renaming a TypeScript symbol never changes them.
export const AFSPRAAK_VASTGELEGD = 'AfspraakVastgelegd';
export const PARTIJ_TOEGEWEZEN = 'PartijToegewezen';
export const PARTIJ_VERWIJDERD = 'PartijVerwijderd';
export const DEADLINE_VASTGELEGD = 'DeadlineVastgelegd';
export const DEADLINE_VERSCHOVEN = 'DeadlineVerschoven';
export const VOORTGANG_GERAPPORTEERD = 'VoortgangGerapporteerd';
export const LEVERING_GEMELD = 'LeveringGemeld';
export const LEVERING_GEACCEPTEERD = 'LeveringGeaccepteerd';
export const LEVERING_AFGEWEZEN = 'LeveringAfgewezen';
export const AFSPRAAK_AFGEROND = 'AfspraakAfgerond';
export const AFSPRAAK_INGETROKKEN = 'AfspraakIngetrokken';
export const AFSPRAAK_HEROPEND = 'AfspraakHeropend';
export const ANKER_VASTGELEGD = 'AnkerVastgelegd';

export type AfspraakVastgelegd = Event<
  typeof AFSPRAAK_VASTGELEGD,
  {
    afspraakId: string;
    soort: AfspraakSoort;
    programmaId: string;
    programmalijnId: string | null;
    opgaveId: string | null;
    /** Number in the source ("9" for afspraak 9), if it has one. */
    nummer: string | null;
    niveau: Niveau | null;
    titel: string;
    tekst: string;
    bronCitaat: string;
    trekker: string;
    betrokken: string[];
    /** Only an actie: the actie it is a sub-bullet of. Absent on events from before the field. */
    ouder?: string;
    /** Only an actie: the afspraken it serves, where the text says so. Absent when none. */
    dientAfspraken?: string[];
    vastgelegdOp: string;
  }
>;

export type PartijToegewezen = Event<
  typeof PARTIJ_TOEGEWEZEN,
  {
    afspraakId: string;
    partijId: string;
    rol: PartijRol;
    /** A new trekker replaces the previous one, who is then no longer involved. */
    vervangt: string | null;
    toegewezenOp: string;
  }
>;

export type PartijVerwijderd = Event<
  typeof PARTIJ_VERWIJDERD,
  { afspraakId: string; partijId: string; reden: string; verwijderdOp: string }
>;

export type DeadlineVastgelegd = Event<
  typeof DEADLINE_VASTGELEGD,
  { afspraakId: string; deadlineId: string; omschrijving: string; deadline: Deadline; vastgelegdOp: string }
>;

export type DeadlineVerschoven = Event<
  typeof DEADLINE_VERSCHOVEN,
  {
    afspraakId: string;
    deadlineId: string;
    van: Deadline;
    naar: Deadline;
    reden: string;
    /** The body that decided the re-plan, e.g. "Bestuurlijk Overleg TAZ". */
    besluitorgaan: string;
    /** Day of that decision (`YYYY-MM-DD`), when known. */
    besluitdatum: string | null;
    verschovenOp: string;
  }
>;

export type VoortgangGerapporteerd = Event<
  typeof VOORTGANG_GERAPPORTEERD,
  {
    afspraakId: string;
    partijId: string;
    percentage: number;
    toelichting: string;
    bewijs: Bewijs[];
    gerapporteerdOp: string;
  }
>;

export type LeveringGemeld = Event<
  typeof LEVERING_GEMELD,
  {
    afspraakId: string;
    partijId: string;
    /** The milestones delivered; empty when the afspraak has no milestones and is delivered as a whole. */
    deadlineIds: string[];
    toelichting: string;
    bewijs: Bewijs[];
    gemeldOp: string;
  }
>;

export type LeveringGeaccepteerd = Event<
  typeof LEVERING_GEACCEPTEERD,
  { afspraakId: string; deadlineIds: string[]; toelichting: string; geaccepteerdOp: string }
>;

export type LeveringAfgewezen = Event<
  typeof LEVERING_AFGEWEZEN,
  { afspraakId: string; deadlineIds: string[]; reden: string; afgewezenOp: string }
>;

export type AfspraakAfgerond = Event<typeof AFSPRAAK_AFGEROND, { afspraakId: string; afgerondOp: string }>;

export type AfspraakIngetrokken = Event<
  typeof AFSPRAAK_INGETROKKEN,
  { afspraakId: string; reden: string; ingetrokkenOp: string }
>;

export type AfspraakHeropend = Event<
  typeof AFSPRAAK_HEROPEND,
  { afspraakId: string; reden: string; heropendOp: string }
>;

/** The event a relative deadline counts from ("vaststelling") happened on `datum`: those milestones now have a due date. */
export type AnkerVastgelegd = Event<
  typeof ANKER_VASTGELEGD,
  { afspraakId: string; anker: string; datum: string; deadlineIds: string[]; vastgelegdOp: string }
>;

export type AfspraakEvent =
  | AfspraakVastgelegd
  | PartijToegewezen
  | PartijVerwijderd
  | DeadlineVastgelegd
  | DeadlineVerschoven
  | VoortgangGerapporteerd
  | LeveringGemeld
  | LeveringGeaccepteerd
  | LeveringAfgewezen
  | AfspraakAfgerond
  | AfspraakIngetrokken
  | AfspraakHeropend
  | AnkerVastgelegd;

export const AFSPRAAK_EVENT_TYPES: readonly AfspraakEvent['type'][] = [
  AFSPRAAK_VASTGELEGD,
  PARTIJ_TOEGEWEZEN,
  PARTIJ_VERWIJDERD,
  DEADLINE_VASTGELEGD,
  DEADLINE_VERSCHOVEN,
  VOORTGANG_GERAPPORTEERD,
  LEVERING_GEMELD,
  LEVERING_GEACCEPTEERD,
  LEVERING_AFGEWEZEN,
  AFSPRAAK_AFGEROND,
  AFSPRAAK_INGETROKKEN,
  AFSPRAAK_HEROPEND,
  ANKER_VASTGELEGD,
];

const AFSPRAAK_EVENT_TYPE_SET: ReadonlySet<string> = new Set(AFSPRAAK_EVENT_TYPES);

// Asked for every event a projection reads: a set lookup, not a scan of the list.
export const isAfspraakEvent = (event: { type: string }): event is AfspraakEvent => AFSPRAAK_EVENT_TYPE_SET.has(event.type);

/** Schema version per event type, and the upcasters from older versions (none yet: every type is at 1). */
export const afspraakUpcasters = upcasters<AfspraakEvent>({
  [AFSPRAAK_VASTGELEGD]: { version: 1 },
  [PARTIJ_TOEGEWEZEN]: { version: 1 },
  [PARTIJ_VERWIJDERD]: { version: 1 },
  [DEADLINE_VASTGELEGD]: { version: 1 },
  [DEADLINE_VERSCHOVEN]: { version: 1 },
  [VOORTGANG_GERAPPORTEERD]: { version: 1 },
  [LEVERING_GEMELD]: { version: 1 },
  [LEVERING_GEACCEPTEERD]: { version: 1 },
  [LEVERING_AFGEWEZEN]: { version: 1 },
  [AFSPRAAK_AFGEROND]: { version: 1 },
  [AFSPRAAK_INGETROKKEN]: { version: 1 },
  [AFSPRAAK_HEROPEND]: { version: 1 },
  [ANKER_VASTGELEGD]: { version: 1 },
});

/** A stored event of an afspraak stream as the current domain event; any other type fails. */
export const decodeAfspraakEvent = (recorded: StoredEvent): AfspraakEvent =>
  upcast(afspraakUpcasters, recorded.type, storedSchemaVersion(recorded), recorded.data);

// ---------------------------------------------------------------------------------------------
// State

export type Levering =
  | { readonly status: 'open' }
  | { readonly status: 'gemeld'; readonly door: string; readonly gemeldOp: string }
  | { readonly status: 'afgewezen'; readonly reden: string; readonly afgewezenOp: string }
  | { readonly status: 'geaccepteerd'; readonly gemeldOp: string; readonly geaccepteerdOp: string };

export interface Verschuiving {
  readonly van: Deadline;
  readonly naar: Deadline;
  readonly reden: string;
  readonly besluitorgaan: string;
  readonly besluitdatum: string | null;
  readonly verschovenOp: string;
}

/** A milestone: one deadline of the afspraak with its own delivery. */
export interface Mijlpaal {
  readonly deadlineId: string;
  readonly omschrijving: string;
  readonly deadline: Deadline;
  /** The deadline as first recorded: slippage is measured against it. */
  readonly baseline: Deadline;
  readonly verschuivingen: readonly Verschuiving[];
  readonly levering: Levering;
}

export interface VoortgangRapport {
  readonly partijId: string;
  readonly percentage: number;
  readonly toelichting: string;
  readonly bewijs: readonly Bewijs[];
  readonly gerapporteerdOp: string;
}

export interface AfspraakGegevens {
  readonly afspraakId: string;
  readonly soort: AfspraakSoort;
  readonly programmaId: string;
  readonly programmalijnId: string | null;
  readonly opgaveId: string | null;
  readonly nummer: string | null;
  readonly niveau: Niveau | null;
  readonly titel: string;
  readonly tekst: string;
  readonly bronCitaat: string;
  readonly trekker: string;
  readonly betrokken: readonly string[];
  /** The actie this one is a sub-action of; null for a top-level actie and every afspraak. */
  readonly ouder: string | null;
  /** The afspraken this actie serves (empty: the text names none). */
  readonly dientAfspraken: readonly string[];
  readonly mijlpalen: readonly Mijlpaal[];
  /** Delivery of an afspraak without milestones, as a whole. */
  readonly leveringZonderMijlpaal: Levering;
  /** Latest report per party. */
  readonly voortgang: Readonly<Record<string, VoortgangRapport>>;
  readonly vastgelegdOp: string;
}

export type Afspraak =
  | { readonly status: 'onbekend' }
  | ({ readonly status: 'lopend' } & AfspraakGegevens)
  | ({ readonly status: 'afgerond'; readonly afgerondOp: string } & AfspraakGegevens)
  | ({ readonly status: 'ingetrokken'; readonly reden: string; readonly ingetrokkenOp: string } & AfspraakGegevens);

export type BestaandeAfspraak = Exclude<Afspraak, { status: 'onbekend' }>;

export const initialAfspraak: Afspraak = { status: 'onbekend' };

export const isBetrokkenPartij = (afspraak: Pick<AfspraakGegevens, 'trekker' | 'betrokken'>, partijId: string): boolean =>
  afspraak.trekker === partijId || afspraak.betrokken.includes(partijId);

const OPEN: Levering = { status: 'open' };

const zetLevering = (
  afspraak: BestaandeAfspraak,
  deadlineIds: readonly string[],
  levering: (mijlpaal: Levering) => Levering,
): BestaandeAfspraak =>
  deadlineIds.length === 0
    ? { ...afspraak, leveringZonderMijlpaal: levering(afspraak.leveringZonderMijlpaal) }
    : {
        ...afspraak,
        mijlpalen: afspraak.mijlpalen.map((m) =>
          deadlineIds.includes(m.deadlineId) ? { ...m, levering: levering(m.levering) } : m,
        ),
      };

const gegevens = (afspraak: BestaandeAfspraak): AfspraakGegevens => {
  // Strip the status-specific fields so a status change never carries stale ones along.
  const { status: _status, ...rest } = afspraak as BestaandeAfspraak & { afgerondOp?: string; reden?: string; ingetrokkenOp?: string };
  const { afgerondOp: _a, reden: _r, ingetrokkenOp: _i, ...data } = rest;
  return data;
};

export const evolve = (state: Afspraak, event: AfspraakEvent): Afspraak => {
  if (event.type === AFSPRAAK_VASTGELEGD) {
    const { vastgelegdOp, ...d } = event.data;
    return {
      status: 'lopend',
      afspraakId: d.afspraakId,
      soort: d.soort,
      programmaId: d.programmaId,
      programmalijnId: d.programmalijnId,
      opgaveId: d.opgaveId,
      nummer: d.nummer,
      niveau: d.niveau,
      titel: d.titel,
      tekst: d.tekst,
      bronCitaat: d.bronCitaat,
      trekker: d.trekker,
      betrokken: [...d.betrokken],
      ouder: d.ouder ?? null,
      dientAfspraken: [...(d.dientAfspraken ?? [])],
      mijlpalen: [],
      leveringZonderMijlpaal: OPEN,
      voortgang: {},
      vastgelegdOp,
    };
  }
  // Events for an afspraak that was never registered cannot occur in a valid stream.
  if (state.status === 'onbekend') return state;

  switch (event.type) {
    case PARTIJ_TOEGEWEZEN: {
      const { partijId, rol, vervangt } = event.data;
      if (rol === 'trekker') {
        return {
          ...state,
          trekker: partijId,
          betrokken: state.betrokken.filter((p) => p !== partijId && p !== vervangt),
        };
      }
      return { ...state, betrokken: [...state.betrokken, partijId] };
    }
    case PARTIJ_VERWIJDERD:
      return { ...state, betrokken: state.betrokken.filter((p) => p !== event.data.partijId) };
    case DEADLINE_VASTGELEGD: {
      const { deadlineId, omschrijving, deadline } = event.data;
      const mijlpaal: Mijlpaal = { deadlineId, omschrijving, deadline, baseline: deadline, verschuivingen: [], levering: OPEN };
      return { ...state, mijlpalen: [...state.mijlpalen, mijlpaal] };
    }
    case DEADLINE_VERSCHOVEN: {
      const { deadlineId, van, naar, reden, besluitorgaan, besluitdatum, verschovenOp } = event.data;
      return {
        ...state,
        mijlpalen: state.mijlpalen.map((m) =>
          m.deadlineId === deadlineId
            ? { ...m, deadline: naar, verschuivingen: [...m.verschuivingen, { van, naar, reden, besluitorgaan, besluitdatum, verschovenOp }] }
            : m,
        ),
      };
    }
    case ANKER_VASTGELEGD: {
      const { deadlineIds, datum } = event.data;
      return {
        ...state,
        mijlpalen: state.mijlpalen.map((m) => {
          if (!deadlineIds.includes(m.deadlineId)) return m;
          const gedateerd = metAnker(m.deadline, datum);
          // Slippage counts from the first dated reading: before it there was no date to slip from.
          return { ...m, deadline: gedateerd, baseline: m.baseline.due === null ? gedateerd : m.baseline };
        }),
      };
    }
    case VOORTGANG_GERAPPORTEERD: {
      const { partijId, percentage, toelichting, bewijs, gerapporteerdOp } = event.data;
      return { ...state, voortgang: { ...state.voortgang, [partijId]: { partijId, percentage, toelichting, bewijs, gerapporteerdOp } } };
    }
    case LEVERING_GEMELD: {
      const { partijId, gemeldOp, deadlineIds } = event.data;
      return zetLevering(state, deadlineIds, () => ({ status: 'gemeld', door: partijId, gemeldOp }));
    }
    case LEVERING_GEACCEPTEERD: {
      const { deadlineIds, geaccepteerdOp } = event.data;
      return zetLevering(state, deadlineIds, (l) => ({
        status: 'geaccepteerd',
        gemeldOp: l.status === 'gemeld' ? l.gemeldOp : geaccepteerdOp,
        geaccepteerdOp,
      }));
    }
    case LEVERING_AFGEWEZEN: {
      const { deadlineIds, reden, afgewezenOp } = event.data;
      return zetLevering(state, deadlineIds, () => ({ status: 'afgewezen', reden, afgewezenOp }));
    }
    case AFSPRAAK_AFGEROND:
      return { ...gegevens(state), status: 'afgerond', afgerondOp: event.data.afgerondOp };
    case AFSPRAAK_INGETROKKEN:
      return { ...gegevens(state), status: 'ingetrokken', reden: event.data.reden, ingetrokkenOp: event.data.ingetrokkenOp };
    case AFSPRAAK_HEROPEND: {
      const reopened = { ...gegevens(state), status: 'lopend' as const };
      if (state.status !== 'afgerond') return reopened;
      // Reopening a completed afspraak means its delivery no longer stands.
      return {
        ...reopened,
        mijlpalen: reopened.mijlpalen.map((m) => ({ ...m, levering: OPEN })),
        leveringZonderMijlpaal: OPEN,
      };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
