/**
 * Civil dates (`YYYY-MM-DD`) without a time or a time zone. Deadlines and the working-day calendar
 * talk about days, not instants, so they compute on plain year/month/day numbers; only `dueAt`
 * (in parse.ts) turns a day into an instant in Europe/Amsterdam.
 *
 * Internal to the deadlines module: not re-exported from index.ts.
 */

export interface Dag {
  readonly jaar: number;
  /** 1..12 */
  readonly maand: number;
  /** 1..31 */
  readonly dag: number;
}

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isSchrikkeljaar = (jaar: number): boolean =>
  (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;

export const dagenInMaand = (jaar: number, maand: number): number => {
  const dagen = [31, isSchrikkeljaar(jaar) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return dagen[maand - 1];
};

export const isBestaandeDag = (jaar: number, maand: number, dag: number): boolean =>
  Number.isInteger(jaar) &&
  Number.isInteger(maand) &&
  Number.isInteger(dag) &&
  maand >= 1 &&
  maand <= 12 &&
  dag >= 1 &&
  dag <= dagenInMaand(jaar, maand);

const tweeCijfers = (n: number): string => String(n).padStart(2, '0');

/** Formats a day as `YYYY-MM-DD`; the caller guarantees the day exists. */
export const datum = (jaar: number, maand: number, dag: number): string =>
  `${String(jaar).padStart(4, '0')}-${tweeCijfers(maand)}-${tweeCijfers(dag)}`;

/** Reads a `YYYY-MM-DD` string; null when it is not in that form or the day does not exist. */
export const leesDatum = (tekst: string): Dag | null => {
  const match = ISO_DATUM.exec(tekst);
  if (!match) return null;
  const [jaar, maand, dag] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isBestaandeDag(jaar, maand, dag) ? { jaar, maand, dag } : null;
};

// Date.UTC is only used as a day counter: UTC has no DST, so adding days never skips or repeats one.
const MS_PER_DAG = 24 * 60 * 60 * 1000;

const dagnummer = ({ jaar, maand, dag }: Dag): number => Date.UTC(jaar, maand - 1, dag) / MS_PER_DAG;

const uitDagnummer = (nummer: number): Dag => {
  const utc = new Date(nummer * MS_PER_DAG);
  return { jaar: utc.getUTCFullYear(), maand: utc.getUTCMonth() + 1, dag: utc.getUTCDate() };
};

export const dagenErbij = (van: Dag, aantal: number): Dag => uitDagnummer(dagnummer(van) + aantal);

export const formatteer = ({ jaar, maand, dag }: Dag): string => datum(jaar, maand, dag);

/** 0 = Sunday .. 6 = Saturday, like `Date.prototype.getDay`. */
export const weekdag = (dag: Dag): number => new Date(dagnummer(dag) * MS_PER_DAG).getUTCDay();

/** The day before a `YYYY-MM-DD` date, as `YYYY-MM-DD`. */
export const dagErvoor = (tekst: string): string => verschuif(tekst, -1);

/** The day after a `YYYY-MM-DD` date, as `YYYY-MM-DD`. */
export const dagErna = (tekst: string): string => verschuif(tekst, 1);

const verschuif = (tekst: string, aantal: number): string => {
  const dag = leesDatum(tekst);
  if (!dag) throw new RangeError(`geen geldige datum: ${tekst}`);
  return formatteer(dagenErbij(dag, aantal));
};

/** `aantal` calendar months later (negative: earlier); a day that month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export const maandenErbij = (van: Dag, aantal: number): Dag => {
  const index = van.jaar * 12 + (van.maand - 1) + aantal;
  const jaar = Math.floor(index / 12);
  const maand = (index % 12) + 1;
  return { jaar, maand, dag: Math.min(van.dag, dagenInMaand(jaar, maand)) };
};

/** The first day with that weekday (0 = Sunday) on or after `van`. */
export const eersteWeekdagVanaf = (van: Dag, dagVanWeek: number): Dag => dagenErbij(van, (dagVanWeek - weekdag(van) + 7) % 7);
