import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { ValidationError } from '../shared/errors';
import type { Deadline, Herhaling } from './deadline';
import { Dag, dagenErbij, datum, dagenInMaand, formatteer, leesDatum, maandenErbij, weekdag } from './kalenderdatum';
import { plusDuur } from './referentie';
import { SEIZOENEN } from './venster';

/**
 * What a rule or an anchor makes of a deadline: the occurrences of a recurrence (each with its own
 * due day) and the window of a relative deadline once its anchor has a date. Pure.
 */

export interface Voorkomen {
  /** 1, 2, … in date order */
  readonly nummer: number;
  readonly start: string;
  readonly end: string;
  readonly due: string;
  readonly dueAt: string;
}

/** More than this many occurrences is not a schedule anyone reads (ten years of weeks is 522). */
export const MAX_VOORKOMENS = 600;

const MAANDEN_PER: Readonly<Record<Exclude<Herhaling, 'week'>, number>> = { maand: 1, kwartaal: 3, halfjaar: 6, jaar: 12 };

const eindeVanDag = (dag: string): string => {
  const [j, m, d] = dag.split('-').map(Number);
  return new Date(addDays(new TZDate(j, m - 1, d, 'Europe/Amsterdam'), 1).getTime()).toISOString();
};

/** The calendar period of the rule that contains `dag`: its first and last day. */
const periodeVan = (dag: Dag, herhaling: Herhaling, seizoen: Deadline['seizoen']): [Dag, Dag] => {
  if (herhaling === 'week') {
    const maandag = dagenErbij(dag, -((weekdag(dag) + 6) % 7));
    return [maandag, dagenErbij(maandag, 6)];
  }
  if (seizoen) {
    // Once a year, in that season: the season of this year (winter: the one that starts in December).
    const eersteMaand = SEIZOENEN[seizoen];
    const begin = { jaar: dag.jaar, maand: eersteMaand, dag: 1 };
    const eind = maandenErbij(begin, 3);
    return [begin, dagenErbij(eind, -1)];
  }
  const lengte = MAANDEN_PER[herhaling];
  const eersteMaand = Math.floor((dag.maand - 1) / lengte) * lengte + 1;
  const begin = { jaar: dag.jaar, maand: eersteMaand, dag: 1 };
  const laatste = maandenErbij(begin, lengte - 1);
  return [begin, { ...laatste, dag: dagenInMaand(laatste.jaar, laatste.maand) }];
};

/**
 * The occurrences of a recurring deadline between its start and end: one per calendar week, month,
 * quarter, half year or year (or per season, "elk voorjaar"), clipped to the window; each is due on
 * its last day. A rule without an end has no list of occurrences: that is a `ValidationError`.
 * `vanaf` stands in for a missing start ("jaarlijks tot eind 2025" from the day it was recorded).
 */
export const voorkomens = (deadline: Deadline, opties: { readonly vanaf?: string } = {}): Voorkomen[] => {
  if (deadline.kind !== 'terugkerend' || !deadline.recurrence) return [];
  if (!deadline.end) {
    throw new ValidationError('HERHALING_ZONDER_EINDE', `"${deadline.phrase}" is een herhaling zonder einde: noem tot wanneer (bijv. "tot eind 2025")`, 'phrase');
  }
  const beginTekst = deadline.start ?? opties.vanaf ?? null;
  const begin = beginTekst ? leesDatum(beginTekst) : null;
  if (!begin) {
    throw new ValidationError('HERHALING_ZONDER_BEGIN', `"${deadline.phrase}" noemt geen begin; geef vanaf wanneer`, 'phrase');
  }
  const result: Voorkomen[] = [];
  let dag: Dag = begin;
  const start = formatteer(begin);
  while (formatteer(dag) <= deadline.end) {
    const [van, tot] = periodeVan(dag, deadline.recurrence, deadline.seizoen);
    const eind = formatteer(tot) < deadline.end ? formatteer(tot) : deadline.end;
    const eerste = formatteer(van) > start ? formatteer(van) : start;
    if (eerste <= eind) {
      if (result.length >= MAX_VOORKOMENS) {
        throw new ValidationError('TE_VEEL_VOORKOMENS', `"${deadline.phrase}" geeft meer dan ${MAX_VOORKOMENS} voorkomens`, 'phrase');
      }
      result.push({ nummer: result.length + 1, start: eerste, end: eind, due: eind, dueAt: eindeVanDag(eind) });
    }
    // Seasons recur yearly: the next is a year on from this one's start.
    dag = deadline.seizoen ? { jaar: van.jaar + 1, maand: 1, dag: 1 } : dagenErbij(tot, 1);
  }
  return result;
};

/**
 * A relative deadline once its anchor ("vaststelling") has a date: due `offset` after it, its window
 * from the anchor ("binnen drie maanden na", "tot maximaal 1 jaar na") or only the due day
 * ("twee maanden na de start"). Anything else is returned unchanged.
 */
export const metAnker = (deadline: Deadline, ankerdatum: string): Deadline => {
  if (deadline.kind !== 'relatief') return deadline;
  const anker = leesDatum(ankerdatum);
  if (!anker) throw new ValidationError('ONGELDIGE_DATUM', `datum "${ankerdatum}" bestaat niet (JJJJ-MM-DD)`, 'datum');
  const verschoven = plusDuur(anker, deadline.offset ?? { aantal: 0, eenheid: 'dag' });
  const due = formatteer(deadline.eersteTermijn ? dagenErbij(verschoven, -1) : verschoven);
  const start = deadline.vanAnker ? datum(anker.jaar, anker.maand, anker.dag) : due;
  return { ...deadline, ankerdatum, start: start <= due ? start : due, end: due, due, dueAt: eindeVanDag(due), reden: undefined };
};
