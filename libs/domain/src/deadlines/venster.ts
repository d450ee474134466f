import type { KalenderMoment } from './deadline';
import { dagenErbij, datum, dagenInMaand, formatteer, isBestaandeDag, weekdag } from './kalenderdatum';
import { kabinetsperiode, KABINETTEN, miljoenennota, prinsjesdag, reces, voorjaarsnota, type Reces } from './politieke-kalender';

/**
 * Time windows named in deadline phrases: "Q2 2023", "najaar 2022", "1 januari 2024", "2022-2023".
 * Works on the normalised text made by parse.ts (lower case, no accents, no articles, no "van"/"of",
 * one kind of dash). Internal to the deadlines module.
 */

export type Korrel = 'dag' | 'week' | 'maand' | 'kwartaal' | 'halfjaar' | 'seizoen' | 'jaar' | 'deel' | 'reeks' | 'reces';

export interface Venster {
  /** First day, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  readonly end: string;
  /** What was named; decides whether "begin/medio/eind" can narrow it and how "tot" reads it. */
  readonly korrel: Korrel;
  /** For windows of whole months: where they start and how many months they span. */
  readonly maanden?: MaandSpan;
  /** Political-calendar moments it was read from. */
  readonly kalender?: readonly KalenderMoment[];
}

interface MaandSpan {
  readonly jaar: number;
  readonly maand: number;
  readonly aantal: number;
}

/** A date that can be read but does not exist ("Q5 2023", "31 februari 2024"); `reden` is Dutch. */
export class OnmogelijkeDatum extends Error {
  constructor(readonly reden: string) {
    super(reden);
    this.name = 'OnmogelijkeDatum';
  }
}

export const EERSTE_JAAR = 1900;
export const LAATSTE_JAAR = 2200;

const MAANDEN: Readonly<Record<string, number>> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2,
  maart: 3, march: 3, mrt: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

export const MAANDNAMEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** Dutch meteorological seasons by first month; each spans three months, winter into the next year. */
export const SEIZOENEN: Readonly<Record<string, number>> = {
  voorjaar: 3, lente: 3, spring: 3,
  zomer: 6, summer: 6,
  najaar: 9, herfst: 9, autumn: 9, fall: 9,
  winter: 12,
};

const RANGTELWOORDEN: Readonly<Record<string, number>> = {
  eerste: 1, tweede: 2, derde: 3, vierde: 4,
  first: 1, second: 2, third: 3, fourth: 4,
};

const alternatief = (woorden: readonly string[]): string =>
  `(${[...woorden].sort((a, b) => b.length - a.length).join('|')})`;

const MAAND = alternatief(Object.keys(MAANDEN));
const SEIZOEN = alternatief(Object.keys(SEIZOENEN));
const RANGTELWOORD = `(${Object.keys(RANGTELWOORDEN).join('|')}|\\d+(?:e|ste|de|st|nd|rd|th))`;
const JAAR = '(\\d{4})';
const DAGNUMMER = '(\\d{1,2})(?:e|ste|de|st|nd|rd|th)?';

const jaar = (tekst: string): number => {
  const waarde = Number(tekst);
  if (waarde < EERSTE_JAAR || waarde > LAATSTE_JAAR) {
    throw new OnmogelijkeDatum(`het jaar ${tekst} valt buiten het bereik ${EERSTE_JAAR} tot en met ${LAATSTE_JAAR}`);
  }
  return waarde;
};

const rangnummer = (tekst: string): number =>
  RANGTELWOORDEN[tekst] ?? Number.parseInt(tekst, 10);

const dagVenster = (jaarTekst: string, maand: number, dag: number): Venster => {
  const j = jaar(jaarTekst);
  if (maand < 1 || maand > 12) throw new OnmogelijkeDatum(`maand ${maand} bestaat niet (1 tot en met 12)`);
  if (!isBestaandeDag(j, maand, dag)) {
    throw new OnmogelijkeDatum(
      `${dag} ${MAANDNAMEN[maand - 1]} ${j} bestaat niet (${MAANDNAMEN[maand - 1]} ${j} heeft ${dagenInMaand(j, maand)} dagen)`,
    );
  }
  const dagDatum = datum(j, maand, dag);
  return { start: dagDatum, end: dagDatum, korrel: 'dag' };
};

const maandVenster = (j: number, maand: number, aantal: number, korrel: Korrel): Venster => {
  const laatsteMaandIndex = maand - 1 + aantal - 1;
  const eindJaar = j + Math.floor(laatsteMaandIndex / 12);
  const eindMaand = (laatsteMaandIndex % 12) + 1;
  return {
    start: datum(j, maand, 1),
    end: datum(eindJaar, eindMaand, dagenInMaand(eindJaar, eindMaand)),
    korrel,
    maanden: { jaar: j, maand, aantal },
  };
};

