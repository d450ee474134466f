import { evolve, initialAfspraak, type Afspraak, type AfspraakEvent, type AfspraakSoort, type BestaandeAfspraak } from '../afspraak/afspraak';
import { evolveProgramma, initialProgramma, type Programma, type ProgrammaEvent } from '../programma/programma';
import { fold } from '../shared/event';
import { DEADLINE_STATUSSEN, STANDAARD_BINNENKORT_DAGEN, afspraakStatus, type AfspraakStatus, type DeadlineStatus } from '../status/afspraak-status';
import { peilmomentVan } from '../status/peilmoment';
import { afspraakEventsOp, eventsOp, type TijdlijnEvent, type Zoals } from './tijdlijn';

export interface Peiling {
  /** `YYYY-MM-DD`; the stand is taken at the end of that day in Europe/Amsterdam. */
  readonly peildatum: string;
  readonly zoals: Zoals;
  readonly binnenkortDagen?: number;
}

export interface AfspraakStand {
  readonly peildatum: string;
  readonly peilmoment: string;
  readonly zoals: Zoals;
  /** `onbekend` when the afspraak did not exist (yet) in this view of the peildatum. */
  readonly afspraak: Afspraak;
  readonly status: AfspraakStatus | null;
  /** How many of the afspraak's events went into this stand. */
  readonly events: number;
}

/** Pure fold: the same events and peiling always give the same stand. */
export const afspraakStand = (tijdlijn: readonly TijdlijnEvent<AfspraakEvent>[], peiling: Peiling): AfspraakStand => {
  const peilmoment = peilmomentVan(peiling.peildatum);
  const events = afspraakEventsOp(tijdlijn, peilmoment, peiling.zoals);
  const afspraak = fold(evolve, initialAfspraak, events);
  return {
    peildatum: peiling.peildatum,
    peilmoment,
    zoals: peiling.zoals,
    afspraak,
    status: afspraak.status === 'onbekend' ? null : afspraakStatus(afspraak, { peilmoment, binnenkortDagen: peiling.binnenkortDagen ?? STANDAARD_BINNENKORT_DAGEN }),
    events: events.length,
  };
};

export type StatusTelling = Readonly<Record<DeadlineStatus, number>> & { readonly totaal: number };

export interface OpgaveTelling {
  readonly opgaveId: string;
  readonly nummer: number | null;
  readonly naam: string | null;
  readonly telling: StatusTelling;
}

export interface ProgrammalijnTelling {
  /** null: afspraken without a programmalijn. */
  readonly programmalijnId: string | null;
  readonly nummer: number | null;
  readonly naam: string | null;
  readonly telling: StatusTelling;
  readonly opgaven: readonly OpgaveTelling[];
}

export interface AfspraakInStand {
  readonly afspraak: BestaandeAfspraak;
  readonly status: AfspraakStatus;
}

export interface ProgrammaStand {
  readonly programmaId: string;
  readonly peildatum: string;
  readonly peilmoment: string;
  readonly zoals: Zoals;
  readonly programma: Programma;
  readonly totaal: StatusTelling;
  readonly perSoort: Readonly<Record<AfspraakSoort, StatusTelling>>;
  readonly programmalijnen: readonly ProgrammalijnTelling[];
  /** Every afspraak that existed in this view, ordered by id. */
  readonly afspraken: readonly AfspraakInStand[];
  /** How many events (programme and afspraken) went into this stand. */
  readonly events: number;
}

export interface ProgrammaTijdlijn {
  readonly programmaId: string;
  readonly programma: readonly TijdlijnEvent<ProgrammaEvent>[];
  /** One timeline per afspraak stream of the programme, each in revision order. */
  readonly afspraken: readonly (readonly TijdlijnEvent<AfspraakEvent>[])[];
}

const legeTelling = (): Record<DeadlineStatus, number> & { totaal: number } =>
  Object.fromEntries([...DEADLINE_STATUSSEN.map((s) => [s, 0]), ['totaal', 0]]) as Record<DeadlineStatus, number> & { totaal: number };

