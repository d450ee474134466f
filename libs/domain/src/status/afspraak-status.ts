import type { BestaandeAfspraak, Mijlpaal } from '../afspraak/afspraak';
import type { Deadline } from '../deadlines/deadline';

/** Where an afspraak or milestone stands against its deadline at a given moment (the peildatum). */
export type DeadlineStatus =
  | 'op schema'
  | 'binnenkort'
  | 'verlopen'
  | 'geleverd op tijd'
  | 'geleverd te laat'
  | 'ingetrokken'
  /** open, and no due date can be read (a vague phrase, a recurrence without an end, no milestone at all) */
  | 'geen termijn'
  /** open, relative to an event whose date nobody recorded yet ("binnen drie maanden na vaststelling") */
  | 'wacht op anker';

export const DEADLINE_STATUSSEN: readonly DeadlineStatus[] = [
  'op schema',
  'binnenkort',
  'verlopen',
  'geleverd op tijd',
  'geleverd te laat',
  'ingetrokken',
  'geen termijn',
  'wacht op anker',
];

/** blauw: nothing to be late for yet, but someone has to give it a date. */
export type Stoplicht = 'groen' | 'oranje' | 'rood' | 'grijs' | 'blauw';

export interface StatusOpties {
  /** The moment to judge against (ISO-8601 instant); time is an input, never read from a clock here. */
  readonly peilmoment: string;
  /** A deadline within this many days is `binnenkort`. */
  readonly binnenkortDagen: number;
}

export const STANDAARD_BINNENKORT_DAGEN = 30;

export interface MijlpaalStatus {
  readonly deadlineId: string;
  readonly omschrijving: string;
  readonly status: Exclude<DeadlineStatus, 'ingetrokken'>;
  readonly phrase: string;
  /** For `wacht op anker`: the event it waits for ("vaststelling"). */
  readonly wachtOp: string | null;
  /** Why it has no due date, when it has none. */
  readonly reden: string | null;
  readonly due: string | null;
  readonly dueAt: string | null;
  readonly levering: Mijlpaal['levering']['status'];
  /** Days the current due date lies after the original baseline (negative: earlier). */
  readonly verschuivingDagen: number;
  readonly herplanningen: number;
}

export interface AfspraakStatus {
  readonly status: DeadlineStatus;
  readonly stoplicht: Stoplicht;
  readonly mijlpalen: readonly MijlpaalStatus[];
  /** The earliest due moment among milestones still to be delivered, or null. */
  readonly eerstvolgendeDueAt: string | null;
  readonly eerstvolgendeDue: string | null;
  /** Largest slippage of any milestone against its baseline, in days. */
  readonly verschuivingDagen: number;
  readonly herplanningen: number;
  /** Latest progress percentage per party (multi-party afspraken show who is behind). */
  readonly voortgangPerPartij: Readonly<Record<string, number>>;
}

const DAG_MS = 86_400_000;

