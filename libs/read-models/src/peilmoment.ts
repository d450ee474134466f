import { TZDate } from '@date-fns/tz';

const DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last millisecond of a day in Europe/Amsterdam: a deadline "uiterlijk" that day is still in time. */
export const eindVanDag = (datum: string): string => {
  const m = DATUM.exec(datum);
  if (!m) throw new RangeError(`geen datum: ${datum}`);
  const volgendeDag = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1, 'Europe/Amsterdam');
  return new Date(volgendeDag.getTime() - 1).toISOString();
};
