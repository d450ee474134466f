import type { Deadline } from '../deadlines/deadline';
import { ValidationError } from '../shared/errors';
import { parseDeadline, type DeadlineOpties } from '../deadlines/parse';
import { opWerkdagNaarVoren } from '../deadlines/werkdagen';
import { voorkomens } from '../deadlines/voorkomens';

/**
 * The Bestuurlijk Overleg from its rule ("eens per kwartaal van Q4 2022 tot en met Q4 2025"): each
 * occurrence of the rule is one meeting with its own date and status. The rule says by when, not on
 * which day: until a coordinator moves it to the day it is held, a meeting counts as held on the last
 * working day of its period (the latest day the rule still allows). Pure.
 */

export type OverlegStatus =
  /** on the day the rule gives it */
  | 'gepland'
  /** moved by a coordinator to another day, with a reason */
  | 'verplaatst'
  /** will not be held */
  | 'afgelast';

export interface BestuurlijkOverlegRegel {
  /** As written, e.g. "eens per kwartaal van Q4 2022 tot en met Q4 2025". */
  readonly phrase: string;
  /** The reading made when the rule was recorded (a `terugkerend` deadline with a start and an end). */
  readonly regel: Deadline;
}

export interface OverlegVoorkomen {
  /** 1, 2, … in the rule's order: how a move or a cancellation names it. */
  readonly nummer: number;
  /** The period of the rule it belongs to (a quarter), `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
  /** The day the rule gives it: the last working day of its period. */
  readonly volgensRegel: string;
  /** The day it is held (`volgensRegel` unless moved). */
  readonly datum: string;
  readonly status: OverlegStatus;
  /** Why it was moved or cancelled. */
  readonly reden: string | null;
}

export type OverlegWijziging =
  | { readonly soort: 'verplaatst'; readonly voorkomen: number; readonly naar: string; readonly reden: string }
  | { readonly soort: 'afgelast'; readonly voorkomen: number; readonly reden: string };

/** The meetings a rule yields, before any move. Throws `ValidationError` (field `phrase`) for a rule without start or end. */
export const overlegVoorkomens = (regel: Deadline): OverlegVoorkomen[] =>
  voorkomens(regel).map((v) => {
    const dag = opWerkdagNaarVoren(v.due);
    // A period that starts on the rule's last day and that day is no working day: the day itself.
    const volgensRegel = dag < v.start ? v.due : dag;
    return { nummer: v.nummer, start: v.start, end: v.end, volgensRegel, datum: volgensRegel, status: 'gepland', reden: null };
  });

/**
 * Reads the rule as the decider accepts it: a recurrence with a start and an end that yields at least
 * one meeting. Otherwise a `ValidationError` naming `phrase` (the importers ask this before writing).
 */
export const leesOverlegRegel = (phrase: string, opties: DeadlineOpties = {}): Deadline => {
  const regel = parseDeadline(phrase, opties);
  if (regel.kind !== 'terugkerend') {
    throw new ValidationError('GEEN_HERHALING', `"${regel.phrase}" is geen herhaling; noem hoe vaak het overleg samenkomt (bijv. "eens per kwartaal van Q4 2022 tot en met Q4 2025")`, 'phrase');
  }
  // A rule without a start or an end throws from voorkomens, naming the phrase.
  if (overlegVoorkomens(regel).length === 0) throw new ValidationError('GEEN_VOORKOMENS', `"${regel.phrase}" geeft geen enkel overleg`, 'phrase');
  return regel;
};

/** The occurrences with the coordinator's moves and cancellations applied, in order. */
export const pasWijzigingenToe = (basis: readonly OverlegVoorkomen[], wijzigingen: readonly OverlegWijziging[]): OverlegVoorkomen[] =>
  basis.map((v) =>
    wijzigingen
      .filter((w) => w.voorkomen === v.nummer)
      .reduce<OverlegVoorkomen>(
        (huidig, w) => (w.soort === 'afgelast' ? { ...huidig, status: 'afgelast', reden: w.reden } : { ...huidig, datum: w.naar, status: 'verplaatst', reden: w.reden }),
        v,
      ),
  );

/** Every meeting that will be held: the rule's (not cancelled) and the one-off ones, ascending, each date once. */
export const overlegDatums = (voorkomens: readonly OverlegVoorkomen[], losse: readonly string[]): string[] =>
  [...new Set([...voorkomens.filter((v) => v.status !== 'afgelast').map((v) => v.datum), ...losse])].sort();
