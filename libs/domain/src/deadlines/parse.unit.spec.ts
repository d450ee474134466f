import { ValidationError } from '../shared/errors';
import { Deadline, DeadlineSoort, Duur, Herhaling } from './deadline';
import { DeadlineParseError, parseDeadline } from './parse';

type Lezing = Omit<Deadline, 'phrase'>;

const lezing = (
  kind: DeadlineSoort,
  start: string | null,
  end: string | null,
  due: string | null,
  dueAt: string | null,
): Lezing => ({ kind, start, end, due, dueAt, recurrence: null, relativeTo: null });

const ZONDER_EINDE = 'een herhaling zonder einde: geef een einde (bijv. "eens per kwartaal tot eind 2025") om voorkomens te krijgen';

const herhaling = (recurrence: Herhaling, venster: Partial<Lezing> = {}): Lezing => ({
  ...lezing('terugkerend', null, null, null, null),
  recurrence,
  ...venster,
  // A rule without an end says so.
  ...(venster.end ? {} : { reden: ZONDER_EINDE }),
});

/** Relative to an event: the offset, the anchor's name and whether the window runs from the anchor. */
const relatief = (relativeTo: string, offset: Duur, anker: string, vanAnker = false): Lezing => ({
  ...lezing('relatief', null, null, null, null),
  relativeTo,
  offset,
  anker,
  ...(vanAnker ? { vanAnker } : {}),
  reden: `de datum volgt pas als ${anker} is vastgelegd`,
});
const maanden = (aantal: number): Duur => ({ aantal, eenheid: 'maand' });
const OP_DE_DAG: Duur = { aantal: 0, eenheid: 'dag' };
const DAG_ERVOOR: Duur = { aantal: -1, eenheid: 'dag' };

const VAAG = lezing('vaag', null, null, null, null);

// Windows used by several rows; dueAt is the start of the next day in Amsterdam (CEST = UTC+2, CET = UTC+1).
const Q2_2023 = ['2023-04-01', '2023-06-30', '2023-06-30', '2023-06-30T22:00:00.000Z'] as const;
const Q3_2023_VANAF = ['2023-07-01', '2023-09-30', '2023-07-01', '2023-06-30T22:00:00.000Z'] as const;
const Q4_2023 = ['2023-10-01', '2023-12-31', '2023-12-31', '2023-12-31T23:00:00.000Z'] as const;
const JAAR_2023 = ['2023-01-01', '2023-12-31', '2023-12-31', '2023-12-31T23:00:00.000Z'] as const;
const MEDIO_2023 = ['2023-06-01', '2023-07-31', '2023-07-31', '2023-07-31T22:00:00.000Z'] as const;
const TWEEDE_HELFT_2023 = ['2023-07-01', '2023-12-31', '2023-12-31', '2023-12-31T23:00:00.000Z'] as const;
const NAJAAR_2022 = ['2022-09-01', '2022-11-30', '2022-11-30', '2022-11-30T23:00:00.000Z'] as const;
const SEPTEMBER_2023_VANAF = ['2023-09-01', '2023-09-30', '2023-09-01', '2023-08-31T22:00:00.000Z'] as const;
const NIEUWJAAR_2024_PER = ['2024-01-01', '2024-01-01', '2024-01-01', '2023-12-31T23:00:00.000Z'] as const;
const NIEUWJAAR_2024_UITERLIJK = ['2024-01-01', '2024-01-01', '2024-01-01', '2024-01-01T23:00:00.000Z'] as const;
const VOOR_NIEUWJAAR_2024 = [null, '2023-12-31', '2023-12-31', '2023-12-31T23:00:00.000Z'] as const;
const PERIODE_2022_2025 = ['2022-01-01', '2025-12-31', '2025-12-31', '2025-12-31T23:00:00.000Z'] as const;
const NA_Q2_2023 = ['2023-07-01', null, '2023-07-01', '2023-06-30T22:00:00.000Z'] as const;

const leesTabel = (rijen: readonly (readonly [string, Lezing])[]) =>
  rijen.map(([phrase, verwacht]) => ({ phrase, verwacht }));