const kwartaalVenster = (nummerTekst: string, jaarTekst: string): Venster => {
  const nummer = rangnummer(nummerTekst);
  if (nummer < 1 || nummer > 4) throw new OnmogelijkeDatum(`kwartaal ${nummer} bestaat niet (Q1 tot en met Q4)`);
  return maandVenster(jaar(jaarTekst), (nummer - 1) * 3 + 1, 3, 'kwartaal');
};

const helftVenster = (nummerTekst: string, jaarTekst: string): Venster => {
  const nummer = rangnummer(nummerTekst);
  if (nummer < 1 || nummer > 2) throw new OnmogelijkeDatum(`een jaar heeft geen helft ${nummer} (alleen de eerste en de tweede)`);
  return maandVenster(jaar(jaarTekst), nummer === 1 ? 1 : 7, 6, 'halfjaar');
};

/** ISO week: Monday to Sunday, and it belongs to the year its Thursday falls in. */
const weekVenster = (nummerTekst: string, jaarTekst: string): Venster => {
  const j = jaar(jaarTekst);
  const nummer = Number(nummerTekst);
  const vierJanuari = { jaar: j, maand: 1, dag: 4 };
  const maandagWeek1 = dagenErbij(vierJanuari, -((weekdag(vierJanuari) + 6) % 7));
  const maandag = dagenErbij(maandagWeek1, (nummer - 1) * 7);
  if (nummer < 1 || dagenErbij(maandag, 3).jaar !== j) {
    throw new OnmogelijkeDatum(`week ${nummer} van ${j} bestaat niet`);
  }
  return { start: formatteer(maandag), end: formatteer(dagenErbij(maandag, 6)), korrel: 'week' };
};

const seizoenVenster = (seizoen: string, jaarTekst: string): Venster =>
  maandVenster(jaar(jaarTekst), SEIZOENEN[seizoen], 3, 'seizoen');

const uitKalender = (moment: KalenderMoment, korrel: Korrel): Venster => ({ start: moment.start, end: moment.end, korrel, kalender: [moment] });

/** schooljaar 2022-2023: 1 August to 31 July (WVO art. 1, WEB art. 1.1.1: "studiejaar"). */
const schooljaarVenster = (eerste: string, tweede: string): Venster => {
  const j = jaar(eerste);
  if (jaar(tweede) !== j + 1) throw new OnmogelijkeDatum(`schooljaar ${eerste}-${tweede} bestaat niet, want een schooljaar loopt van 1 augustus tot en met 31 juli van het jaar erna`);
  return { start: datum(j, 8, 1), end: datum(j + 1, 7, 31), korrel: 'reeks' };
};

const RECESWOORDEN: Readonly<Record<string, Reces>> = {
  zomerreces: 'zomerreces', kerstreces: 'kerstreces', voorjaarsreces: 'voorjaarsreces', krokusreces: 'voorjaarsreces',
  meireces: 'meireces', herfstreces: 'herfstreces',
};
const RECES = alternatief(Object.keys(RECESWOORDEN));
const KABINET = alternatief(KABINETTEN.map((k) => k.naam.toLowerCase()));

interface VensterVorm {
  /** Regex source without anchors; matched against the whole text, or searched for when `losControleren`. */
  readonly patroon: string;
  readonly lees: (m: RegExpExecArray) => Venster;
  /** Also searched for inside longer text, so an impossible date never hides in a vague phrase. */
  readonly losControleren?: boolean;
}

