import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { ValidationError } from '../shared/errors';

/**
 * "As of", one notion for every reader (overviews, audit stand, report): a peildatum X means the
 * last millisecond of X in Europe/Amsterdam, so a deadline "uiterlijk X" is still in time at it.
 * Without a peildatum: now.
 */
const AMSTERDAM = 'Europe/Amsterdam';
const PEILDATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

const beginVanDag = (datum: string, field: string): TZDate => {
  const match = PEILDATUM.exec(datum);
  const [jaar, maand, dag] = match ? match.slice(1).map(Number) : [NaN, NaN, NaN];
  const begin = new TZDate(jaar, maand - 1, dag, AMSTERDAM);
  if (!match || Number.isNaN(begin.getTime()) || begin.getFullYear() !== jaar || begin.getMonth() !== maand - 1 || begin.getDate() !== dag) {
    throw new ValidationError('ONGELDIGE_PEILDATUM', `${field} moet een bestaande datum zijn (JJJJ-MM-DD)`, field);
  }
  return begin;
};

/** The end of the peildatum in Europe/Amsterdam, as a UTC instant; 400 for a day that does not exist. */
export const peilmomentVan = (peildatum: string): string => new Date(addDays(beginVanDag(peildatum, 'peildatum'), 1).getTime() - 1).toISOString();

/** The first millisecond of a day in Europe/Amsterdam, as a UTC instant: when a dated document takes effect. */
export const beginmomentVan = (datum: string): string => new Date(beginVanDag(datum, 'datum').getTime()).toISOString();

/** The day (YYYY-MM-DD) in Europe/Amsterdam that an instant falls on. */
export const peildatumVan = (moment: Date | string): string => format(new TZDate(new Date(moment).getTime(), AMSTERDAM), 'yyyy-MM-dd');

/** The moment a reader judges at: the end of the peildatum, or `nu` without one. */
export const peilmomentOf = (peildatum: string | undefined, nu: Date): string => (peildatum ? peilmomentVan(peildatum) : nu.toISOString());
