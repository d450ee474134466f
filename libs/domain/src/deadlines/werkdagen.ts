import { ValidationError } from '../shared/errors';
import { Dag, dagenErbij, datum, formatteer, leesDatum, weekdag } from './kalenderdatum';

/**
 * The Dutch working-day calendar. Which days are not working days follows the Algemene
 * termijnenwet (Atw): Saturdays, Sundays and the "algemeen erkende feestdagen" of art. 3:
 * - lid 1: Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, the day the
 *   King's birthday is celebrated (Koningsdag) and 5 May (Bevrijdingsdag);
 * - lid 2: Goede Vrijdag is treated the same;
 * - lid 3: extra days by royal decree (bridge days, published about every three years), which no rule
 *   can compute: pass them in `gelijkgesteldeDagen`.
 * Many collective agreements give 5 May off only in lustrum years and Goede Vrijdag not at all, so
 * both are options; the default is the law.
 *
 * All dates are `YYYY-MM-DD` strings; every function is pure.
 */

export interface Feestdag {
  readonly datum: string;
  readonly naam: string;
}

export type BevrijdingsdagRegel =
  /** every 5 May (Atw art. 3 lid 1) */
  | 'elk-jaar'
  /** only when the year is divisible by 5 (2020, 2025, ...), as in many collective agreements */
  | 'lustrumjaren'
  /** never a day off */
  | 'nooit';

export interface WerkdagRegels {
  readonly goedeVrijdagVrij: boolean;
  readonly bevrijdingsdag: BevrijdingsdagRegel;
  /** Days made equal to a holiday by royal decree (Atw art. 3 lid 3), `YYYY-MM-DD`. */
  readonly gelijkgesteldeDagen: readonly string[];
}

/** The rules of the Algemene termijnenwet; the default of every function below. */
export const ALGEMENE_TERMIJNENWET: WerkdagRegels = {
  goedeVrijdagVrij: true,
  bevrijdingsdag: 'elk-jaar',
  gelijkgesteldeDagen: [],
};

/** Koningsdag before 2014 was Koninginnedag on other dates; we model from 1980 (Beatrix) on. */
export const EERSTE_KALENDERJAAR = 1980;
export const LAATSTE_KALENDERJAAR = 2200;

type FeestdagSoort =
  | 'nieuwjaarsdag'
  | 'goede-vrijdag'
  | 'eerste-paasdag'
  | 'tweede-paasdag'
  | 'koningsdag'
  | 'bevrijdingsdag'
  | 'hemelvaartsdag'
  | 'eerste-pinksterdag'
  | 'tweede-pinksterdag'
  | 'eerste-kerstdag'
  | 'tweede-kerstdag';

interface BenoemdeFeestdag extends Feestdag {
  readonly soort: FeestdagSoort;
}

const ZONDAG = 0;
const ZATERDAG = 6;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export const paaszondag = (jaar: number): string => {
  controleerJaar(jaar);
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return datum(jaar, maand, dag);
};

/**
 * The day the monarch's birthday is celebrated: Koningsdag 27 April since 2014, moved to the
 * Saturday 26 April when the 27th is a Sunday; before that Koninginnedag 30 April, moved to
 * 29 April when the 30th was a Sunday.
 */
const koningsdag = (jaar: number): BenoemdeFeestdag => {
  const [naam, dag] = jaar >= 2014 ? ['Koningsdag', 27] : ['Koninginnedag', 30];
  const opZondag = weekdag({ jaar, maand: 4, dag }) === ZONDAG;
  return { soort: 'koningsdag', naam, datum: datum(jaar, 4, opZondag ? dag - 1 : dag) };
};

const benoemdeFeestdagenCache = new Map<number, readonly BenoemdeFeestdag[]>();

const benoemdeFeestdagen = (jaar: number): readonly BenoemdeFeestdag[] => {
  controleerJaar(jaar);
  const bekend = benoemdeFeestdagenCache.get(jaar);
  if (bekend) return bekend;

  const pasen = leesDatum(paaszondag(jaar)) as Dag;
  const naPasen = (dagen: number): string => formatteer(dagenErbij(pasen, dagen));
  const dagen: BenoemdeFeestdag[] = [
    { soort: 'nieuwjaarsdag', naam: 'Nieuwjaarsdag', datum: datum(jaar, 1, 1) },
    { soort: 'goede-vrijdag', naam: 'Goede Vrijdag', datum: naPasen(-2) },
    { soort: 'eerste-paasdag', naam: 'Eerste Paasdag', datum: naPasen(0) },
    { soort: 'tweede-paasdag', naam: 'Tweede Paasdag', datum: naPasen(1) },
    koningsdag(jaar),
    { soort: 'bevrijdingsdag', naam: 'Bevrijdingsdag', datum: datum(jaar, 5, 5) },
    { soort: 'hemelvaartsdag', naam: 'Hemelvaartsdag', datum: naPasen(39) },
    { soort: 'eerste-pinksterdag', naam: 'Eerste Pinksterdag', datum: naPasen(49) },
    { soort: 'tweede-pinksterdag', naam: 'Tweede Pinksterdag', datum: naPasen(50) },
    { soort: 'eerste-kerstdag', naam: 'Eerste Kerstdag', datum: datum(jaar, 12, 25) },
    { soort: 'tweede-kerstdag', naam: 'Tweede Kerstdag', datum: datum(jaar, 12, 26) },
  ];
  // Stable sort: on a shared date (5 May can be Hemelvaartsdag) the fixed order above decides.
  const gesorteerd = [...dagen].sort((x, y) => x.datum.localeCompare(y.datum));
  benoemdeFeestdagenCache.set(jaar, gesorteerd);
  return gesorteerd;
};