/** The exact examples of the brief and the forms in the seed documents. */
const NEDERLANDS = leesTabel([
  ['uiterlijk Q2 2023', lezing('uiterlijk', ...Q2_2023)],
  ['uiterlijk in Q4 van 2023', lezing('uiterlijk', ...Q4_2023)],
  ['tot uiterlijk Q2 2023', lezing('uiterlijk', ...Q2_2023)],
  ['per 1 januari 2024', lezing('per', ...NIEUWJAAR_2024_PER)],
  ['uiterlijk 1-1-2024', lezing('uiterlijk', ...NIEUWJAAR_2024_UITERLIJK)],
  ['vanaf Q3 2023', lezing('vanaf', ...Q3_2023_VANAF)],
  ['vanaf september 2023', lezing('vanaf', ...SEPTEMBER_2023_VANAF)],
  ['medio 2023', lezing('periode', ...MEDIO_2023)],
  ['in het najaar van 2022', lezing('periode', ...NAJAAR_2022)],
  ['vanaf de zomer 2022', lezing('vanaf', '2022-06-01', '2022-08-31', '2022-06-01', '2022-05-31T22:00:00.000Z')],
  ['tot eind 2023', lezing('uiterlijk', ...Q4_2023)],
  ['in de tweede helft van 2023', lezing('periode', ...TWEEDE_HELFT_2023)],
  ['in de periode 2022-2023', lezing('periode', '2022-01-01', '2023-12-31', '2023-12-31', '2023-12-31T23:00:00.000Z')],
  ['in 2023', lezing('periode', ...JAAR_2023)],
  ['eens per kwartaal', herhaling('kwartaal')],
  // quarters
  ['in Q2 2023', lezing('periode', ...Q2_2023)],
  ['Q2 2023', lezing('periode', ...Q2_2023)],
  ['K2 2023', lezing('periode', ...Q2_2023)],
  ['2023-Q2', lezing('periode', ...Q2_2023)],
  ['2e kwartaal 2023', lezing('periode', ...Q2_2023)],
  ['in het tweede kwartaal van 2023', lezing('periode', ...Q2_2023)],
  ['in het vierde kwartaal van 2017', lezing('periode', '2017-10-01', '2017-12-31', '2017-12-31', '2017-12-31T23:00:00.000Z')],
  ['uiterlijk Q1 2023', lezing('uiterlijk', '2023-01-01', '2023-03-31', '2023-03-31', '2023-03-31T22:00:00.000Z')],
  ['ten laatste Q2 2023', lezing('uiterlijk', ...Q2_2023)],
  ['t/m Q2 2023', lezing('uiterlijk', ...Q2_2023)],
  ['Q2 2023 op zijn laatst', lezing('uiterlijk', ...Q2_2023)],
  ['vanaf Q1 van 2023', lezing('vanaf', '2023-01-01', '2023-03-31', '2023-01-01', '2022-12-31T23:00:00.000Z')],
  ['Per Q3 2024', lezing('per', '2024-07-01', '2024-09-30', '2024-07-01', '2024-06-30T22:00:00.000Z')],
  ['na Q2 2023', lezing('vanaf', ...NA_Q2_2023)],
  // years and ranges
  ['per 2023', lezing('per', '2023-01-01', '2023-12-31', '2023-01-01', '2022-12-31T23:00:00.000Z')],
  ['vanaf 2025', lezing('vanaf', '2025-01-01', '2025-12-31', '2025-01-01', '2024-12-31T23:00:00.000Z')],
  ['gedurende 2023', lezing('periode', ...JAAR_2023)],
  ['in de loop van 2023', lezing('periode', ...JAAR_2023)],
  ['uiterlijk 2023', lezing('uiterlijk', ...JAAR_2023)],
  ['tussen nu en 2025', lezing('uiterlijk', null, '2025-12-31', '2025-12-31', '2025-12-31T23:00:00.000Z')],
  ['2022 – 2025', lezing('periode', ...PERIODE_2022_2025)],
  ['in 2022- 2025', lezing('periode', ...PERIODE_2022_2025)],
  ['(2022-2025)', lezing('periode', ...PERIODE_2022_2025)],
  ['van 2022 tot en met 2025', lezing('periode', ...PERIODE_2022_2025)],
  ['tussen 2022 en 2025', lezing('periode', ...PERIODE_2022_2025)],
  ['in 2023 en 2024', lezing('periode', '2023-01-01', '2024-12-31', '2024-12-31', '2024-12-31T23:00:00.000Z')],
  ['in de periode begin 2018 – eind 2022', lezing('periode', '2018-01-01', '2022-12-31', '2022-12-31', '2022-12-31T23:00:00.000Z')],
  ['vanaf Q3 2023 tot eind 2024', lezing('periode', '2023-07-01', '2024-12-31', '2024-12-31', '2024-12-31T23:00:00.000Z')],
  ['januari - maart 2024', lezing('periode', '2024-01-01', '2024-03-31', '2024-03-31', '2024-03-31T22:00:00.000Z')],
  ['november-februari 2024', lezing('periode', '2023-11-01', '2024-02-29', '2024-02-29', '2024-02-29T23:00:00.000Z')],
  ['Q1-Q2 2024', lezing('periode', '2024-01-01', '2024-06-30', '2024-06-30', '2024-06-30T22:00:00.000Z')],
  // halves, seasons, months
  ['in de eerste helft van 2024', lezing('periode', '2024-01-01', '2024-06-30', '2024-06-30', '2024-06-30T22:00:00.000Z')],
  ['H2 2023', lezing('periode', ...TWEEDE_HELFT_2023)],
  ['tweede halfjaar 2023', lezing('periode', ...TWEEDE_HELFT_2023)],
  ['in het voorjaar van 2023', lezing('periode', '2023-03-01', '2023-05-31', '2023-05-31', '2023-05-31T22:00:00.000Z')],
  ['lente 2023', lezing('periode', '2023-03-01', '2023-05-31', '2023-05-31', '2023-05-31T22:00:00.000Z')],
  ['in de zomer van 2021', lezing('periode', '2021-06-01', '2021-08-31', '2021-08-31', '2021-08-31T22:00:00.000Z')],
  ['rond de zomer van 2018', lezing('periode', '2018-06-01', '2018-08-31', '2018-08-31', '2018-08-31T22:00:00.000Z')],
  ['in najaar 2022', lezing('periode', ...NAJAAR_2022)],
  ['herfst 2022', lezing('periode', ...NAJAAR_2022)],
  ['vanaf het najaar 2022', lezing('vanaf', '2022-09-01', '2022-11-30', '2022-09-01', '2022-08-31T22:00:00.000Z')],
  ['tot het najaar van 2024', lezing('uiterlijk', '2024-09-01', '2024-11-30', '2024-11-30', '2024-11-30T23:00:00.000Z')],
  ['winter 2023', lezing('periode', '2023-12-01', '2024-02-29', '2024-02-29', '2024-02-29T23:00:00.000Z')],
  ['winter 2022-2023', lezing('periode', '2022-12-01', '2023-02-28', '2023-02-28', '2023-02-28T23:00:00.000Z')],
  ['in juni 2018', lezing('periode', '2018-06-01', '2018-06-30', '2018-06-30', '2018-06-30T22:00:00.000Z')],
  ['september 2017', lezing('periode', '2017-09-01', '2017-09-30', '2017-09-30', '2017-09-30T22:00:00.000Z')],
  ['per september 2023', lezing('per', ...SEPTEMBER_2023_VANAF)],
  // ISO weeks
  ['uiterlijk week 12 2024', lezing('uiterlijk', '2024-03-18', '2024-03-24', '2024-03-24', '2024-03-24T23:00:00.000Z')],
  ['per week 12 van 2024', lezing('per', '2024-03-18', '2024-03-24', '2024-03-18', '2024-03-17T23:00:00.000Z')],
  ['in wk 1 2021', lezing('periode', '2021-01-04', '2021-01-10', '2021-01-10', '2021-01-10T23:00:00.000Z')],
  ['week 53 2020', lezing('periode', '2020-12-28', '2021-01-03', '2021-01-03', '2021-01-03T23:00:00.000Z')],
  // begin, medio, eind
  ['medio 2017', lezing('periode', '2017-06-01', '2017-07-31', '2017-07-31', '2017-07-31T22:00:00.000Z')],
  ['halverwege 2023', lezing('periode', ...MEDIO_2023)],
  ['begin 2024', lezing('periode', '2024-01-01', '2024-03-31', '2024-03-31', '2024-03-31T22:00:00.000Z')],
  ['eind 2023', lezing('periode', ...Q4_2023)],
  ['uiterlijk eind 2023', lezing('uiterlijk', ...Q4_2023)],
  ['aan het einde van 2023', lezing('periode', ...Q4_2023)],
  ['eind Q2 2023', lezing('periode', '2023-06-01', '2023-06-30', '2023-06-30', '2023-06-30T22:00:00.000Z')],
  ['medio Q3 2023', lezing('periode', '2023-08-01', '2023-08-31', '2023-08-31', '2023-08-31T22:00:00.000Z')],
  ['begin tweede helft 2023', lezing('periode', '2023-07-01', '2023-08-31', '2023-08-31', '2023-08-31T22:00:00.000Z')],
  ['eind van de zomer 2023', lezing('periode', '2023-08-01', '2023-08-31', '2023-08-31', '2023-08-31T22:00:00.000Z')],
  ['begin januari 2024', lezing('periode', '2024-01-01', '2024-01-10', '2024-01-10', '2024-01-10T23:00:00.000Z')],
  ['medio juni 2023', lezing('periode', '2023-06-11', '2023-06-20', '2023-06-20', '2023-06-20T22:00:00.000Z')],
  ['eind februari 2024', lezing('periode', '2024-02-21', '2024-02-29', '2024-02-29', '2024-02-29T23:00:00.000Z')],
  ['per begin 2024', lezing('per', '2024-01-01', '2024-03-31', '2024-01-01', '2023-12-31T23:00:00.000Z')],
  // days
  ['Op 1 januari 2024', lezing('uiterlijk', ...NIEUWJAAR_2024_UITERLIJK)],
  ['uiterlijk 31 december 2023', lezing('uiterlijk', '2023-12-31', '2023-12-31', '2023-12-31', '2023-12-31T23:00:00.000Z')],
  ['uiterlijk 2024-03-15', lezing('uiterlijk', '2024-03-15', '2024-03-15', '2024-03-15', '2024-03-15T23:00:00.000Z')],
  ['uiterlijk 15/3/2024', lezing('uiterlijk', '2024-03-15', '2024-03-15', '2024-03-15', '2024-03-15T23:00:00.000Z')],
  ['uiterlijk 1 sept. 2023', lezing('uiterlijk', '2023-09-01', '2023-09-01', '2023-09-01', '2023-09-01T22:00:00.000Z')],
  ['met ingang van 1 januari 2024', lezing('per', ...NIEUWJAAR_2024_PER)],
  ['m.i.v. 1 januari 2024', lezing('per', ...NIEUWJAAR_2024_PER)],
  ['tot 1 januari 2024', lezing('uiterlijk', ...VOOR_NIEUWJAAR_2024)],
  ['tot en met 1 januari 2024', lezing('uiterlijk', ...NIEUWJAAR_2024_UITERLIJK)],
  ['tot uiterlijk 1 januari 2024', lezing('uiterlijk', ...NIEUWJAAR_2024_UITERLIJK)],
  ['voor 1 januari 2024', lezing('uiterlijk', ...VOOR_NIEUWJAAR_2024)],
  ['vóór de zomer van 2023', lezing('uiterlijk', null, '2023-05-31', '2023-05-31', '2023-05-31T22:00:00.000Z')],
  ['voor eind 2023', lezing('uiterlijk', ...Q4_2023)],
  ['van nu tot 2025', lezing('uiterlijk', null, '2025-12-31', '2025-12-31', '2025-12-31T23:00:00.000Z')],
  ['2022 t/m 2025', lezing('periode', ...PERIODE_2022_2025)],
  ['niet later dan 1 januari 2024', lezing('uiterlijk', ...NIEUWJAAR_2024_UITERLIJK)],
  ['deadline Q2 2023', lezing('uiterlijk', ...Q2_2023)],
  ['sinds september 2023', lezing('vanaf', ...SEPTEMBER_2023_VANAF)],
]);

