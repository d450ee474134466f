import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { ValidationError } from '../shared/errors';
import { Deadline, DeadlineSoort, Herhaling } from './deadline';
import { dagErna, dagErvoor } from './kalenderdatum';
import { controleerDatumvormen, EERSTE_JAAR, LAATSTE_JAAR, leesVenster, OnmogelijkeDatum, Venster } from './venster';

/**
 * Reads a deadline phrase from a programme ("uiterlijk Q2 2023", "per 1 januari 2024", "medio 2023",
 * "by end of Q2 2023") into a `Deadline`. Unknown text is not an error but `vaag`: we never guess a
 * date. Only a date that can be read but cannot exist ("Q5 2023", "31 februari 2024") is an error.
 * The table of supported forms is in docs/deadlines.md.
 */

export class DeadlineParseError extends ValidationError {
  constructor(
    readonly phrase: string,
    /** What was wrong, in Dutch, without the phrase. */
    readonly reden: string,
  ) {
    super('ONLEESBARE_DEADLINE', `De deadline "${phrase}" is onleesbaar: ${reden}.`, 'phrase');
  }
}

export const parseDeadline = (phrase: string): Deadline => {
  // Callers outside TypeScript (JSON bodies, imports) can pass anything; that is no text either.
  const zin = typeof phrase === 'string' ? verzamelWitruimte(phrase) : '';
  if (zin === '') throw new DeadlineParseError(zin, 'er staat geen tekst in');
  try {
    const tekst = normaliseer(zin);
    controleerDatumvormen(tekst);
    weigerLangeJaren(zin, tekst);
    return { phrase: zin, ...lees(zin, tekst) };
  } catch (fout) {
    if (fout instanceof OnmogelijkeDatum) throw new DeadlineParseError(zin, fout.reden);
    throw fout;
  }
};

type Lezing = Omit<Deadline, 'phrase'>;

const LANG_GETAL = /(?<![\p{L}\d])\d{5,}(?![\p{L}\d])/gu;

/**
 * A year of five or more digits ("uiterlijk Q2 99999") fits no date form, so it would read as vague.
 * Read the phrase once more with a four-digit year past the range in its place: if that is refused as
 * a year out of range, the long number stood where a year stands. Other long numbers stay text.
 */
const weigerLangeJaren = (zin: string, tekst: string): void => {
  const lang = tekst.match(LANG_GETAL);
  if (!lang) return;
  const buiten = String(LAATSTE_JAAR + 1);
  const proef = tekst.replace(LANG_GETAL, buiten);
  try {
    controleerDatumvormen(proef);
    lees(zin.replace(LANG_GETAL, buiten), proef);
  } catch (fout) {
    if (!(fout instanceof OnmogelijkeDatum) || !fout.reden.includes(`jaar ${buiten}`)) throw fout;
    throw new OnmogelijkeDatum(`het jaar ${lang[0]} valt buiten het bereik ${EERSTE_JAAR} tot en met ${LAATSTE_JAAR}`);
  }
};

const AMSTERDAM = 'Europe/Amsterdam';

const verzamelWitruimte = (tekst: string): string => tekst.trim().replace(/\s+/g, ' ');

/**
 * The text the patterns match: lower case, no accents (vóór, één), one kind of dash, words split by
 * the PDF layout joined again ("sep- tember"), no punctuation, and without the articles and the
 * linking "van"/"of" ("in het najaar van 2022" → "in najaar 2022"), so the tables stay small.
 */
