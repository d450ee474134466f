import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { ValidationError } from '../shared/errors';
import { Deadline, DeadlineSoort, Duur, Herhaling, Referentie, Seizoen } from './deadline';
import { dagErna, dagErvoor, leesDatum } from './kalenderdatum';
import { AANTAL_WOORDEN, EENHEID_WOORDEN, leesDuur, verankerRelatieveWoorden, vulJaarAan, woordenVanNu } from './referentie';
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

export interface DeadlineOpties {
  /**
   * The date phrases that lean on "now" are read against: the programme's documentdatum, or for a
   * document without a printed date the date the coordinator states (`soort: 'opgegeven'`).
   */
  readonly referentie?: Referentie;
}

export const parseDeadline = (phrase: string, opties: DeadlineOpties = {}): Deadline => {
  // Callers outside TypeScript (JSON bodies, imports) can pass anything; that is no text either.
  const zin = typeof phrase === 'string' ? verzamelWitruimte(phrase) : '';
  const referentie = controleerReferentie(opties.referentie);
  if (zin === '') throw new DeadlineParseError(zin, 'er staat geen tekst in');
  try {
    const tekst = normaliseer(zin);
    controleerDatumvormen(tekst);
    weigerLangeJaren(zin, tekst);
    return { phrase: zin, ...leesMetReferentie(zin, tekst, referentie) };
  } catch (fout) {
    if (fout instanceof OnmogelijkeDatum) throw new DeadlineParseError(zin, fout.reden);
    throw fout;
  }
};

