import type { KalenderMoment } from './deadline';
import { dagenErbij, eersteWeekdagVanaf, formatteer, leesDatum } from './kalenderdatum';

/**
 * The Dutch political calendar as data, with a rule wherever one exists. A moment the Kamer (or the
 * law) fixed is `schatting: false` with its source; any other year follows the usual pattern and is
 * marked `schatting: true`, so an answer never passes a guess off as a fact. Pure; internal to the
 * deadlines module (re-exported for the API's and the docs' sake only through `politiekMoment`).
 */

export type Reces = 'zomerreces' | 'kerstreces' | 'voorjaarsreces' | 'meireces' | 'herfstreces';
export const RECESSEN: readonly Reces[] = ['zomerreces', 'kerstreces', 'voorjaarsreces', 'meireces', 'herfstreces'];

const VRIJDAG = 5;
const DINSDAG = 2;

const TK_RECESSEN = 'tweedekamer.nl, Debat en vergadering > Recessen (geraadpleegd voor 2023-2024)';

/**
 * Recesses as the Tweede Kamer set them: from the Friday the Kamer stops to the Monday before it meets
 * again (both inclusive). Keyed by the year the recess starts in.
 */
const VASTGESTELDE_RECESSEN: Readonly<Record<Reces, Readonly<Record<number, readonly [string, string, string]>>>> = {
  zomerreces: {
    // Nieuws.nl 6 juli 2018: "De Tweede Kamer is met zomerreces ... komen 4 september weer voor het eerst bijeen".
    2018: ['2018-07-06', '2018-09-03', 'nieuws.nl, 6 juli 2018 (Kamer weer bijeen op 4 september)'],
    // NU.nl juli 2022: "De landelijke politiek is van 8 juli tot 5 september met zomerreces."
    2022: ['2022-07-08', '2022-09-05', 'nu.nl, juli 2022'],
    2023: ['2023-07-07', '2023-09-04', TK_RECESSEN],
    2024: ['2024-07-05', '2024-09-02', TK_RECESSEN],
  },
  kerstreces: {
    2023: ['2023-12-22', '2024-01-15', TK_RECESSEN],
  },
  voorjaarsreces: {
    2024: ['2024-02-16', '2024-02-26', TK_RECESSEN],
  },
  meireces: {
    2023: ['2023-04-21', '2023-05-08', TK_RECESSEN],
    2024: ['2024-04-26', '2024-05-13', TK_RECESSEN],
  },
  herfstreces: {
    2023: ['2023-10-13', '2023-10-23', TK_RECESSEN],
  },
};

/**
 * The usual pattern, read off the recesses above: the recess starts on the Friday in a fixed week of
 * the year and ends on a Monday a fixed number of days later. Each rule reproduces every set recess
 * of its kind above (tested).
 */
const RECESPATROON: Readonly<Record<Reces, { readonly vroegsteVrijdag: readonly [number, number]; readonly dagen: number; readonly uitleg: string }>> = {
  zomerreces: { vroegsteVrijdag: [7, 2], dagen: 59, uitleg: 'de vrijdag van 2 tot en met 8 juli tot en met de maandag negen weken later' },
  kerstreces: { vroegsteVrijdag: [12, 18], dagen: 24, uitleg: 'de vrijdag van 18 tot en met 24 december tot en met de derde maandag daarna' },
  voorjaarsreces: { vroegsteVrijdag: [2, 13], dagen: 10, uitleg: 'de vrijdag van 13 tot en met 19 februari tot en met de tweede maandag daarna' },
  meireces: { vroegsteVrijdag: [4, 20], dagen: 17, uitleg: 'de vrijdag van 20 tot en met 26 april tot en met de derde maandag daarna' },
  herfstreces: { vroegsteVrijdag: [10, 10], dagen: 10, uitleg: 'de vrijdag van 10 tot en met 16 oktober tot en met de tweede maandag daarna' },
};

const NAAM: Readonly<Record<Reces, string>> = {
  zomerreces: 'zomerreces',
  kerstreces: 'kerstreces',
  voorjaarsreces: 'voorjaarsreces',
  meireces: 'meireces',
  herfstreces: 'herfstreces',
};

