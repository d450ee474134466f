/**
 * A deadline as the programme states it, with our reading of it. Events store the reading made
 * when the deadline was recorded, so a later change to the parser never rewrites history.
 */
export type DeadlineSoort =
  /** due by the end of the window ("uiterlijk Q2 2023", "tot eind 2023") */
  | 'uiterlijk'
  /** takes effect on a date ("per 1 januari 2024") */
  | 'per'
  /** starts then ("vanaf Q3 2023") */
  | 'vanaf'
  /** happens somewhere in a window ("in 2023", "medio 2023", "in de periode 2022-2023") */
  | 'periode'
  /** recurs ("eens per kwartaal") */
  | 'terugkerend'
  /** relative to an event ("binnen drie maanden na vaststelling") */
  | 'relatief'
  /** no date can be read from it ("de komende jaren"): never guessed */
  | 'vaag';

export const DEADLINE_SOORTEN: readonly DeadlineSoort[] = [
  'uiterlijk',
  'per',
  'vanaf',
  'periode',
  'terugkerend',
  'relatief',
  'vaag',
];

export type Herhaling = 'week' | 'maand' | 'kwartaal' | 'halfjaar' | 'jaar';

export interface Deadline {
  /** The phrase as written in the source, trimmed and with runs of whitespace collapsed to one space. */
  readonly phrase: string;
  readonly kind: DeadlineSoort;
  /**
   * First day of the window, `YYYY-MM-DD`, or null: also when the window is open at the start
   * ("voor 1 januari 2024", "tussen nu en 2025", "jaarlijks tot eind 2024").
   */
  readonly start: string | null;
  /** Last day of the window (inclusive), `YYYY-MM-DD`, or null when it is open-ended ("na Q2 2023"). */
  readonly end: string | null;
  /**
   * The day it is due, `YYYY-MM-DD`, or null when no due date can be read: the end of the window for
   * `uiterlijk`, `periode` and a bounded `terugkerend`; the start for `per` and `vanaf`.
   */
  readonly due: string | null;
  /**
   * ISO-8601 UTC instant at which the deadline passes, computed in Europe/Amsterdam, or null: the
   * midnight after `due` (the whole day is still in time), or for `per`/`vanaf` the midnight that
   * starts `due`.
   */
  readonly dueAt: string | null;
  readonly recurrence: Herhaling | null;
  /** For `relatief`: the event it is relative to, in the source's words. */
  readonly relativeTo: string | null;

  // Optional fields (added later; deadlines stored before them read back unchanged without them).

  /** The date a phrase that leans on "now" ("dit najaar", "volgend jaar") was read against. */
  readonly referentie?: Referentie;
  /** For `relatief`: how long after (negative: before) the anchor it is due. */
  readonly offset?: Duur | null;
  /** For `relatief`: the event's name, lower case, without article ("vaststelling", "diplomering"). */
  readonly anker?: string;
  /** For `relatief`: the window runs from the anchor to its due day ("binnen drie maanden na", "tot maximaal 1 jaar na"). */
  readonly vanAnker?: boolean;
  /** For `relatief`: "het eerste jaar na …": the window is that first period, so its last day is the day before the anniversary. */
  readonly eersteTermijn?: boolean;
  /** For `relatief`, once a coordinator recorded it: the anchor's date; start/end/due/dueAt then follow from it. */
  readonly ankerdatum?: string;
  /** For `terugkerend`: the season each occurrence falls in ("elk voorjaar"). */
  readonly seizoen?: Seizoen;
  /** Political-calendar moments the window was read from, with their source; `schatting` when estimated. */
  readonly kalender?: readonly KalenderMoment[];
  /** Why there is no due date (a `vaag` phrase, a recurrence without an end), in Dutch. */
  readonly reden?: string;
}

export type ReferentieSoort =
  /** the date printed on the programme document */
  | 'documentdatum'
  /** the document has no printed date: the date the coordinator states */
  | 'opgegeven';

export interface Referentie {
  readonly soort: ReferentieSoort;
  /** `YYYY-MM-DD` */
  readonly datum: string;
}

export type Duureenheid = 'werkdag' | 'dag' | 'week' | 'maand' | 'jaar';

export interface Duur {
  readonly aantal: number;
  readonly eenheid: Duureenheid;
}

export type Seizoen = 'voorjaar' | 'zomer' | 'najaar' | 'winter';

export interface KalenderMoment {
  /** e.g. "zomerreces 2025", "Prinsjesdag 2024" */
  readonly naam: string;
  readonly start: string;
  readonly end: string;
  /** true when no date set by the Kamer is known and the window follows the usual pattern */
  readonly schatting: boolean;
  readonly bron: string;
}
