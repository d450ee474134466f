import { werkdagenErbij } from './werkdagen';
import type { Duureenheid } from './deadline';
import { Dag, dagenErbij, formatteer, leesDatum, maandenErbij } from './kalenderdatum';
import { kabinetsperiode } from './politieke-kalender';
import { leesVenster, MAANDNAMEN, SEIZOENEN } from './venster';

/**
 * Phrases that lean on "now" ("dit najaar", "volgend jaar", "binnen drie maanden", "uiterlijk 1 juli")
 * made absolute against a reference date (the programme's documentdatum): the normalised text is
 * rewritten into windows the parser already reads ("dit najaar" → "najaar 2022"). Pure; internal.
 */

const NA_WOORD = '(?:na|nadat|volgend op|vanaf|after|following|from|of)';

/** Counts as written in programmes; "een half" (jaar) is six months. */
const TELWOORDEN: Readonly<Record<string, number>> = {
  een: 1, 'eén': 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  a: 1, an: 1, eerste: 1, first: 1,
};
export const AANTAL_WOORDEN = `(?:\\d+(?:[.,]5)?|anderhalf|een half|half an?|${Object.keys(TELWOORDEN).join('|')})`;

const EENHEDEN: readonly [RegExp, Duureenheid, number][] = [
  [/^(?:werkdagen|werkdag|working days?|business days?)$/, 'werkdag', 1],
  [/^(?:dagen|dag|days?)$/, 'dag', 1],
  [/^(?:weken|week|weeks?)$/, 'week', 1],
  [/^(?:maanden|maand|months?)$/, 'maand', 1],
  [/^(?:kwartalen|kwartaal|quarters?)$/, 'maand', 3],
  [/^(?:half jaar|halfjaar)$/, 'maand', 6],
  [/^(?:jaren|jaar|years?)$/, 'jaar', 1],
];
export const EENHEID_WOORDEN =
  '(?:werkdagen|werkdag|working days?|business days?|dagen|dag|days?|weken|week|weeks?|maanden|maand|months?|kwartalen|kwartaal|quarters?|half jaar|halfjaar|jaren|jaar|years?)';

/** "drie maanden" → 3 maand; "anderhalf jaar" → 18 maand; "een half jaar" → 6 maand. Null when not a whole duration. */
export const leesDuur = (aantalTekst: string, eenheidTekst: string): { aantal: number; eenheid: Duureenheid } | null => {
  const gevonden = EENHEDEN.find(([regex]) => regex.test(eenheidTekst));
  if (!gevonden) return null;
  const [, eenheid, factor] = gevonden;
  const woord = aantalTekst.toLowerCase();
  let aantal =
    woord === 'anderhalf' ? 1.5 : /^(?:een half|half an?)$/.test(woord) ? 0.5 : (TELWOORDEN[woord] ?? Number(woord.replace(',', '.')));
  if (!Number.isFinite(aantal) || aantal <= 0) return null;
  aantal *= factor;
  if (Number.isInteger(aantal)) return { aantal, eenheid };
  // Half years and one and a half years: whole months.
  if (eenheid === 'jaar' && Number.isInteger(aantal * 12)) return { aantal: aantal * 12, eenheid: 'maand' };
  return null;
};

/** The day `aantal` units after `van` (negative: before). */
export const plusDuur = (van: Dag, { aantal, eenheid }: { aantal: number; eenheid: Duureenheid }): Dag => {
  switch (eenheid) {
    case 'dag':
      return dagenErbij(van, aantal);
    case 'week':
      return dagenErbij(van, 7 * aantal);
    case 'maand':
      return maandenErbij(van, aantal);
    case 'jaar':
      return maandenErbij(van, 12 * aantal);
    case 'werkdag':
      return leesDatum(werkdagenErbij(formatteer(van), aantal)) as Dag;
    default: {
      const _exhaustive: never = eenheid;
      throw new Error(`onbekende eenheid ${_exhaustive}`);
    }
  }
};

const alsTekst = (dag: Dag): string => `${dag.dag} ${MAANDNAMEN[dag.maand - 1]} ${dag.jaar}`;

const SEIZOEN_WOORDEN = Object.keys(SEIZOENEN).join('|');

/** The season named as `seizoen` of `jaar`: its window through the parser's own reading. */
const seizoenVan = (seizoen: string, jaar: number) => leesVenster(`${seizoen} ${jaar}`);