const tel = (telling: Record<DeadlineStatus, number> & { totaal: number }, status: DeadlineStatus): void => {
  telling[status]++;
  telling.totaal++;
};

/** Plain code-unit order: the same on every machine, unlike locale collation. */
const opId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The whole programme on a peildatum: per-afspraak state and counts per status per programmalijn and opgave. */
export const programmaStand = (invoer: ProgrammaTijdlijn, peiling: Peiling): ProgrammaStand => {
  const peilmoment = peilmomentVan(peiling.peildatum);
  const programmaEvents = eventsOp(invoer.programma, peilmoment, peiling.zoals);
  const programma = fold(evolveProgramma, initialProgramma, programmaEvents);
  let events = programmaEvents.length;

  const afspraken: AfspraakInStand[] = [];
  for (const tijdlijn of invoer.afspraken) {
    const stand = afspraakStand(tijdlijn, peiling);
    events += stand.events;
    if (stand.afspraak.status !== 'onbekend' && stand.status) afspraken.push({ afspraak: stand.afspraak, status: stand.status });
  }
  afspraken.sort((a, b) => opId(a.afspraak.afspraakId, b.afspraak.afspraakId));

  const totaal = legeTelling();
  const perSoort = { afspraak: legeTelling(), actie: legeTelling() };
  const lijnen = new Map<string | null, { telling: ReturnType<typeof legeTelling>; opgaven: Map<string, ReturnType<typeof legeTelling>> }>();
  const bekend = programma.status === 'vastgelegd' ? programma : null;
  for (const lijn of bekend?.programmalijnen ?? []) lijnen.set(lijn.programmalijnId, { telling: legeTelling(), opgaven: new Map() });
  for (const opgave of bekend?.opgaven ?? []) lijnen.get(opgave.programmalijnId)?.opgaven.set(opgave.opgaveId, legeTelling());

  for (const { afspraak, status } of afspraken) {
    tel(totaal, status.status);
    tel(perSoort[afspraak.soort], status.status);
    const lijnId = afspraak.programmalijnId;
    if (!lijnen.has(lijnId)) lijnen.set(lijnId, { telling: legeTelling(), opgaven: new Map() });
    const lijn = lijnen.get(lijnId)!;
    tel(lijn.telling, status.status);
    if (afspraak.opgaveId) {
      if (!lijn.opgaven.has(afspraak.opgaveId)) lijn.opgaven.set(afspraak.opgaveId, legeTelling());
      tel(lijn.opgaven.get(afspraak.opgaveId)!, status.status);
    }
  }

  const programmalijnen: ProgrammalijnTelling[] = [...lijnen.entries()]
    .map(([programmalijnId, { telling, opgaven }]) => {
      const lijn = bekend?.programmalijnen.find((l) => l.programmalijnId === programmalijnId);
      return {
        programmalijnId,
        nummer: lijn?.nummer ?? null,
        naam: lijn?.naam ?? null,
        telling,
        opgaven: [...opgaven.entries()]
          .map(([opgaveId, t]) => {
            const opgave = bekend?.opgaven.find((o) => o.opgaveId === opgaveId);
            return { opgaveId, nummer: opgave?.nummer ?? null, naam: opgave?.naam ?? null, telling: t };
          })
          .sort((a, b) => (a.nummer ?? Infinity) - (b.nummer ?? Infinity) || opId(a.opgaveId, b.opgaveId)),
      };
    })
    // Known lines by number; unknown ones, then afspraken without a line, last.
    .sort((a, b) => (a.nummer ?? Infinity) - (b.nummer ?? Infinity) || opId(a.programmalijnId ?? '\uffff', b.programmalijnId ?? '\uffff'));

  return { programmaId: invoer.programmaId, peildatum: peiling.peildatum, peilmoment, zoals: peiling.zoals, programma, totaal, perSoort, programmalijnen, afspraken, events };
};