const ENGELS = leesTabel([
  ['by end of Q2 2023', lezing('uiterlijk', '2023-06-01', '2023-06-30', '2023-06-30', '2023-06-30T22:00:00.000Z')],
  ['by 1 January 2024', lezing('uiterlijk', ...NIEUWJAAR_2024_UITERLIJK)],
  ['from Q3 2023', lezing('vanaf', ...Q3_2023_VANAF)],
  ['mid 2023', lezing('periode', ...MEDIO_2023)],
  ['autumn 2022', lezing('periode', ...NAJAAR_2022)],
  ['by Q4 2023', lezing('uiterlijk', ...Q4_2023)],
  ['in 2023', lezing('periode', ...JAAR_2023)],
  ['second half of 2023', lezing('periode', ...TWEEDE_HELFT_2023)],
  ['quarterly', herhaling('kwartaal')],
  ['from September 2023', lezing('vanaf', ...SEPTEMBER_2023_VANAF)],
  ['end of 2023', lezing('periode', ...Q4_2023)],
  ['by the end of 2023', lezing('uiterlijk', ...Q4_2023)],
  ['no later than 31 March 2024', lezing('uiterlijk', '2024-03-31', '2024-03-31', '2024-03-31', '2024-03-31T22:00:00.000Z')],
  ['Q2 2023 at the latest', lezing('uiterlijk', ...Q2_2023)],
  ['before 1 January 2024', lezing('uiterlijk', ...VOOR_NIEUWJAAR_2024)],
  ['until 1 January 2024', lezing('uiterlijk', ...VOOR_NIEUWJAAR_2024)],
  ['through Q2 2023', lezing('uiterlijk', ...Q2_2023)],
  ['between now and 2025', lezing('uiterlijk', null, '2025-12-31', '2025-12-31', '2025-12-31T23:00:00.000Z')],
  ['as of 1 January 2024', lezing('per', ...NIEUWJAAR_2024_PER)],
  ['effective 1 July 2024', lezing('per', '2024-07-01', '2024-07-01', '2024-07-01', '2024-06-30T22:00:00.000Z')],
  ['starting Q3 2023', lezing('vanaf', ...Q3_2023_VANAF)],
  ['after Q2 2023', lezing('vanaf', ...NA_Q2_2023)],
  ['from 2022 to 2025', lezing('periode', ...PERIODE_2022_2025)],
  ['during 2023', lezing('periode', ...JAAR_2023)],
  ['early 2024', lezing('periode', '2024-01-01', '2024-03-31', '2024-03-31', '2024-03-31T22:00:00.000Z')],
  ['late 2023', lezing('periode', ...Q4_2023)],
  ['mid-2023', lezing('periode', ...MEDIO_2023)],
  ['around mid 2023', lezing('periode', ...MEDIO_2023)],
  ['the first half of 2024', lezing('periode', '2024-01-01', '2024-06-30', '2024-06-30', '2024-06-30T22:00:00.000Z')],
  ['in the second quarter of 2023', lezing('periode', ...Q2_2023)],
  ['spring 2023', lezing('periode', '2023-03-01', '2023-05-31', '2023-05-31', '2023-05-31T22:00:00.000Z')],
  ['summer 2023', lezing('periode', '2023-06-01', '2023-08-31', '2023-08-31', '2023-08-31T22:00:00.000Z')],
  ['fall 2022', lezing('periode', ...NAJAAR_2022)],
  ['winter 2023', lezing('periode', '2023-12-01', '2024-02-29', '2024-02-29', '2024-02-29T23:00:00.000Z')],
  ['January 1st, 2024', lezing('periode', ...NIEUWJAAR_2024_UITERLIJK)],
  ['on 1 January 2024', lezing('uiterlijk', ...NIEUWJAAR_2024_UITERLIJK)],
  ['until Q2 2023', lezing('uiterlijk', ...Q2_2023)],
  ['due by Q2 2023', lezing('uiterlijk', ...Q2_2023)],
  ['before the end of 2023', lezing('uiterlijk', ...Q4_2023)],
  ['from now until 2025', lezing('uiterlijk', null, '2025-12-31', '2025-12-31', '2025-12-31T23:00:00.000Z')],
  ['start of 2024', lezing('periode', '2024-01-01', '2024-03-31', '2024-03-31', '2024-03-31T22:00:00.000Z')],
  ['with effect from 1 January 2024', lezing('per', ...NIEUWJAAR_2024_PER)],
  ['since September 2023', lezing('vanaf', ...SEPTEMBER_2023_VANAF)],
]);

