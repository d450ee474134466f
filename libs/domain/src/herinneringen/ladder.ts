import { TZDate } from '@date-fns/tz';
import { opWerkdagNaarAchteren, opWerkdagNaarVoren, werkdagenErbij } from '../deadlines/werkdagen';
import { dagenErbij, formatteer, leesDatum } from '../deadlines/kalenderdatum';
import type { Herinneringsbeleid } from './beleid';

/** A rung of the ladder: `voor-90` … `op-deadline`, then the escalations. Safe in job ids. */
export type Trede = `voor-${number}` | 'op-deadline' | 'escalatie-coordinator' | 'bestuurlijk-overleg' | 'wekelijks-overzicht';

/** Who a rung is for: the afspraak's own parties, or the programme coordinator. */
export type Doelgroep = 'partijen' | 'coordinator';

export interface LadderTrede {
  readonly trede: Trede;
  /** The working day it goes out, `YYYY-MM-DD`. */
  readonly datum: string;
  readonly doelgroep: Doelgroep;
  /** For `bestuurlijk-overleg`: the meeting whose agenda it goes on. */
  readonly overlegDatum: string | null;
}

const AMSTERDAM = 'Europe/Amsterdam';

const plusDagen = (datum: string, dagen: number): string => {
  const dag = leesDatum(datum);
  if (!dag) throw new RangeError(`geen geldige datum: ${datum}`);
  return formatteer(dagenErbij(dag, dagen));
};

// Pure results, memoised: many afspraken share due dates, and time zone and holiday arithmetic
// dominate scheduling cost. Bounded so a long-running process does not grow without end.
const GRENS = 20_000;
const onthoud = <T>(cache: Map<string, T>, key: string, bereken: () => T): T => {
  const bekend = cache.get(key);
  if (bekend !== undefined) return bekend;
  const waarde = bereken();
  if (cache.size >= GRENS) cache.clear();
  cache.set(key, waarde);
  return waarde;
};
const momenten = new Map<string, string>();
const ladders = new Map<string, readonly LadderTrede[]>();

/** The instant a rung goes out: the policy's hour on that day in Amsterdam, as ISO-8601 UTC. */
export const momentVan = (datum: string, uur: number): string =>
  onthoud(momenten, `${datum}T${uur}`, () => {
    const [jaar, maand, dag] = datum.split('-').map(Number);
    return new Date(new TZDate(jaar, maand - 1, dag, uur, 0, 0, AMSTERDAM).getTime()).toISOString();
  });

/**
 * The reminder and escalation ladder for one due date. Reminders before (and on) the due date
 * move back to the previous working day so they still arrive in time; escalations after it count
 * in working days, and the Bestuurlijk Overleg rung waits for the first meeting on or after its
 * day. With no such meeting planned there is no rung yet: planning one brings it back.
 */
export const berekenLadder = (due: string, beleid: Herinneringsbeleid, bestuurlijkOverleggen: readonly string[]): LadderTrede[] => [
  ...onthoud(ladders, `${due}|${JSON.stringify(beleid)}|${bestuurlijkOverleggen.join(',')}`, () => ladderVoor(due, beleid, bestuurlijkOverleggen)),
];

const ladderVoor = (due: string, beleid: Herinneringsbeleid, bestuurlijkOverleggen: readonly string[]): LadderTrede[] => {
  const treden: LadderTrede[] = [];
  for (const dagen of [...beleid.dagenVoor].sort((a, b) => b - a)) {
    treden.push({ trede: `voor-${dagen}`, datum: opWerkdagNaarVoren(plusDagen(due, -dagen)), doelgroep: 'partijen', overlegDatum: null });
  }
  if (beleid.opDeadline) {
    treden.push({ trede: 'op-deadline', datum: opWerkdagNaarVoren(due), doelgroep: 'partijen', overlegDatum: null });
  }
  if (beleid.escalatieNaWerkdagen !== null) {
    treden.push({ trede: 'escalatie-coordinator', datum: werkdagenErbij(due, beleid.escalatieNaWerkdagen), doelgroep: 'coordinator', overlegDatum: null });
  }
  if (beleid.bestuurlijkOverlegNaDagen !== null) {
    const datum = opWerkdagNaarAchteren(plusDagen(due, beleid.bestuurlijkOverlegNaDagen));
    const overleg = [...bestuurlijkOverleggen].sort().find((d) => d >= datum);
    if (overleg) treden.push({ trede: 'bestuurlijk-overleg', datum, doelgroep: 'coordinator', overlegDatum: overleg });
  }
  return treden;
};