const dagenTussen = (van: string | null, tot: string | null): number =>
  van && tot ? Math.round((Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${van}T00:00:00Z`)) / DAG_MS) : 0;

const ERNST: Record<DeadlineStatus, number> = {
  verlopen: 7,
  binnenkort: 6,
  'geleverd te laat': 5,
  'op schema': 4,
  'wacht op anker': 3,
  'geen termijn': 2,
  'geleverd op tijd': 1,
  ingetrokken: 0,
};

export const stoplichtVoor = (status: DeadlineStatus): Stoplicht => {
  switch (status) {
    case 'verlopen':
      return 'rood';
    case 'binnenkort':
    case 'geleverd te laat':
      return 'oranje';
    case 'ingetrokken':
      return 'grijs';
    case 'geen termijn':
    case 'wacht op anker':
      return 'blauw';
    default:
      return 'groen';
  }
};

/** Open work against a due moment: verlopen once it has passed, binnenkort within the window. */
const tegenDeadline = (deadline: Deadline, opties: StatusOpties): 'op schema' | 'binnenkort' | 'verlopen' | 'geen termijn' | 'wacht op anker' => {
  const { dueAt } = deadline;
  // Nothing to be late for is not "op schema": it has no termijn yet, or waits for its anchor's date.
  if (!dueAt) return deadline.kind === 'relatief' && !deadline.ankerdatum ? 'wacht op anker' : 'geen termijn';
  const nu = Date.parse(opties.peilmoment);
  const due = Date.parse(dueAt);
  if (nu >= due) return 'verlopen';
  return nu >= due - opties.binnenkortDagen * DAG_MS ? 'binnenkort' : 'op schema';
};

/** Delivered (claimed) work: on time when claimed before the deadline passed. */
const opTijd = (gemeldOp: string, deadline: Deadline): boolean => !deadline.dueAt || Date.parse(gemeldOp) <= Date.parse(deadline.dueAt);

export const mijlpaalStatus = (m: Mijlpaal, opties: StatusOpties): MijlpaalStatus => {
  let status: MijlpaalStatus['status'];
  switch (m.levering.status) {
    case 'geaccepteerd':
      status = opTijd(m.levering.gemeldOp, m.deadline) ? 'geleverd op tijd' : 'geleverd te laat';
      break;
    case 'gemeld':
      // Awaiting the coordinator: judged by when it was claimed, not by today.
      status = opTijd(m.levering.gemeldOp, m.deadline) ? 'op schema' : 'verlopen';
      break;
    default:
      status = tegenDeadline(m.deadline, opties);
  }
  return {
    deadlineId: m.deadlineId,
    omschrijving: m.omschrijving,
    status,
    phrase: m.deadline.phrase,
    wachtOp: status === 'wacht op anker' ? (m.deadline.anker ?? m.deadline.relativeTo) : null,
    reden: m.deadline.dueAt ? null : (m.deadline.reden ?? null),
    due: m.deadline.due,
    dueAt: m.deadline.dueAt,
    levering: m.levering.status,
    verschuivingDagen: dagenTussen(m.baseline.due, m.deadline.due),
    herplanningen: m.verschuivingen.length,
  };
};

/** Pure: the same afspraak and peilmoment always give the same status; nothing is written. */
export const afspraakStatus = (afspraak: BestaandeAfspraak, opties: StatusOpties): AfspraakStatus => {
  const mijlpalen = afspraak.mijlpalen.map((m) => mijlpaalStatus(m, opties));
  const open = afspraak.mijlpalen.filter((m) => m.levering.status !== 'geaccepteerd' && m.deadline.dueAt);
  const eerstvolgende = open.reduce<Mijlpaal | null>((min, m) => (!min || (m.deadline.dueAt as string) < (min.deadline.dueAt as string) ? m : min), null);
  const voortgangPerPartij = Object.fromEntries(Object.values(afspraak.voortgang).map((v) => [v.partijId, v.percentage]));

  let status: DeadlineStatus;
  if (afspraak.status === 'ingetrokken') status = 'ingetrokken';
  else if (afspraak.status === 'afgerond') {
    const teLaat = mijlpalen.some((m) => m.status === 'geleverd te laat');
    status = teLaat ? 'geleverd te laat' : 'geleverd op tijd';
  } else if (mijlpalen.length === 0) {
    status = 'geen termijn';
  } else {
    // The afspraak is as late as its worst milestone that is still open.
    const nogOpen = mijlpalen.filter((m) => m.levering !== 'geaccepteerd');
    status = (nogOpen.length ? nogOpen : mijlpalen).reduce<DeadlineStatus>((worst, m) => (ERNST[m.status] > ERNST[worst] ? m.status : worst), 'geleverd op tijd');
    if (status === 'geleverd op tijd' || status === 'geleverd te laat') status = 'op schema';
  }
  return {
    status,
    stoplicht: stoplichtVoor(status),
    mijlpalen,
    eerstvolgendeDueAt: eerstvolgende?.deadline.dueAt ?? null,
    eerstvolgendeDue: eerstvolgende?.deadline.due ?? null,
    verschuivingDagen: mijlpalen.reduce((max, m) => Math.max(max, m.verschuivingDagen), 0),
    herplanningen: mijlpalen.reduce((n, m) => n + m.herplanningen, 0),
    voortgangPerPartij,
  };
};