const HERHALINGEN = leesTabel([
  ['eens per kwartaal', herhaling('kwartaal')],
  ['elk kwartaal', herhaling('kwartaal')],
  ['per kwartaal', herhaling('kwartaal')],
  ['één keer per kwartaal', herhaling('kwartaal')],
  ['jaarlijks', herhaling('jaar')],
  ['eens per jaar', herhaling('jaar')],
  ['halfjaarlijks', herhaling('halfjaar')],
  ['twee keer per jaar', herhaling('halfjaar')],
  ['maandelijks', herhaling('maand')],
  ['wekelijks', herhaling('week')],
  ['quarterly', herhaling('kwartaal')],
  ['every quarter', herhaling('kwartaal')],
  ['annually', herhaling('jaar')],
  ['semi-annually', herhaling('halfjaar')],
  ['twice a year', herhaling('halfjaar')],
  ['once a month', herhaling('maand')],
  ['weekly', herhaling('week')],
  ['per week', herhaling('week')],
  ['eens per kwartaal in 2023', herhaling('kwartaal', { start: '2023-01-01', end: '2023-12-31', due: '2023-12-31', dueAt: '2023-12-31T23:00:00.000Z' })],
  ['quarterly in 2023', herhaling('kwartaal', { start: '2023-01-01', end: '2023-12-31', due: '2023-12-31', dueAt: '2023-12-31T23:00:00.000Z' })],
  ['halfjaarlijks in de periode 2022-2023', herhaling('halfjaar', { start: '2022-01-01', end: '2023-12-31', due: '2023-12-31', dueAt: '2023-12-31T23:00:00.000Z' })],
  ['jaarlijks vanaf 2024', herhaling('jaar', { start: '2024-01-01' })],
  ['monthly from September 2023', herhaling('maand', { start: '2023-09-01' })],
  ['elk kwartaal tot eind 2024', herhaling('kwartaal', { end: '2024-12-31', due: '2024-12-31', dueAt: '2024-12-31T23:00:00.000Z' })],
]);