/** The recess of that kind that starts in `jaar` (the kerstreces runs into the next January). */
export const reces = (soort: Reces, jaar: number): KalenderMoment => {
  const vastgesteld = VASTGESTELDE_RECESSEN[soort][jaar];
  if (vastgesteld) return { naam: `${NAAM[soort]} ${jaar}`, start: vastgesteld[0], end: vastgesteld[1], schatting: false, bron: vastgesteld[2] };
  return geschatReces(soort, jaar);
};

/** The recesses the Kamer set, as `[soort, jaar]`: the pattern below is tested against each. */
export const vastgesteldeRecessen = (): readonly (readonly [Reces, number])[] =>
  RECESSEN.flatMap((soort) => Object.keys(VASTGESTELDE_RECESSEN[soort]).map((jaar) => [soort, Number(jaar)] as const));

/** The usual pattern, whether or not the Kamer set the recess. */
export const geschatReces = (soort: Reces, jaar: number): KalenderMoment => {
  const naam = `${NAAM[soort]} ${jaar}`;
  const { vroegsteVrijdag, dagen, uitleg } = RECESPATROON[soort];
  const vrijdag = eersteWeekdagVanaf({ jaar, maand: vroegsteVrijdag[0], dag: vroegsteVrijdag[1] }, VRIJDAG);
  return {
    naam,
    start: formatteer(vrijdag),
    end: formatteer(dagenErbij(vrijdag, dagen)),
    schatting: true,
    bron: `geschat naar het gebruikelijke patroon: ${uitleg}`,
  };
};

/** Prinsjesdag: the third Tuesday of September (Grondwet art. 65). A rule, never an estimate. */
export const prinsjesdag = (jaar: number): KalenderMoment => {
  const dag = formatteer(dagenErbij(eersteWeekdagVanaf({ jaar, maand: 9, dag: 1 }, DINSDAG), 14));
  return { naam: `Prinsjesdag ${jaar}`, start: dag, end: dag, schatting: false, bron: 'Grondwet art. 65: de derde dinsdag van september' };
};

/** The Miljoenennota is offered with the budget bills on Prinsjesdag (Grondwet art. 105 lid 2). */
export const miljoenennota = (jaar: number): KalenderMoment => ({
  ...prinsjesdag(jaar),
  naam: `Miljoenennota ${jaar}`,
  bron: 'Grondwet art. 105 lid 2: de begroting wordt ingediend op de dag van art. 65, de derde dinsdag van september',
});

/**
 * The Voorjaarsnota has no fixed day; the Comptabiliteitswet 2016 wants it sent before 1 June. We use
 * that last day, marked as an estimate: it usually comes earlier (April or May).
 */
export const voorjaarsnota = (jaar: number): KalenderMoment => {
  const dag = `${jaar}-05-31`;
  return {
    naam: `Voorjaarsnota ${jaar}`,
    start: dag,
    end: dag,
    schatting: true,
    bron: 'Comptabiliteitswet 2016: vóór 1 juni aan de Kamer; de dag zelf verschilt per jaar, dus de laatste dag is een schatting',
  };
};

export interface Kabinet {
  readonly naam: string;
  readonly beedigd: string;
  /** The end the period was planned to have: the next regular Tweede Kamer election. */
  readonly geplandEinde: string;
  readonly bron: string;
}

/**
 * Cabinets and their period as planned when they took office (a cabinet that falls early does not
 * change what "deze kabinetsperiode" meant in a document written during it).
 */
export const KABINETTEN: readonly Kabinet[] = [
  { naam: 'Rutte III', beedigd: '2017-10-26', geplandEinde: '2021-03-17', bron: 'beëdigd 26 oktober 2017; reguliere Tweede Kamerverkiezing 17 maart 2021' },
  { naam: 'Rutte IV', beedigd: '2022-01-10', geplandEinde: '2025-03-31', bron: 'beëdigd 10 januari 2022; reguliere verkiezing voorzien in maart 2025 (einde geschat op 31 maart 2025)' },
];

/** The cabinet in office on that day, as a window; null before Rutte III or after Rutte IV's planned end. */
export const kabinetsperiode = (datum: string): KalenderMoment | null => {
  if (!leesDatum(datum)) return null;
  const kabinet = [...KABINETTEN].reverse().find((k) => k.beedigd <= datum && datum <= k.geplandEinde);
  if (!kabinet) return null;
  return {
    naam: `kabinetsperiode ${kabinet.naam}`,
    start: kabinet.beedigd,
    end: kabinet.geplandEinde,
    schatting: kabinet.naam === 'Rutte IV',
    bron: kabinet.bron,
  };
};