const controleerReferentie = (referentie: Referentie | undefined): Referentie | null => {
  if (referentie === undefined || referentie === null) return null;
  if (referentie.soort !== 'documentdatum' && referentie.soort !== 'opgegeven') {
    throw new ValidationError('ONGELDIGE_REFERENTIE', 'referentie.soort moet documentdatum of opgegeven zijn', 'referentie.soort');
  }
  if (typeof referentie.datum !== 'string' || !leesDatum(referentie.datum)) {
    throw new ValidationError('ONGELDIGE_DOCUMENTDATUM', `documentdatum "${String(referentie.datum)}" is geen bestaande datum (JJJJ-MM-DD)`, 'documentdatum');
  }
  return { soort: referentie.soort, datum: referentie.datum };
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

const GEEN_DATUM = 'er staat geen datum in die we kunnen lezen';

/** Nothing to date yet: a vague phrase, or a recurrence without any window. */
const zonderVenster = (lezing: Lezing): boolean =>
  lezing.kind === 'vaag' || (lezing.kind === 'terugkerend' && lezing.start === null && lezing.end === null);

/**
 * Reads the phrase as it stands; where it leans on "now", reads it again against the reference date
 * and says so in `referentie`. Without a reference date such a phrase stays `vaag`, with the reason.
 */
const leesMetReferentie = (zin: string, tekst: string, referentie: Referentie | null): Lezing => {
  const zoals = lees(zin, tekst);
  if (!referentie) {
    const nu = zonderVenster(zoals) ? woordenVanNu(tekst, zoals.kind === 'vaag') : null;
    if (nu && zoals.kind === 'vaag') {
      return { ...zoals, reden: `"${nu}" hangt af van wanneer het geschreven is; zonder documentdatum (referentiedatum) blijft het vaag` };
    }
    return metReden(zoals);
  }
  let herschreven = verankerRelatieveWoorden(tekst, referentie.datum);
  let lezing = herschreven === tekst ? zoals : lees(zin, herschreven);
  if (zonderVenster(lezing)) {
    const metJaar = vulJaarAan(herschreven, referentie.datum);
    const tweede = metJaar === herschreven ? lezing : lees(zin, metJaar);
    if (!zonderVenster(tweede)) [herschreven, lezing] = [metJaar, tweede];
  }
  // "de brief voor dit najaar": a "before" that would already have passed when it was written means "for".
  if (herschreven !== tekst && /^voor /.test(herschreven) && lezing.kind === 'uiterlijk' && lezing.due !== null && lezing.due < referentie.datum) {
    const voorAlsIn = lees(zin, herschreven.replace(/^voor /, 'in '));
    if (voorAlsIn.kind === 'periode') lezing = voorAlsIn;
  }
  if (herschreven === tekst && lezing === zoals) return metReden(zoals);
  if (lezing.kind === 'vaag') {
    return { ...lezing, referentie, reden: `"${woordenVanNu(tekst, true) ?? zin}" is ook tegen ${referentie.datum} niet te dateren` };
  }
  return metReden({ ...lezing, referentie });
};

const metReden = (lezing: Lezing): Lezing => {
  if (lezing.kind === 'vaag') return { ...lezing, reden: lezing.reden ?? GEEN_DATUM };
  if (lezing.kind === 'terugkerend' && lezing.end === null) {
    return { ...lezing, reden: 'een herhaling zonder einde: geef een einde (bijv. "eens per kwartaal tot eind 2025") om voorkomens te krijgen' };
  }
  if (lezing.kind === 'relatief' && !lezing.ankerdatum) {
    return { ...lezing, reden: `de datum volgt pas als ${lezing.anker ?? lezing.relativeTo} is vastgelegd` };
  }
  return lezing;
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
      'kwartaal(?:lijks|sgewijs|overleg|bijeenkomst|rapportage)', 'driemaandelijks', `${KEER} per kwartaal`, '(?:elk|ieder) kwartaal',
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

/** "elk voorjaar", "ieder najaar": once a year, in that season. */
const SEIZOENSHERHALING: readonly { readonly seizoen: Seizoen; readonly vorm: string }[] = [
  { seizoen: 'voorjaar', vorm: '(?:elk|ieder|elke|iedere) (?:voorjaar|lente)|every spring' },
  { seizoen: 'zomer', vorm: '(?:elke|iedere) zomer|every summer' },
  { seizoen: 'najaar', vorm: '(?:elk|ieder|elke|iedere) (?:najaar|herfst)|every (?:autumn|fall)' },
  { seizoen: 'winter', vorm: '(?:elke|iedere) winter|every winter' },
];

const herhalingsregex = (vorm: string): RegExp => new RegExp(`(?<![\\p{L}\\d-])(?:${vorm})(?![\\p{L}\\d-]| \\d)`, 'u');

const HERHALINGSPATRONEN: readonly { herhaling: Herhaling; seizoen?: Seizoen; regex: RegExp }[] = [
  ...SEIZOENSHERHALING.map(({ seizoen, vorm }) => ({ herhaling: 'jaar' as const, seizoen, regex: herhalingsregex(vorm) })),
  ...HERHALINGEN.flatMap(({ herhaling, vormen }) => vormen.map((vorm) => ({ herhaling, regex: herhalingsregex(vorm) }))),
];

/**
 * A recurrence keeps only the window around it: "in 2023" bounds it on both sides, "vanaf Q3 2023"
 * only its start, "tot eind 2024" only its end. Without a window all dates stay null.
 */
const leesTerugkerend = (tekst: string): Lezing | null => {
  for (const { herhaling, seizoen, regex } of HERHALINGSPATRONEN) {
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
      ...(seizoen ? { seizoen } : {}),
      ...begrensd,
      ...(venster.kalender ? { kalender: venster.kalender } : {}),
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

/** Words before a duration that make the window run from the anchor to the due day. */
const VAN_ANKER = '(?:uiterlijk|binnen|ten laatste|within|no later than|not later than|tot maximaal|tot uiterlijk|tot|maximaal|up to|gedurende|tijdens|in|during)';

const NA_DUUR = new RegExp(
  `^(?:(${VAN_ANKER}) )?(?:(?:het|de|the) )?(${AANTAL_WOORDEN}) (${EENHEID_WOORDEN}) ` +
    `(?:na|nadat|volgend op|vanaf|after|following|from|of) (.+?)[.;,]?$`,
  'i',
);

const leesNaDuur = (zin: string): Lezing | null => {
  const match = NA_DUUR.exec(zin.toLowerCase());
  if (!match) return null;
  const [, voorwoord, aantal, eenheid] = match;
  const duur = leesDuur(aantal, eenheid);
  // "het eerste jaar na diplomering": the first year from the anchor day, its last day included.
  const eerste = /^(?:eerste|first)$/.test(aantal);
  const relativeTo = NA_DUUR.exec(zin)?.[4] ?? match[4];
  return {
    ...relatiefTot(relativeTo, duur),
    ...(voorwoord || eerste ? { vanAnker: true } : {}),
    ...(eerste ? { eersteTermijn: true } : {}),
  };
};

/** The anchor's name: lower case, without an article in front. */
const ankerNaam = (anker: string): string =>
  anker.toLowerCase().replace(/\s+/g, ' ').replace(/^(?:de|het|een|the|a|an) /, '').replace(/[.;,]+$/, '').trim();

const relatiefTot = (anker: string, offset: Duur | null = null): Lezing => ({
  ...VAAG,
  kind: 'relatief',
  relativeTo: anker,
  offset,
  anker: ankerNaam(anker),
});

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
  const gesplitst = splitsVoorzetsel(tekst);
  const { voorzetsel, rest } = voorAlsVoor(gesplitst);
  const venster = leesVenster(rest);
  if (venster) return metVenster(voorzetsel, venster, rest);
  if (voorzetsel === 'na' || voorzetsel === 'voor') return naOfVoorGebeurtenis(zin, rest);
  return null;
};

/**
 * "voor" means "for" before a period: "voor 2024 en 2025", "voor de periode 2020-2025" name the
 * period the work is for, not a moment it must come before. "vóór" and "uiterlijk voor" still mean before.
 */
const voorAlsVoor = ({ voorzetsel, rest }: { voorzetsel: Voorzetsel; rest: string }): { voorzetsel: Voorzetsel; rest: string } => {
  if (voorzetsel !== 'voor') return { voorzetsel, rest };
  const periode = /^periode (.+)$/.exec(rest);
  if (periode) return { voorzetsel: 'periode', rest: periode[1] };
  const venster = leesVenster(rest);
  if (venster?.korrel === 'reeks' && !venster.kalender) return { voorzetsel: 'periode', rest };
  return { voorzetsel, rest };
};

/** "na vaststelling van het plan", "voor de start": relative to an event, unless it is a bare season or month. */
const naOfVoorGebeurtenis = (zin: string, rest: string): Lezing | null => {
  if (TIJD_ZONDER_JAAR.test(rest) || JAARLOOS_POLITIEK.test(rest)) return null;
  const match = NA_OF_VOOR_ANKER.exec(zin);
  if (!match) return null;
  // After the event: due on its day; before it: the day before.
  const na = /^(?:direct |meteen |onmiddellijk |kort |vlak |immediately |shortly |right )?(?:na afloop van|nadat|na|after|following) /i.test(zin);
  const voor = !na;
  return relatiefTot(match[1], { aantal: voor ? -1 : 0, eenheid: 'dag' });
};

/** Political moments named without a year ("voor Prinsjesdag"): a date once the year is known, never an event. */
const JAARLOOS_POLITIEK = /^(?:(?:zomer|kerst|voorjaars|krokus|mei|herfst)reces|prinsjesdag|miljoenennota|voorjaarsnota|kabinetsperiode)$/;

const metVenster = (voorzetsel: Voorzetsel, venster: Venster, rest: string): Lezing => {
  const lezing = leesVensterMet(voorzetsel, venster, rest);
  return venster.kalender ? { ...lezing, kalender: venster.kalender } : lezing;
};

const leesVensterMet = (voorzetsel: Voorzetsel, venster: Venster, rest: string): Lezing => {
  switch (voorzetsel) {
    case 'uiterlijk':
      return binnenVenster('uiterlijk', venster.start, venster.end, venster.end);
    case 'tot':
      if (venster.korrel === 'dag' || venster.korrel === 'reces') {
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