const RELATIEF = leesTabel([
  ['binnen drie maanden na vaststelling', relatief('vaststelling', maanden(3), 'vaststelling', true)],
  ['twee maanden na de start', relatief('de start', maanden(2), 'start')],
  ['uiterlijk zes weken na ontvangst van het verzoek', relatief('ontvangst van het verzoek', { aantal: 6, eenheid: 'week' }, 'ontvangst van het verzoek', true)],
  ['binnen een half jaar na inwerkingtreding van de wet', relatief('inwerkingtreding van de wet', maanden(6), 'inwerkingtreding van de wet', true)],
  ['binnen 10 werkdagen na de melding', relatief('de melding', { aantal: 10, eenheid: 'werkdag' }, 'melding', true)],
  ['direct na vaststelling van het plan', relatief('vaststelling van het plan', OP_DE_DAG, 'vaststelling van het plan')],
  ['na afloop van het project', relatief('het project', OP_DE_DAG, 'project')],
  ['nadat het plan is vastgesteld', relatief('het plan is vastgesteld', OP_DE_DAG, 'plan is vastgesteld')],
  ['vóór de start van het programma', relatief('de start van het programma', DAG_ERVOOR, 'start van het programma')],
  ['kort voor de Kamerbrief', relatief('de Kamerbrief', DAG_ERVOOR, 'kamerbrief')],
  ['voorafgaand aan de begrotingsbehandeling', relatief('de begrotingsbehandeling', DAG_ERVOOR, 'begrotingsbehandeling')],
  ['before the summer recess ends', relatief('the summer recess ends', DAG_ERVOOR, 'summer recess ends')],
  ['within three months of adoption', relatief('adoption', maanden(3), 'adoption', true)],
  ['two months after the start', relatief('the start', maanden(2), 'start')],
  ['within 6 weeks after receipt of the request', relatief('receipt of the request', { aantal: 6, eenheid: 'week' }, 'receipt of the request', true)],
  ['after approval by the minister', relatief('approval by the minister', OP_DE_DAG, 'approval by the minister')],
]);