const zonderSoort = ({ datum, naam }: BenoemdeFeestdag): Feestdag => ({ datum, naam });

/** Every Dutch public holiday of the year, in date order, whether or not it is a day off. */
export const feestdagen = (year: number): Feestdag[] => benoemdeFeestdagen(year).map(zonderSoort);

const isVrijeFeestdag = (feestdag: BenoemdeFeestdag, jaar: number, regels: WerkdagRegels): boolean => {
  switch (feestdag.soort) {
    case 'goede-vrijdag':
      return regels.goedeVrijdagVrij;
    case 'bevrijdingsdag':
      return (
        regels.bevrijdingsdag === 'elk-jaar' ||
        (regels.bevrijdingsdag === 'lustrumjaren' && jaar % 5 === 0)
      );
    // Atw art. 3 lid 1 names only the second Easter and Whit days; the first ones are Sundays anyway.
    case 'eerste-paasdag':
    case 'eerste-pinksterdag':
      return false;
    default:
      return true;
  }
};

/** The holidays of the year that are not working days under the given rules, in date order. */
export const vrijeFeestdagen = (year: number, regels: WerkdagRegels = ALGEMENE_TERMIJNENWET): Feestdag[] =>
  benoemdeFeestdagen(year)
    .filter((feestdag) => isVrijeFeestdag(feestdag, year, regels))
    .map(zonderSoort);

const vrijeFeestdatums = (jaar: number, regels: WerkdagRegels): Set<string> =>
  new Set([
    ...vrijeFeestdagen(jaar, regels).map((feestdag) => feestdag.datum),
    ...regels.gelijkgesteldeDagen,
  ]);

const isWerkdagOp = (dag: Dag, regels: WerkdagRegels): boolean => {
  controleerJaar(dag.jaar);
  const dagVanDeWeek = weekdag(dag);
  if (dagVanDeWeek === ZATERDAG || dagVanDeWeek === ZONDAG) return false;
  return !vrijeFeestdatums(dag.jaar, regels).has(formatteer(dag));
};

/** True unless the date is a Saturday, a Sunday or a day off under the rules. */
export const isWerkdag = (date: string, regels: WerkdagRegels = ALGEMENE_TERMIJNENWET): boolean =>
  isWerkdagOp(leesDag(date), regels);

/** The last working day strictly before the date. */
export const vorigeWerkdag = (date: string, regels: WerkdagRegels = ALGEMENE_TERMIJNENWET): string =>
  formatteer(stapNaarWerkdag(dagenErbij(leesDag(date), -1), -1, regels));

/** The first working day strictly after the date. */
export const volgendeWerkdag = (date: string, regels: WerkdagRegels = ALGEMENE_TERMIJNENWET): string =>
  formatteer(stapNaarWerkdag(dagenErbij(leesDag(date), 1), 1, regels));

/**
 * The date `n` working days later (n > 0) or earlier (n < 0), not counting the date itself;
 * n = 0 returns the date unchanged, even when it is not a working day.
 */
export const werkdagenErbij = (
  date: string,
  n: number,
  regels: WerkdagRegels = ALGEMENE_TERMIJNENWET,
): string => {
  if (!Number.isSafeInteger(n)) {
    throw new ValidationError('ONGELDIG_AANTAL_WERKDAGEN', `Het aantal werkdagen moet een geheel getal zijn, niet ${n}.`, 'n');
  }
  let dag = leesDag(date);
  const richting = Math.sign(n);
  for (let gezet = 0; gezet < Math.abs(n); gezet++) {
    dag = stapNaarWerkdag(dagenErbij(dag, richting), richting, regels);
  }
  return formatteer(dag);
};

/**
 * The date itself when it is a working day, else the working day before it. A reminder that would
 * fall on a weekend or holiday is sent earlier, never later, so it still arrives before the deadline.
 */
export const opWerkdagNaarVoren = (date: string, regels: WerkdagRegels = ALGEMENE_TERMIJNENWET): string =>
  formatteer(stapNaarWerkdag(leesDag(date), -1, regels));

/**
 * The date itself when it is a working day, else the next working day: how Atw art. 1 extends a
 * statutory term that ends on a weekend or holiday.
 */
export const opWerkdagNaarAchteren = (date: string, regels: WerkdagRegels = ALGEMENE_TERMIJNENWET): string =>
  formatteer(stapNaarWerkdag(leesDag(date), 1, regels));

/** From `dag` (inclusive), walks in `richting` (+1 or -1) to the first working day. */
const stapNaarWerkdag = (dag: Dag, richting: number, regels: WerkdagRegels): Dag => {
  let huidig = dag;
  while (!isWerkdagOp(huidig, regels)) huidig = dagenErbij(huidig, richting);
  return huidig;
};

const leesDag = (date: string): Dag => {
  const dag = typeof date === 'string' ? leesDatum(date) : null;
  if (!dag) {
    throw new ValidationError('ONGELDIGE_DATUM', `"${date}" is geen bestaande datum in de vorm JJJJ-MM-DD.`, 'datum');
  }
  return dag;
};

function controleerJaar(jaar: number): void {
  if (!Number.isInteger(jaar) || jaar < EERSTE_KALENDERJAAR || jaar > LAATSTE_KALENDERJAAR) {
    throw new ValidationError(
      'JAAR_BUITEN_KALENDER',
      `De werkdagkalender kent de jaren ${EERSTE_KALENDERJAAR} tot en met ${LAATSTE_KALENDERJAAR}, niet ${jaar}.`,
      'jaar',
    );
  }
}