const schooljaarMet = (ref: Dag, richting: 'dit' | 'komend' | 'vorig'): string => {
  const lopend = ref.maand >= 8 ? ref.jaar : ref.jaar - 1;
  const eerste = richting === 'dit' ? lopend : richting === 'komend' ? lopend + 1 : lopend - 1;
  return `schooljaar ${eerste}-${eerste + 1}`;
};

interface Regel {
  readonly regex: RegExp;
  readonly vervang: (ref: Dag, isoRef: string, ...groepen: string[]) => string | null;
}

const DIT = '(?:dit|deze|huidig|huidige|lopend|lopende|current|this)';
const KOMEND = '(?:komend|komende|aanstaand|aanstaande|volgend|volgende|eerstvolgend|eerstvolgende|next|coming)';
const VORIG = '(?:vorig|vorige|afgelopen|last|previous)';

/** Rewrites that apply wherever they stand: these words always lean on "now". */
const REGELS: readonly Regel[] = [
  {
    regex: new RegExp(`\\b${DIT} kabinetsperiode\\b`, 'g'),
    vervang: (_ref, iso) => {
      const periode = kabinetsperiode(iso);
      return periode ? periode.naam.toLowerCase() : null;
    },
  },
  { regex: new RegExp(`\\b${DIT} (?:school|studie)jaar\\b`, 'g'), vervang: (ref) => schooljaarMet(ref, 'dit') },
  { regex: new RegExp(`\\b${KOMEND} (?:school|studie)jaar\\b`, 'g'), vervang: (ref) => schooljaarMet(ref, 'komend') },
  { regex: new RegExp(`\\b${VORIG} (?:school|studie)jaar\\b`, 'g'), vervang: (ref) => schooljaarMet(ref, 'vorig') },
  {
    // "dit najaar": the season of this year ("deze winter" in January or February: the one that began in December).
    regex: new RegExp(`\\b${DIT} (${SEIZOEN_WOORDEN})\\b`, 'g'),
    vervang: (ref, _iso, seizoen) => `${seizoen} ${SEIZOENEN[seizoen] === 12 && ref.maand <= 2 ? ref.jaar - 1 : ref.jaar}`,
  },
  {
    // "komende zomer", "volgend voorjaar": the next one that has not begun yet.
    regex: new RegExp(`\\b${KOMEND} (${SEIZOEN_WOORDEN})\\b`, 'g'),
    vervang: (_ref, iso, seizoen) => {
      for (let jaar = Number(iso.slice(0, 4)) - 1; ; jaar++) {
        const venster = seizoenVan(seizoen, jaar);
        if (venster && venster.start > iso) return `${seizoen} ${jaar}`;
      }
    },
  },
  {
    regex: new RegExp(`\\b${VORIG} (${SEIZOEN_WOORDEN})\\b`, 'g'),
    vervang: (_ref, iso, seizoen) => {
      for (let jaar = Number(iso.slice(0, 4)); ; jaar--) {
        const venster = seizoenVan(seizoen, jaar);
        if (venster && venster.end < iso) return `${seizoen} ${jaar}`;
      }
    },
  },
  { regex: new RegExp(`\\b${DIT} kwartaal\\b`, 'g'), vervang: (ref) => `q${Math.ceil(ref.maand / 3)} ${ref.jaar}` },
  {
    regex: new RegExp(`\\b${KOMEND} kwartaal\\b`, 'g'),
    vervang: (ref) => (ref.maand >= 10 ? `q1 ${ref.jaar + 1}` : `q${Math.ceil(ref.maand / 3) + 1} ${ref.jaar}`),
  },
  { regex: new RegExp(`\\b${DIT} maand\\b`, 'g'), vervang: (ref) => `${MAANDNAMEN[ref.maand - 1]} ${ref.jaar}` },
  {
    regex: new RegExp(`\\b${KOMEND} maand\\b`, 'g'),
    vervang: (ref) => {
      const volgende = maandenErbij({ ...ref, dag: 1 }, 1);
      return `${MAANDNAMEN[volgende.maand - 1]} ${volgende.jaar}`;
    },
  },
  { regex: new RegExp(`\\b${DIT} (?:kalender)?jaar\\b`, 'g'), vervang: (ref) => `${ref.jaar}` },
  { regex: new RegExp(`\\b${KOMEND} (?:kalender)?jaar\\b`, 'g'), vervang: (ref) => `${ref.jaar + 1}` },
  { regex: new RegExp(`\\b${VORIG} (?:kalender)?jaar\\b`, 'g'), vervang: (ref) => `${ref.jaar - 1}` },
  {
    // "de komende twee jaren": from the reference date for that long (the last day is the day before the anniversary).
    regex: new RegExp(`\\b(?:komende|coming|next) (${AANTAL_WOORDEN}) (${EENHEID_WOORDEN})\\b(?! ${NA_WOORD}\\b)`, 'g'),
    vervang: (ref, _iso, aantal, eenheid) => {
      const duur = leesDuur(aantal, eenheid);
      return duur ? `${alsTekst(ref)} tot en met ${alsTekst(dagenErbij(plusDuur(ref, duur), -1))}` : null;
    },
  },
  {
    // "binnen drie maanden" without an event: counted from the reference date.
    regex: new RegExp(`\\b(?:binnen|within) (${AANTAL_WOORDEN}) (${EENHEID_WOORDEN})\\b(?! ${NA_WOORD}\\b)`, 'g'),
    vervang: (ref, _iso, aantal, eenheid) => {
      const duur = leesDuur(aantal, eenheid);
      return duur ? `uiterlijk ${alsTekst(ref)} tot en met ${alsTekst(plusDuur(ref, duur))}` : null;
    },
  },
];