/** No date can be read from these without guessing. */
const VAGE_ZINNEN = [
  'de komende jaren',
  'de komende twee jaren',
  'in de komende periode',
  'op termijn',
  'zo snel mogelijk',
  'z.s.m.',
  'dit najaar',
  'na de zomer',
  'voor het zomerreces',
  // a bare "voor" is as often "for" as "before"
  'voor de zorg',
  'binnen drie maanden',
  'Q2',
  'per 1 januari',
  'tweewekelijks',
  'as soon as possible',
  'in due course',
];

describe('parseDeadline', () => {
  describe.each([
    ['een Nederlandse deadline', NEDERLANDS],
    ['een Engelse deadline', ENGELS],
    ['een terugkerende deadline', HERHALINGEN],
    ['een deadline ten opzichte van een gebeurtenis', RELATIEF],
  ])('gegeven %s', (_, tabel) => {
    it.each(tabel)('wanneer "$phrase" gelezen wordt, dan klopt de lezing', ({ phrase, verwacht }) => {
      expect(parseDeadline(phrase)).toEqual({ phrase, ...verwacht });
    });
  });

  describe('gegeven een vage deadline', () => {
    it.each(VAGE_ZINNEN)('wanneer "%s" gelezen wordt, dan is hij vaag en raden we geen datum', (phrase) => {
      expect(parseDeadline(phrase)).toEqual({ phrase, ...VAAG, reden: expect.any(String) });
    });
  });

  describe('gegeven een deadline rond de zomertijdwissel', () => {
    it.each([
      ['uiterlijk 25 maart 2023', '2023-03-25T23:00:00.000Z'],
      ['uiterlijk 26 maart 2023', '2023-03-26T22:00:00.000Z'],
      ['per 26 maart 2023', '2023-03-25T23:00:00.000Z'],
      ['per 27 maart 2023', '2023-03-26T22:00:00.000Z'],
      ['uiterlijk 28 oktober 2023', '2023-10-28T22:00:00.000Z'],
      ['uiterlijk 29 oktober 2023', '2023-10-29T23:00:00.000Z'],
      ['per 29 oktober 2023', '2023-10-28T22:00:00.000Z'],
      ['per 30 oktober 2023', '2023-10-29T23:00:00.000Z'],
    ])('wanneer "%s" gelezen wordt, dan verstrijkt hij om middernacht Amsterdamse tijd (%s)', (phrase, dueAt) => {
      expect(parseDeadline(phrase).dueAt).toBe(dueAt);
    });
  });

  describe('gegeven tekst uit een PDF met witruimte, hoofdletters en afbrekingen', () => {
    it.each([
      ['  uiterlijk   Q2\n 2023 ', 'uiterlijk Q2 2023', 'uiterlijk', '2023-06-30'],
      ['UITERLIJK q2 2023', 'UITERLIJK q2 2023', 'uiterlijk', '2023-06-30'],
      ['Uiterlijk Q2 2023.', 'Uiterlijk Q2 2023.', 'uiterlijk', '2023-06-30'],
      ['Per 1 \njanuari 2024', 'Per 1 januari 2024', 'per', '2024-01-01'],
      ['tot het najaar  \nvan 2024', 'tot het najaar van 2024', 'uiterlijk', '2024-11-30'],
      ['uiter-\nlijk Q2 2023', 'uiter- lijk Q2 2023', 'uiterlijk', '2023-06-30'],
      ['vanaf sep-\ntember 2023', 'vanaf sep- tember 2023', 'vanaf', '2023-09-01'],
      ['uiterlijk Q2-\n2023', 'uiterlijk Q2- 2023', 'uiterlijk', '2023-06-30'],
      ['in\t\t2022 –\n2025', 'in 2022 – 2025', 'periode', '2025-12-31'],
    ])('wanneer %j gelezen wordt, dan is de zin %j en de lezing %s tot %s', (invoer, phrase, kind, due) => {
      expect(parseDeadline(invoer)).toMatchObject({ phrase, kind, due });
    });
  });

  describe('gegeven een datum die te lezen is maar niet bestaat', () => {
    it.each([
      ['uiterlijk Q5 2023', 'kwartaal 5 bestaat niet'],
      ['Q0 2024', 'kwartaal 0 bestaat niet'],
      ['5e kwartaal 2023', 'kwartaal 5 bestaat niet'],
      ['per 31 februari 2024', '31 februari 2024 bestaat niet (februari 2024 heeft 29 dagen)'],
      ['per 29 februari 2023', '29 februari 2023 bestaat niet (februari 2023 heeft 28 dagen)'],
      ['uiterlijk 31 april 2024', '31 april 2024 bestaat niet'],
      ['uiterlijk 1-13-2024', 'maand 13 bestaat niet'],
      ['uiterlijk 2024-02-30', '30 februari 2024 bestaat niet'],
      ['in 1850', 'het jaar 1850 valt buiten het bereik 1900 tot en met 2200'],
      ['uiterlijk 2201', 'het jaar 2201 valt buiten het bereik 1900 tot en met 2200'],
      ['per 1 januari 1899', 'het jaar 1899 valt buiten'],
      ['uiterlijk Q2 99999', 'het jaar 99999 valt buiten het bereik 1900 tot en met 2200'],
      ['in 20230', 'het jaar 20230 valt buiten het bereik 1900 tot en met 2200'],
      ['per 1 januari 123456', 'het jaar 123456 valt buiten'],
      ['najaar 10000', 'het jaar 10000 valt buiten'],
      ['derde helft van 2023', 'een jaar heeft geen helft 3'],
      ['in de periode 2023-2022', 'de periode begint (2023-01-01) na haar einde (2022-12-31)'],
      ['winter 2023-2025', 'winter 2023-2025 bestaat niet'],
      ['uiterlijk week 53 2023', 'week 53 van 2023 bestaat niet'],
      ['week 0 2024', 'week 0 van 2024 bestaat niet'],
      ['ergens na 31-02-2024, misschien', '31 februari 2024 bestaat niet'],
    ])('wanneer "%s" gelezen wordt, dan volgt een DeadlineParseError die zegt: %s', (phrase, reden) => {
      const lees = () => parseDeadline(phrase);
      expect(lees).toThrow(DeadlineParseError);
      expect(lees).toThrow(reden);
    });

    it('maar een lang getal dat niet op de plaats van een jaar staat, blijft tekst (vaag)', () =>
      expect(parseDeadline('zodra 100000 mensen zijn opgeleid')).toMatchObject({ kind: 'vaag', due: null }));

    it('dan is de fout een ValidationError met code ONLEESBARE_DEADLINE op het veld phrase', () => {
      const fout = vang(() => parseDeadline('  uiterlijk   Q5 2023 '));
      expect(fout).toBeInstanceOf(ValidationError);
      expect(fout).toMatchObject({
        code: 'ONLEESBARE_DEADLINE',
        field: 'phrase',
        kind: 'validation',
        phrase: 'uiterlijk Q5 2023',
        reden: 'kwartaal 5 bestaat niet (Q1 tot en met Q4)',
        message: 'De deadline "uiterlijk Q5 2023" is onleesbaar: kwartaal 5 bestaat niet (Q1 tot en met Q4).',
      });
    });
  });

  describe('gegeven een lege deadline', () => {
    it.each(['', '   ', ' \n\t '])('wanneer %j gelezen wordt, dan volgt een DeadlineParseError', (phrase) => {
      const fout = vang(() => parseDeadline(phrase));
      expect(fout).toBeInstanceOf(DeadlineParseError);
      expect(fout).toMatchObject({ code: 'ONLEESBARE_DEADLINE', field: 'phrase', reden: 'er staat geen tekst in' });
    });
  });

  describe('gegeven elke gelezen deadline uit de tabellen', () => {
    const alle = [...NEDERLANDS, ...ENGELS, ...HERHALINGEN, ...RELATIEF];

    it('dan leest de opgeslagen zin opnieuw tot precies dezelfde deadline', () => {
      for (const { phrase } of alle) {
        const eerste = parseDeadline(phrase);
        expect(parseDeadline(eerste.phrase)).toEqual(eerste);
      }
    });

    it('dan ligt het begin nooit na het einde en heeft elke gedateerde soort een due en een dueAt', () => {
      for (const { phrase } of alle) {
        const deadline = parseDeadline(phrase);
        if (deadline.start && deadline.end) expect(deadline.start <= deadline.end).toBe(true);
        if (['uiterlijk', 'per', 'vanaf', 'periode'].includes(deadline.kind)) {
          expect(deadline.due).not.toBeNull();
          expect(deadline.dueAt).not.toBeNull();
        }
        expect(deadline.dueAt === null).toBe(deadline.due === null);
      }
    });
  });
});

function vang(doe: () => unknown): unknown {
  try {
    doe();
  } catch (fout) {
    return fout;
  }
  throw new Error('verwachtte een fout');
}