/** Each form a window can take; the first whose pattern covers the whole text wins. */
const VENSTERVORMEN: readonly VensterVorm[] = [
  // 2024-01-01
  { patroon: '(\\d{4})-(\\d{1,2})-(\\d{1,2})', lees: (m) => dagVenster(m[1], Number(m[2]), Number(m[3])), losControleren: true },
  // 1-1-2024, 1/1/2024, 1.1.2024 (day first, as in Dutch)
  { patroon: '(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})', lees: (m) => dagVenster(m[3], Number(m[2]), Number(m[1])), losControleren: true },
  // 1 januari 2024, 1st January 2024
  { patroon: `${DAGNUMMER} ${MAAND} ${JAAR}`, lees: (m) => dagVenster(m[3], MAANDEN[m[2]], Number(m[1])), losControleren: true },
  // January 1, 2024 (the comma is gone after normalising)
  { patroon: `${MAAND} ${DAGNUMMER} ${JAAR}`, lees: (m) => dagVenster(m[3], MAANDEN[m[1]], Number(m[2])), losControleren: true },
  // september 2023
  { patroon: `${MAAND} ${JAAR}`, lees: (m) => maandVenster(jaar(m[2]), MAANDEN[m[1]], 1, 'maand') },
  // Q2 2023, K2 2023, Q2-2023, Q2/2023
  { patroon: `[qk] ?(\\d+) ?[-/]? ?${JAAR}`, lees: (m) => kwartaalVenster(m[1], m[2]), losControleren: true },
  // 2023-Q2, 2023 Q2
  { patroon: `${JAAR} ?[-/]? ?[qk] ?(\\d+)`, lees: (m) => kwartaalVenster(m[2], m[1]), losControleren: true },
  // tweede kwartaal 2023, 2e kwartaal 2023, second quarter 2023
  { patroon: `${RANGTELWOORD} (?:kwartaal|quarter) ${JAAR}`, lees: (m) => kwartaalVenster(m[1], m[2]) },
  // week 12 2024, wk 12 van 2024
  { patroon: `(?:week|wk) (\\d{1,2}) ${JAAR}`, lees: (m) => weekVenster(m[1], m[2]), losControleren: true },
  // H2 2023
  { patroon: `h ?(\\d+) ?[-/]? ?${JAAR}`, lees: (m) => helftVenster(m[1], m[2]) },
  // tweede helft 2023, tweede halfjaar 2023, second half 2023
  { patroon: `${RANGTELWOORD} (?:helft|halfjaar|half jaar|half) ${JAAR}`, lees: (m) => helftVenster(m[1], m[2]) },
  // winter 2023-2024: the winter that starts in December of the first year
  {
    patroon: `winter ${JAAR} ?[-/] ?${JAAR}`,
    lees: (m) => {
      if (Number(m[2]) !== Number(m[1]) + 1) {
        throw new OnmogelijkeDatum(`winter ${m[1]}-${m[2]} bestaat niet, want een winter loopt van december tot en met februari van het jaar erna`);
      }
      return seizoenVenster('winter', m[1]);
    },
  },
  // schooljaar 2022-2023, studiejaar 2022/2023
  { patroon: `(?:school|studie)jaar ${JAAR} ?[-/] ?${JAAR}`, lees: (m) => schooljaarVenster(m[1], m[2]) },
  // zomerreces 2025, kerstreces 2024 (the one that starts in December 2024)
  { patroon: `${RECES} ${JAAR}`, lees: (m) => uitKalender(reces(RECESWOORDEN[m[1]], jaar(m[2])), 'reces') },
  // Prinsjesdag 2024, Miljoenennota 2024, Voorjaarsnota 2025
  { patroon: `prinsjesdag ${JAAR}`, lees: (m) => uitKalender(prinsjesdag(jaar(m[1])), 'dag') },
  { patroon: `miljoenennota ${JAAR}`, lees: (m) => uitKalender(miljoenennota(jaar(m[1])), 'dag') },
  { patroon: `voorjaarsnota ${JAAR}`, lees: (m) => uitKalender(voorjaarsnota(jaar(m[1])), 'dag') },
  // kabinetsperiode rutte iii (what "deze kabinetsperiode" becomes against a reference date)
  {
    patroon: `kabinetsperiode ${KABINET}`,
    lees: (m) => {
      const kabinet = KABINETTEN.find((k) => k.naam.toLowerCase() === m[1]);
      return uitKalender(kabinetsperiode(kabinet?.beedigd ?? '') as KalenderMoment, 'reeks');
    },
  },
  // najaar 2022, summer 2022
  { patroon: `${SEIZOEN} ${JAAR}`, lees: (m) => seizoenVenster(m[1], m[2]) },
  // 2023, (kalender)jaar 2023
  { patroon: `(?:(?:kalender)?jaar |year )?${JAAR}`, lees: (m) => maandVenster(jaar(m[1]), 1, 12, 'jaar') },
];

const GEHEEL = VENSTERVORMEN.map((vorm) => ({ ...vorm, regex: new RegExp(`^${vorm.patroon}$`) }));
const LOS = VENSTERVORMEN.filter((vorm) => vorm.losControleren).map((vorm) => ({
  ...vorm,
  regex: new RegExp(`(?<![\\p{L}\\d])${vorm.patroon}(?![\\p{L}\\d])`, 'gu'),
}));

type Deel = 'begin' | 'medio' | 'eind';

/** "begin/medio/eind" and their English counterparts, narrowing the window that follows. */
const DEELWOORDEN: readonly { readonly regex: RegExp; readonly deel: Deel }[] = [
  { regex: /^(?:begin|aanvang|start|beginning|early)[ -](.+)$/, deel: 'begin' },
  { regex: /^(?:medio|midden|halverwege|halfway through|mid|middle)[ -](.+)$/, deel: 'medio' },
  { regex: /^(?:eind|einde|end|late)[ -](.+)$/, deel: 'eind' },
];