const VOLLE_MAANDEN = [...MAANDNAMEN, 'january', 'february', 'march', 'june', 'july', 'august', 'october'];
const DAGNUMMER = '\\d{1,2}(?:e|ste|de|st|nd|rd|th)?';

/** Year-less moments, rewritten only when the phrase reads as vague without a year. Longest first. */
const JAARLOOS = new RegExp(
  '(?<![\\p{L}\\d])(' +
    [
      `${DAGNUMMER} (?:${VOLLE_MAANDEN.join('|')})`,
      '(?:zomer|kerst|voorjaars|krokus|mei|herfst)reces',
      'prinsjesdag',
      'miljoenennota',
      'voorjaarsnota',
      `(?:eerste|tweede|derde|vierde|[1-4]e) kwartaal`,
      `(?:eerste|tweede) (?:helft|halfjaar)`,
      '[qk][1-4]',
      '[h][12]',
      `(?:${VOLLE_MAANDEN.join('|')})`,
      `(?:${SEIZOEN_WOORDEN})`,
    ].join('|') +
    ')(?![\\p{L}\\d]| \\d{4}| ?[-/] ?\\d{4})',
  'gu',
);

/** "voor …" reads the moment's start: "voor de zomer" in September means before next summer. */
const VOOR = /^(?:uiterlijk voor|kort voor|vlak voor|voorafgaand aan|voor|shortly before|before|prior to) /;

/** Which words made the phrase lean on "now"; null when none did. */
export const woordenVanNu = (tekst: string, ookJaarloos: boolean): string | null => {
  for (const { regex } of REGELS) {
    const match = new RegExp(regex.source, 'u').exec(tekst);
    if (match) return match[0];
  }
  if (!ookJaarloos) return null;
  const match = new RegExp(JAARLOOS.source, 'u').exec(tekst);
  return match ? match[1] : null;
};

/** The text with every "now" word made absolute; unchanged where none was found or none could be. */
export const verankerRelatieveWoorden = (tekst: string, referentie: string): string => {
  const ref = leesDatum(referentie) as Dag;
  return REGELS.reduce(
    (t, { regex, vervang }) => t.replace(regex, (heel, ...groepen: unknown[]) => vervang(ref, referentie, ...(groepen.filter((g) => typeof g === 'string') as string[])) ?? heel),
    tekst,
  );
};

/** Year-less moments ("uiterlijk 1 juli", "voor Prinsjesdag") get the year of their next occurrence. */
export const vulJaarAan = (tekst: string, referentie: string): string => {
  const jaar = Number(referentie.slice(0, 4));
  const leestBegin = VOOR.test(tekst);
  return tekst.replace(JAARLOOS, (moment: string) => {
    for (const kandidaat of [jaar - 1, jaar, jaar + 1, jaar + 2]) {
      const venster = leesVenster(`${moment} ${kandidaat}`);
      if (venster && (leestBegin ? venster.start > referentie : venster.end >= referentie)) return `${moment} ${kandidaat}`;
    }
    return moment;
  });
};