const normaliseer = (zin: string): string =>
  zin
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u00ad\u200b]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/(\p{L})- (\p{L})/gu, '$1$2')
    .replace(/(\p{L})\./gu, '$1')
    .replace(/[()[\]{}"'‘’“”,;:!?]/g, ' ')
    .replace(/\.(\s|$)/g, '$1')
    .replace(/\b(?:de|het|the|van|of)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const lees = (zin: string, tekst: string): Lezing =>
  leesTerugkerend(tekst) ?? leesNaDuur(zin) ?? leesMetVoorzetsel(zin, tekst) ?? VAAG;

const VAAG: Lezing = {
  kind: 'vaag',
  start: null,
  end: null,
  due: null,
  dueAt: null,
  recurrence: null,
  relativeTo: null,
};

// ---------------------------------------------------------------------------------------------
// Recurrence: "eens per kwartaal", "jaarlijks", "quarterly", optionally with a window.

const KEER = '(?:eens|een keer|1 keer|1x|eenmaal)';

const HERHALINGEN: readonly { readonly herhaling: Herhaling; readonly vormen: readonly string[] }[] = [
  {
    herhaling: 'halfjaar',
    vormen: [
      'halfjaarlijks', `${KEER} per half ?jaar`, '(?:twee keer|2 keer|2x|tweemaal|twee maal) per jaar',
      '(?:elk|ieder) half ?jaar', 'per half ?jaar', '(?:elke|iedere) (?:zes|6) maanden',
      'semi-?annual(?:ly)?', 'half-?yearly', 'twice (?:a|per) year', 'every (?:six|6) months', 'every half year',
    ],
  },
  {
    herhaling: 'kwartaal',
    vormen: [
      'kwartaal(?:lijks|sgewijs)', 'driemaandelijks', `${KEER} per kwartaal`, '(?:elk|ieder) kwartaal',
      'per kwartaal', '(?:elke|iedere) (?:drie|3) maanden',
      'quarterly', '(?:every|each) quarter', 'once (?:a|per) quarter', 'every (?:three|3) months',
    ],
  },
  {
    herhaling: 'jaar',
    vormen: [
      'jaarlijks', `${KEER} per jaar`, '(?:elk|ieder) jaar', 'per jaar',
      'annual(?:ly)?', 'yearly', '(?:every|each) year', 'once (?:a|per) year',
    ],
  },
  {
    herhaling: 'maand',
    vormen: [
      'maandelijks', `${KEER} per maand`, '(?:elke|iedere) maand', 'per maand',
      'monthly', '(?:every|each) month', 'once (?:a|per) month',
    ],
  },
  {
    herhaling: 'week',
    vormen: [
      'wekelijks', `${KEER} per week`, '(?:elke|iedere) week', 'per week',
      'weekly', '(?:every|each) week', 'once (?:a|per) week',
    ],
  },
];

const HERHALINGSPATRONEN = HERHALINGEN.flatMap(({ herhaling, vormen }) =>
  vormen.map((vorm) => ({ herhaling, regex: new RegExp(`(?<![\\p{L}\\d-])${vorm}(?![\\p{L}\\d-]| \\d)`, 'u') })),
);

/**
 * A recurrence keeps only the window around it: "in 2023" bounds it on both sides, "vanaf Q3 2023"
 * only its start, "tot eind 2024" only its end. Without a window all dates stay null.
 */
const leesTerugkerend = (tekst: string): Lezing | null => {
  for (const { herhaling, regex } of HERHALINGSPATRONEN) {
    const match = regex.exec(tekst);
    if (!match) continue;
    const rest = (tekst.slice(0, match.index) + ' ' + tekst.slice(match.index + match[0].length))
      .replace(/^[\s-]*(?:en |and )?|(?: en| and)?[\s-]*$/g, '')
      .trim();
    const venster = rest === '' ? VAAG : (leesMetVoorzetsel(rest, rest) ?? VAAG);
    const begrensd = grenzenVanHerhaling(venster);
    return {
      ...VAAG,
      kind: 'terugkerend',
      recurrence: herhaling,
      ...begrensd,
      dueAt: begrensd.due === null ? null : eindeVanDag(begrensd.due),
    };
  }
  return null;
};

const grenzenVanHerhaling = (venster: Lezing): Pick<Deadline, 'start' | 'end' | 'due'> => {
  switch (venster.kind) {
    case 'periode':
      return { start: venster.start, end: venster.end, due: venster.end };
    case 'uiterlijk':
      return { start: null, end: venster.due, due: venster.due };
    case 'per':
    case 'vanaf':
      return { start: venster.due, end: null, due: null };
    default:
      return { start: null, end: null, due: null };
  }
};

// ---------------------------------------------------------------------------------------------
// Relative: "binnen drie maanden na vaststelling", "twee maanden na de start".

const AANTAL = [
  '\\d+(?:[.,]\\d+)?', 'een half', 'een', 'één', 'eén', 'anderhalf', 'twee', 'drie', 'vier', 'vijf', 'zes',
  'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'half an?', 'an?', 'one', 'two', 'three', 'four',
  'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
].join('|');

const EENHEID = [
  'werkdagen', 'werkdag', 'dagen', 'dag', 'weken', 'week', 'maanden', 'maand', 'kwartalen', 'kwartaal',
  'half jaar', 'jaren', 'jaar', 'working days?', 'business days?', 'days?', 'weeks?', 'months?',
  'quarters?', 'years?',
].join('|');

const NA_DUUR = new RegExp(
  `^(?:uiterlijk |binnen |ten laatste |within |no later than |not later than )?(?:${AANTAL}) (?:${EENHEID}) ` +
    `(?:na|nadat|volgend op|vanaf|after|following|from|of) (.+?)[.;,]?$`,
  'i',
);

const leesNaDuur = (zin: string): Lezing | null => {
  const match = NA_DUUR.exec(zin);
  return match ? relatiefTot(match[1]) : null;
};

const relatiefTot = (anker: string): Lezing => ({ ...VAAG, kind: 'relatief', relativeTo: anker });

/** "na de zomer", "voor het reces": a moment without a year, so no event we can date either. */
const TIJD_ZONDER_JAAR = new RegExp(
  '^(?:(?:dit|deze|volgend|volgende|komend|komende|vorig|vorige|this|next|last|coming) )?' +
    '(?:zomer|winter|najaar|voorjaar|lente|herfst|summer|autumn|fall|spring|jaar|year|maand|month|week|' +
    'kwartaal|quarter|[qk]\\d|\\p{L}+ (?:kwartaal|quarter|helft|half)|jaarwisseling|jaareinde|year end|' +
    '(?:zomer|kerst)?reces|recess|(?:zomer|kerst)?vakantie|holidays|kerst|christmas|' +
    'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
    'january|february|march|may|june|july|august|october)$',
  'u',
);

// ---------------------------------------------------------------------------------------------
// A window with the word in front that says how to read it.

type Voorzetsel =
  /** due by the end of the window */
  | 'uiterlijk'
  /** "tot": like uiterlijk, but "tot 1 januari" excludes that day ("tot en met" includes it) */
  | 'tot'
  /** due the day before the window starts ("voor 1 januari 2024" → 31 December 2023) */
  | 'voor'
  /** "tussen nu en 2025": due by the end of the window, no start */
  | 'tussen-nu-en'
  | 'per'
  | 'vanaf'
  /** starts the day after the window ("na Q2 2023" → from 1 July 2023) */
  | 'na'
  | 'periode';

/** Longest first where one starts with another; matched at the start of the normalised text. */
const VOORZETSELS: readonly { readonly woorden: readonly string[]; readonly voorzetsel: Voorzetsel }[] = [
  { voorzetsel: 'tussen-nu-en', woorden: ['tussen nu en', 'nu tot en met', 'nu tot', 'between now and', 'from now until', 'from now to', 'now until'] },
  {
    voorzetsel: 'voor',
    woorden: ['uiterlijk voor', 'kort voor', 'vlak voor', 'voorafgaand aan', 'voor', 'shortly before', 'before', 'prior to'],
  },
  {
    voorzetsel: 'uiterlijk',
    woorden: [
      'tot en met uiterlijk', 'tot uiterlijk', 'uiterlijk', 'ten laatste', 'op zijn laatst', 'niet later dan',
      'tot en met', 't/m', 'deadline', 'no later than', 'not later than', 'at latest', 'latest by', 'due by',
      'due', 'by', 'through', 'op', 'on',
    ],
  },
  { voorzetsel: 'tot', woorden: ['tot', 'until', 'till'] },
  // "met ingang van" and "as of" lost their "van"/"of" in normalising.
  { voorzetsel: 'per', woorden: ['met ingang', 'miv', 'ingaande', 'per', 'with effect from', 'effective from', 'effective', 'as from', 'as'] },
  {
    voorzetsel: 'vanaf',
    woorden: ['vanaf', 'te beginnen in', 'beginnend in', 'sinds', 'starting from', 'starting in', 'starting', 'from', 'since'],
  },
  {
    voorzetsel: 'na',
    woorden: [
      'direct na', 'meteen na', 'onmiddellijk na', 'kort na', 'vlak na', 'na afloop', 'nadat', 'na',
      'immediately after', 'shortly after', 'right after', 'after', 'following',
    ],
  },
  {
    voorzetsel: 'periode',
    woorden: [
      'in periode', 'periode', 'in loop', 'in course', 'gedurende', 'tijdens', 'ergens in', 'sometime in',
      'during', 'throughout', 'omstreeks', 'rondom', 'rond', 'circa', 'ca', 'around', 'tussen', 'between',
      'in', 'aan', 'at',
    ],
  },
];

/** "uiterlijk in Q2", "vanaf in", "per op": a second, weaker word that adds nothing. */
const TUSSENWOORDEN = ['in periode', 'in', 'op', 'per', 'on', 'at', 'during', 'aan'];

/** "Q2 2023 at the latest", "2023 op zijn laatst". */
const ACHTERVOEGSELS: readonly { readonly woorden: readonly string[]; readonly voorzetsel: Voorzetsel }[] = [
  { voorzetsel: 'uiterlijk', woorden: ['op zijn laatst', 'ten laatste', 'uiterlijk', 'at latest', 'at very latest'] },
];

const VOORZETSELPATRONEN = VOORZETSELS.flatMap(({ woorden, voorzetsel }) =>
  woorden.map((woord) => ({ voorzetsel, regex: new RegExp(`^${woord} (.+)$`) })),
);
const TUSSENWOORDPATRONEN = TUSSENWOORDEN.map((woord) => new RegExp(`^${woord} (.+)$`));
const ACHTERVOEGSELPATRONEN = ACHTERVOEGSELS.flatMap(({ woorden, voorzetsel }) =>
  woorden.map((woord) => ({ voorzetsel, regex: new RegExp(`^(.+) ${woord}$`) })),
);

const splitsVoorzetsel = (tekst: string): { voorzetsel: Voorzetsel; rest: string } => {
  for (const { voorzetsel, regex } of VOORZETSELPATRONEN) {
    const match = regex.exec(tekst);
    if (match) return { voorzetsel, rest: zonderTussenwoord(match[1]) };
  }
  for (const { voorzetsel, regex } of ACHTERVOEGSELPATRONEN) {
    const match = regex.exec(tekst);
    if (match) return { voorzetsel, rest: match[1] };
  }
  return { voorzetsel: 'periode', rest: tekst };
};

const zonderTussenwoord = (rest: string): string => {
  for (const regex of TUSSENWOORDPATRONEN) {
    const match = regex.exec(rest);
    if (match && leesVenster(match[1])) return match[1];
  }
  return rest;
};

/**
 * The event after "na"/"after"/"before" in the source's own words. A bare "voor" is left out: in
 * Dutch it means "for" as often as "before" ("voor de zorg"), so only "vóór" or a word that makes it
 * temporal ("kort voor", "uiterlijk voor", "voorafgaand aan") reads as before an event.
 */
const NA_OF_VOOR_ANKER = new RegExp(
  '^(?:direct |meteen |onmiddellijk |kort |vlak |immediately |shortly |right )?' +
    '(?:na afloop van|nadat|na|after|following|(?:uiterlijk |kort |vlak )voor|v(?:óó|óo|oó)r|voorafgaand aan|before|prior to) ' +
    '(.+?)[.;,]?$',
  'i',
);

const leesMetVoorzetsel = (zin: string, tekst: string): Lezing | null => {
  const { voorzetsel, rest } = splitsVoorzetsel(tekst);
  const venster = leesVenster(rest);
  if (venster) return metVenster(voorzetsel, venster, rest);
  if (voorzetsel === 'na' || voorzetsel === 'voor') return naOfVoorGebeurtenis(zin, rest);
  return null;
};

/** "na vaststelling van het plan", "voor de start": relative to an event, unless it is a bare season or month. */
const naOfVoorGebeurtenis = (zin: string, rest: string): Lezing | null => {
  if (TIJD_ZONDER_JAAR.test(rest)) return null;
  const match = NA_OF_VOOR_ANKER.exec(zin);
  return match ? relatiefTot(match[1]) : null;
};

const metVenster = (voorzetsel: Voorzetsel, venster: Venster, rest: string): Lezing => {
  switch (voorzetsel) {
    case 'uiterlijk':
      return binnenVenster('uiterlijk', venster.start, venster.end, venster.end);
    case 'tot':
      if (venster.korrel === 'dag') {
        const laatsteDag = dagErvoor(venster.start);
        return binnenVenster('uiterlijk', null, laatsteDag, laatsteDag);
      }
      return binnenVenster('uiterlijk', venster.start, venster.end, venster.end);
    case 'voor':
      // "voor eind 2023" means by the end of 2023, not before the last quarter starts.
      if (/^(?:eind|einde|end)\b/.test(rest)) return binnenVenster('uiterlijk', venster.start, venster.end, venster.end);
      return binnenVenster('uiterlijk', null, dagErvoor(venster.start), dagErvoor(venster.start));
    case 'tussen-nu-en':
      return binnenVenster('uiterlijk', null, venster.end, venster.end);
    case 'per':
      return binnenVenster('per', venster.start, venster.end, venster.start);
    case 'vanaf':
      // "vanaf 2022 tot 2025", "from 2022 to 2025": with its end named, it is a period.
      if (venster.korrel === 'reeks') return binnenVenster('periode', venster.start, venster.end, venster.end);
      return binnenVenster('vanaf', venster.start, venster.end, venster.start);
    case 'na':
      return binnenVenster('vanaf', dagErna(venster.end), null, dagErna(venster.end));
    case 'periode':
      return binnenVenster('periode', venster.start, venster.end, venster.end);
    default: {
      const _exhaustive: never = voorzetsel;
      throw new Error(`onbekend voorzetsel ${_exhaustive}`);
    }
  }
};

const binnenVenster = (
  kind: Extract<DeadlineSoort, 'uiterlijk' | 'per' | 'vanaf' | 'periode'>,
  start: string | null,
  end: string | null,
  due: string,
): Lezing => ({
  ...VAAG,
  kind,
  start,
  end,
  due,
  // "per" and "vanaf" happen at the start of their day; the others have the whole due day.
  dueAt: kind === 'per' || kind === 'vanaf' ? beginVanDag(due) : eindeVanDag(due),
});

// ---------------------------------------------------------------------------------------------
// Instants in Europe/Amsterdam.

const amsterdamseMiddernacht = (datum: string): TZDate => {
  const [jaar, maand, dag] = datum.split('-').map(Number);
  return new TZDate(jaar, maand - 1, dag, AMSTERDAM);
};

const alsUtc = (moment: Date): string => new Date(moment.getTime()).toISOString();

/** 00:00 in Amsterdam on that day, as a UTC instant. */
const beginVanDag = (datum: string): string => alsUtc(amsterdamseMiddernacht(datum));

/** 00:00 in Amsterdam on the next day: the moment the whole day has passed. */
const eindeVanDag = (datum: string): string => alsUtc(addDays(amsterdamseMiddernacht(datum), 1));