/**
 * Narrows a window. For whole months (year, half, quarter, season): begin and eind take the first
 * and last quarter of it rounded up to whole months (year → Q1/Q4, quarter → its first/last month);
 * medio takes the middle month, or the middle two when the count is even (year → June-July).
 * For a month: days 1-10, 11-20 and 21 to the end. A single day or a range cannot be narrowed.
 */
const versmal = (venster: Venster, deel: Deel): Venster | null => {
  if (venster.korrel === 'maand' && venster.maanden) {
    const { jaar: j, maand } = venster.maanden;
    const [eerste, laatste] = { begin: [1, 10], medio: [11, 20], eind: [21, dagenInMaand(j, maand)] }[deel];
    return { start: datum(j, maand, eerste), end: datum(j, maand, laatste), korrel: 'deel' };
  }
  if (!venster.maanden) return null;
  const { jaar: j, maand, aantal } = venster.maanden;
  const lengte = deel === 'medio' ? (aantal % 2 === 0 ? 2 : 1) : Math.ceil(aantal / 4);
  const verschuiving = { begin: 0, medio: (aantal - lengte) / 2, eind: aantal - lengte }[deel];
  const index = maand - 1 + verschuiving;
  return { ...maandVenster(j + Math.floor(index / 12), (index % 12) + 1, lengte, 'deel'), maanden: undefined };
};

const leesEnkelVenster = (tekst: string): Venster | null => {
  for (const vorm of GEHEEL) {
    const match = vorm.regex.exec(tekst);
    if (match) return vorm.lees(match);
  }
  for (const { regex, deel } of DEELWOORDEN) {
    const match = regex.exec(tekst);
    if (!match) continue;
    const binnen = leesEnkelVenster(match[1]);
    if (binnen) return versmal(binnen, deel);
  }
  return null;
};

const BEREIKSCHEIDING = /\s*-\s*|\s*\/\s*| (?:t\/m|tot en met|tot|en|to|until|till|through|and) /g;

const jaarVan = (isoDatum: string): number => Number(isoDatum.slice(0, 4));

/** "januari - maart 2024", "Q1-Q2 2024": the left side borrows the year of the right side. */
const leesLinkerkant = (links: string, rechts: Venster): Venster | null => {
  const zelfstandig = leesEnkelVenster(links);
  if (zelfstandig || /\d{4}/.test(links)) return zelfstandig;
  const rechtsJaar = jaarVan(rechts.start);
  const zelfdeJaar = leesEnkelVenster(`${links} ${rechtsJaar}`);
  if (!zelfdeJaar || zelfdeJaar.start <= rechts.end) return zelfdeJaar;
  return leesEnkelVenster(`${links} ${rechtsJaar - 1}`);
};

/** "2022-2023", "begin 2018 - eind 2022", "Q3 2023 t/m Q1 2024": from the first start to the last end. */
const leesBereik = (tekst: string): Venster | null => {
  // Every separator is a candidate split; an impossible part is only reported when no split reads.
  let eersteFout: OnmogelijkeDatum | null = null;
  for (const scheiding of tekst.matchAll(BEREIKSCHEIDING)) {
    const index = scheiding.index ?? 0;
    const links = tekst.slice(0, index).trim();
    const rechtsTekst = tekst.slice(index + scheiding[0].length).trim();
    if (!links || !rechtsTekst) continue;
    try {
      const rechts = leesEnkelVenster(rechtsTekst);
      const linkerVenster = rechts ? leesLinkerkant(links, rechts) : null;
      if (!rechts || !linkerVenster) continue;
      if (linkerVenster.start <= rechts.end) {
        const kalender = [...(linkerVenster.kalender ?? []), ...(rechts.kalender ?? [])];
        return { start: linkerVenster.start, end: rechts.end, korrel: 'reeks', ...(kalender.length ? { kalender } : {}) };
      }
      eersteFout ??= new OnmogelijkeDatum(`de periode begint (${linkerVenster.start}) na haar einde (${rechts.end})`);
    } catch (fout) {
      if (!(fout instanceof OnmogelijkeDatum)) throw fout;
      eersteFout ??= fout;
    }
  }
  if (eersteFout) throw eersteFout;
  return null;
};

/**
 * The window a normalised text names, or null when it names none. Throws `OnmogelijkeDatum` when it
 * names one that cannot exist.
 */
export const leesVenster = (tekst: string): Venster | null => leesEnkelVenster(tekst) ?? leesBereik(tekst);

/** Throws `OnmogelijkeDatum` for the first impossible explicit date or quarter anywhere in the text. */
export const controleerDatumvormen = (tekst: string): void => {
  for (const vorm of LOS) {
    for (const match of tekst.matchAll(vorm.regex)) vorm.lees(match);
  }
};
