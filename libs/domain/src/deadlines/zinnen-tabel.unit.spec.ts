import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '../shared/errors';
import type { DeadlineSoort, Duur, Referentie } from './deadline';
import { parseDeadline } from './parse';
import { geschatReces, prinsjesdag, reces, vastgesteldeRecessen } from './politieke-kalender';
import { metAnker, voorkomens } from './voorkomens';

/**
 * Every deadline form of the seeds and of issue 15, with the window we read in the documents
 * themselves. The document dates: TAZ 30 September 2022 (Kamerstuk 29 282, nr. 485), Werken in de
 * Zorg 13 March 2018 (Kamerstuk 29 282, nr. 303). Windows are `start..end`, due is the day it is due.
 */
const TAZ: Referentie = { soort: 'documentdatum', datum: '2022-09-30' };
const WIDZ: Referentie = { soort: 'documentdatum', datum: '2018-03-13' };

type Rij = readonly [phrase: string, kind: DeadlineSoort, start: string | null, end: string | null, due: string | null];

/** Absolute phrases: the same reading with or without a document date, and none is used. */
const ABSOLUUT: readonly Rij[] = [
  // seed 001 (TAZ)
  ['in 2030', 'periode', '2030-01-01', '2030-12-31', '2030-12-31'],
  ['in 2040', 'periode', '2040-01-01', '2040-12-31', '2040-12-31'],
  ['in mei 2022', 'periode', '2022-05-01', '2022-05-31', '2022-05-31'],
  ['in 2022', 'periode', '2022-01-01', '2022-12-31', '2022-12-31'],
  ['vanaf \n2023', 'vanaf', '2023-01-01', '2023-12-31', '2023-01-01'],
  ['2022 \n– 2025', 'periode', '2022-01-01', '2025-12-31', '2025-12-31'],
  ['Vanaf 2023', 'vanaf', '2023-01-01', '2023-12-31', '2023-01-01'],
  ['vanaf 2025', 'vanaf', '2025-01-01', '2025-12-31', '2025-01-01'],
  ['in Q2 2023', 'periode', '2023-04-01', '2023-06-30', '2023-06-30'],
  ['tot uiterlijk Q2 2023', 'uiterlijk', '2023-04-01', '2023-06-30', '2023-06-30'],
  ['uiterlijk Q2 \n2023', 'uiterlijk', '2023-04-01', '2023-06-30', '2023-06-30'],
  ['uiterlijk Q4 2023', 'uiterlijk', '2023-10-01', '2023-12-31', '2023-12-31'],
  ['per 2023', 'per', '2023-01-01', '2023-12-31', '2023-01-01'],
  ['uiterlijk in Q2 2023', 'uiterlijk', '2023-04-01', '2023-06-30', '2023-06-30'],
  ['(2022-2023)', 'periode', '2022-01-01', '2023-12-31', '2023-12-31'],
  ['uiterlijk in Q4 van 2023', 'uiterlijk', '2023-10-01', '2023-12-31', '2023-12-31'],
  ['vanaf Q1 van 2023', 'vanaf', '2023-01-01', '2023-03-31', '2023-01-01'],
  ['vanaf Q3 2023', 'vanaf', '2023-07-01', '2023-09-30', '2023-07-01'],
  ['uiterlijk in Q3 van 2023', 'uiterlijk', '2023-07-01', '2023-09-30', '2023-09-30'],
  ['vanaf de zomer 2022', 'vanaf', '2022-06-01', '2022-08-31', '2022-06-01'],
  ['per 1 januari 2024', 'per', '2024-01-01', '2024-01-01', '2024-01-01'],
  ['Per 1 \njanuari 2024', 'per', '2024-01-01', '2024-01-01', '2024-01-01'],
  ['In de zomer van 2021', 'periode', '2021-06-01', '2021-08-31', '2021-08-31'],
  ['Per Q3 2024', 'per', '2024-07-01', '2024-09-30', '2024-07-01'],
  ['in Q3 2024', 'periode', '2024-07-01', '2024-09-30', '2024-09-30'],
  ['vanaf september 2023', 'vanaf', '2023-09-01', '2023-09-30', '2023-09-01'],
  ['in 2023 en 2024', 'periode', '2023-01-01', '2024-12-31', '2024-12-31'],
  ['In Q1 2023', 'periode', '2023-01-01', '2023-03-31', '2023-03-31'],
  ['per september 2023', 'per', '2023-09-01', '2023-09-30', '2023-09-01'],
  ['in de periode 2022-2023', 'periode', '2022-01-01', '2023-12-31', '2023-12-31'],
  ['vanaf het najaar 2022', 'vanaf', '2022-09-01', '2022-11-30', '2022-09-01'],
  ['tot eind 2023', 'uiterlijk', '2023-10-01', '2023-12-31', '2023-12-31'],
  ['in het najaar van 2022', 'periode', '2022-09-01', '2022-11-30', '2022-11-30'],
  ['tot het najaar  \nvan 2024', 'uiterlijk', '2024-09-01', '2024-11-30', '2024-11-30'],
  ['uiterlijk 1-1-2024', 'uiterlijk', '2024-01-01', '2024-01-01', '2024-01-01'],
  ['tussen nu en 2025', 'uiterlijk', null, '2025-12-31', '2025-12-31'],
  ['medio 2023', 'periode', '2023-06-01', '2023-07-31', '2023-07-31'],
  ['uiterlijk Q1 2023', 'uiterlijk', '2023-01-01', '2023-03-31', '2023-03-31'],
  ['(2022-2025)', 'periode', '2022-01-01', '2025-12-31', '2025-12-31'],
  ['in najaar 2022', 'periode', '2022-09-01', '2022-11-30', '2022-11-30'],
  ['in \n\n2022-2023', 'periode', '2022-01-01', '2023-12-31', '2023-12-31'],
  ['Op 1 \njanuari 2024', 'uiterlijk', '2024-01-01', '2024-01-01', '2024-01-01'],
  ['12 april 2022', 'periode', '2022-04-12', '2022-04-12', '2022-04-12'],
  ['in 2022- 2025', 'periode', '2022-01-01', '2025-12-31', '2025-12-31'],
  ['(2023-2025', 'periode', '2023-01-01', '2025-12-31', '2025-12-31'],
  ['per 2024', 'per', '2024-01-01', '2024-12-31', '2024-01-01'],
  // "Bedragen voor 2024 en 2025": amounts for those years, not before them.
  ['voor 2024 en 2025', 'periode', '2024-01-01', '2025-12-31', '2025-12-31'],
  // seed 000 (Utrechtzorg slides)
  ['in de tweede helft van 2023', 'periode', '2023-07-01', '2023-12-31', '2023-12-31'],
  ['2020/2025', 'periode', '2020-01-01', '2025-12-31', '2025-12-31'],
  // seed 002 (Utrechtzorg groeidocument)
  ['voor de periode 2020-2025', 'periode', '2020-01-01', '2025-12-31', '2025-12-31'],
  ['2020-2025', 'periode', '2020-01-01', '2025-12-31', '2025-12-31'],
  ['op 14 januari 2020', 'uiterlijk', '2020-01-14', '2020-01-14', '2020-01-14'],
  // seed 004 (Werken in de Zorg)
  ['in de periode begin 2018 – eind 2022', 'periode', '2018-01-01', '2022-12-31', '2022-12-31'],
  ['In het vierde kwartaal van 2017', 'periode', '2017-10-01', '2017-12-31', '2017-12-31'],
  ['In schooljaar 2017-2018', 'periode', '2017-08-01', '2018-07-31', '2018-07-31'],
  ['schooljaar \n2016-2017', 'periode', '2016-08-01', '2017-07-31', '2017-07-31'],
  ['voor 2018 en 2019', 'periode', '2018-01-01', '2019-12-31', '2019-12-31'],
  ['medio 2017', 'periode', '2017-06-01', '2017-07-31', '2017-07-31'],
  ['in juni 2018', 'periode', '2018-06-01', '2018-06-30', '2018-06-30'],
  ['In 2018', 'periode', '2018-01-01', '2018-12-31', '2018-12-31'],
  ['vanaf 2018', 'vanaf', '2018-01-01', '2018-12-31', '2018-01-01'],
  ['na 2018', 'vanaf', '2019-01-01', null, '2019-01-01'],
  ['In 2019', 'periode', '2019-01-01', '2019-12-31', '2019-12-31'],
  // "voor" stays "before" where it is marked as such or names a single moment
  ['vóór 2024', 'uiterlijk', null, '2023-12-31', '2023-12-31'],
  ['uiterlijk voor 1 januari 2024', 'uiterlijk', null, '2023-12-31', '2023-12-31'],
  ['voor de periode 2022-2025', 'periode', '2022-01-01', '2025-12-31', '2025-12-31'],
  // the political calendar (issue 15 point 4): set recesses, rules and estimates
  ['voor het zomerreces van 2025', 'uiterlijk', null, '2025-07-03', '2025-07-03'],
  ['na het kerstreces 2024', 'vanaf', '2025-01-14', null, '2025-01-14'],
  ['voor Prinsjesdag 2024', 'uiterlijk', null, '2024-09-16', '2024-09-16'],
  ['op Prinsjesdag 2023', 'uiterlijk', '2023-09-19', '2023-09-19', '2023-09-19'],
  ['voor het zomerreces 2023', 'uiterlijk', null, '2023-07-06', '2023-07-06'],
  ['tijdens het zomerreces 2024', 'periode', '2024-07-05', '2024-09-02', '2024-09-02'],
  ['na het zomerreces 2022', 'vanaf', '2022-09-06', null, '2022-09-06'],
  ['voor het kerstreces 2023', 'uiterlijk', null, '2023-12-21', '2023-12-21'],
  ['na het meireces 2024', 'vanaf', '2024-05-14', null, '2024-05-14'],
  ['voor de Miljoenennota 2025', 'uiterlijk', null, '2025-09-15', '2025-09-15'],
  ['voor de Voorjaarsnota 2025', 'uiterlijk', null, '2025-05-30', '2025-05-30'],
  ['in het herfstreces 2023', 'periode', '2023-10-13', '2023-10-23', '2023-10-23'],
  ['voor het voorjaarsreces 2024', 'uiterlijk', null, '2024-02-15', '2024-02-15'],
  ['tot het zomerreces 2024', 'uiterlijk', null, '2024-07-04', '2024-07-04'],
  ['in het zomerreces 2026', 'periode', '2026-07-03', '2026-08-31', '2026-08-31'],
  ['tijdens het kerstreces 2025', 'periode', '2025-12-19', '2026-01-12', '2026-01-12'],
  ['voor het zomerreces 2018', 'uiterlijk', null, '2018-07-05', '2018-07-05'],
];

/** Phrases that lean on "now": read against the document date given. */
const TEGEN_DOCUMENTDATUM: readonly (readonly [string, Referentie, ...Rij extends readonly [string, ...infer R] ? R : never])[] = [
  ['voor de zomer', TAZ, 'uiterlijk', null, '2023-05-31', '2023-05-31'],
  ['voor de zomer', WIDZ, 'uiterlijk', null, '2018-05-31', '2018-05-31'],
  // seed 004: "het programma ... dat voor de komende zomer gereed zal komen"
  ['voor de komende zomer', WIDZ, 'uiterlijk', null, '2018-05-31', '2018-05-31'],
  ['dit najaar', TAZ, 'periode', '2022-09-01', '2022-11-30', '2022-11-30'],
  // seed 001 footnote 10: "de reeds toegezegde brief voor dit najaar": a letter for this autumn
  ['voor dit najaar', TAZ, 'periode', '2022-09-01', '2022-11-30', '2022-11-30'],
  ['eind dit jaar', TAZ, 'periode', '2022-10-01', '2022-12-31', '2022-12-31'],
  ['uiterlijk eind dit jaar', TAZ, 'uiterlijk', '2022-10-01', '2022-12-31', '2022-12-31'],
  ['volgend jaar', TAZ, 'periode', '2023-01-01', '2023-12-31', '2023-12-31'],
  ['begin volgend jaar', TAZ, 'periode', '2023-01-01', '2023-03-31', '2023-03-31'],
  // seed 001: pilots "ten behoeve van snelle inzetbaarheid komend schooljaar" (2022-2023 had begun)
  ['komend schooljaar', TAZ, 'periode', '2023-08-01', '2024-07-31', '2024-07-31'],
  ['komend schooljaar', WIDZ, 'periode', '2018-08-01', '2019-07-31', '2019-07-31'],
  // seed 001 afspraak 13: "spreken af om de komende twee jaren nóg meer in te zetten"
  ['de komende \n\ntwee jaren', TAZ, 'periode', '2022-09-30', '2024-09-29', '2024-09-29'],
  ['deze kabinetsperiode', WIDZ, 'periode', '2017-10-26', '2021-03-17', '2021-03-17'],
  // seed 004: "10 miljoen euro per jaar voor deze kabinetsperiode"
  ['voor deze kabinetsperiode', WIDZ, 'periode', '2017-10-26', '2021-03-17', '2021-03-17'],
  ['uiterlijk 1 juli', TAZ, 'uiterlijk', '2023-07-01', '2023-07-01', '2023-07-01'],
  ['uiterlijk 1 juli', WIDZ, 'uiterlijk', '2018-07-01', '2018-07-01', '2018-07-01'],
  ['binnen drie maanden', TAZ, 'uiterlijk', '2022-09-30', '2022-12-30', '2022-12-30'],
  ['binnen een jaar', TAZ, 'uiterlijk', '2022-09-30', '2023-09-30', '2023-09-30'],
  ['binnen zes weken', TAZ, 'uiterlijk', '2022-09-30', '2022-11-11', '2022-11-11'],
  // Friday 30 September 2022 + 10 working days: Friday 14 October
  ['binnen 10 werkdagen', TAZ, 'uiterlijk', '2022-09-30', '2022-10-14', '2022-10-14'],
  ['dit jaar', WIDZ, 'periode', '2018-01-01', '2018-12-31', '2018-12-31'],
  // seed 004: "Begin dit jaar bleek uit onderzoek ..."
  ['Begin dit jaar', WIDZ, 'periode', '2018-01-01', '2018-03-31', '2018-03-31'],
  ['vorig jaar', TAZ, 'periode', '2021-01-01', '2021-12-31', '2021-12-31'],
  ['dit kwartaal', TAZ, 'periode', '2022-07-01', '2022-09-30', '2022-09-30'],
  ['volgend kwartaal', TAZ, 'periode', '2022-10-01', '2022-12-31', '2022-12-31'],
  ['volgend voorjaar', TAZ, 'periode', '2023-03-01', '2023-05-31', '2023-05-31'],
  ['deze zomer', WIDZ, 'periode', '2018-06-01', '2018-08-31', '2018-08-31'],
  // seed 004: "toetsmoment ... in het voorjaar, ... voortgangsgesprekken in het najaar"
  ['in het voorjaar', WIDZ, 'periode', '2018-03-01', '2018-05-31', '2018-05-31'],
  ['in het najaar', WIDZ, 'periode', '2018-09-01', '2018-11-30', '2018-11-30'],
  // Prinsjesdag 2022 (20 September) had passed on 30 September 2022: the next is 19 September 2023.
  ['voor Prinsjesdag', TAZ, 'uiterlijk', null, '2023-09-18', '2023-09-18'],
  ['voor Prinsjesdag', WIDZ, 'uiterlijk', null, '2018-09-17', '2018-09-17'],
  ['voor het zomerreces', TAZ, 'uiterlijk', null, '2023-07-06', '2023-07-06'],
  ['voor het zomerreces', WIDZ, 'uiterlijk', null, '2018-07-05', '2018-07-05'],
  ['na de zomer', TAZ, 'vanaf', '2023-09-01', null, '2023-09-01'],
  ['na het kerstreces', TAZ, 'vanaf', '2023-01-17', null, '2023-01-17'],
  ['per 1 januari', TAZ, 'per', '2023-01-01', '2023-01-01', '2023-01-01'],
  ['in Q2', TAZ, 'periode', '2023-04-01', '2023-06-30', '2023-06-30'],
  ['eind juni', WIDZ, 'periode', '2018-06-21', '2018-06-30', '2018-06-30'],
  // a document without a printed date: the date the coordinator states
  ['de komende twee jaren', { soort: 'opgegeven', datum: '2023-01-15' }, 'periode', '2023-01-15', '2025-01-14', '2025-01-14'],
  ['dit najaar', { soort: 'opgegeven', datum: '2023-10-01' }, 'periode', '2023-09-01', '2023-11-30', '2023-11-30'],
];

const lezingVan = (phrase: string, referentie?: Referentie) => {
  const d = parseDeadline(phrase, referentie ? { referentie } : {});
  return [d.kind, d.start, d.end, d.due];
};

describe('gegeven de deadlinezinnen uit de seeds en issue 15', () => {
  describe.each([
    ['zonder documentdatum', undefined],
    ['met de documentdatum van TAZ', TAZ],
  ])('%s', (_, referentie) => {
    it.each(ABSOLUUT)('"%s" is %s %s..%s, due %s, en gebruikt geen referentie', (phrase, kind, start, end, due) => {
      expect(lezingVan(phrase, referentie)).toEqual([kind, start, end, due]);
      expect(parseDeadline(phrase, referentie ? { referentie } : {}).referentie).toBeUndefined();
    });
  });

  describe('met een documentdatum', () => {
    it.each(TEGEN_DOCUMENTDATUM)('"%s" tegen %o is %s %s..%s, due %s, en zegt welke datum het gebruikte', (phrase, referentie, kind, start, end, due) => {
      expect(lezingVan(phrase, referentie)).toEqual([kind, start, end, due]);
      expect(parseDeadline(phrase, { referentie }).referentie).toEqual(referentie);
    });
  });

  describe('zonder documentdatum', () => {
    it.each(TEGEN_DOCUMENTDATUM.map(([phrase]) => phrase).filter((p, i, alle) => alle.indexOf(p) === i))(
      '"%s" blijft vaag en zegt waarom',
      (phrase) => {
        const d = parseDeadline(phrase);
        expect([d.kind, d.due, d.referentie]).toEqual(['vaag', null, undefined]);
        expect(d.reden).toMatch(/zonder documentdatum/);
      },
    );
  });

  it('"de komende jaren" blijft ook met een documentdatum vaag: er staat geen duur in', () => {
    const d = parseDeadline('de komende jaren', { referentie: TAZ });
    expect([d.kind, d.due]).toEqual(['vaag', null]);
    expect(d.reden).toEqual(expect.any(String));
  });

  it('een documentdatum die niet bestaat is een fout die het veld noemt', () => {
    const lees = () => parseDeadline('dit najaar', { referentie: { soort: 'documentdatum', datum: '2022-02-30' } });
    expect(lees).toThrow(ValidationError);
    expect(lees).toThrow(expect.objectContaining({ field: 'documentdatum' }));
  });
});

describe('gegeven een deadline ten opzichte van een gebeurtenis', () => {
  const RELATIEF: readonly (readonly [string, Duur, string, string, string, string])[] = [
    // [phrase, offset, anker, ankerdatum, start, due]
    ['binnen drie maanden na vaststelling', { aantal: 3, eenheid: 'maand' }, 'vaststelling', '2023-03-01', '2023-03-01', '2023-06-01'],
    // seed 001 werkagenda: "door te laten lopen tot maximaal 1 jaar na diplomering"
    ['tot maximaal 1 jaar na diplomering', { aantal: 1, eenheid: 'jaar' }, 'diplomering', '2023-07-01', '2023-07-01', '2024-07-01'],
    ['tot maximaal een jaar na diplomering', { aantal: 1, eenheid: 'jaar' }, 'diplomering', '2023-07-01', '2023-07-01', '2024-07-01'],
    // seed 001: "nieuwe medewerkers het eerste jaar na diplomering doorlopende begeleiding": that first year
    ['het \n\neerste jaar na diplomering', { aantal: 1, eenheid: 'jaar' }, 'diplomering', '2023-07-01', '2023-07-01', '2024-06-30'],
    ['twee maanden na de start', { aantal: 2, eenheid: 'maand' }, 'start', '2023-01-31', '2023-03-31', '2023-03-31'],
    // 20 December 2023 + 10 working days: Christmas and New Year's Day are not working days
    ['binnen 10 werkdagen na de melding', { aantal: 10, eenheid: 'werkdag' }, 'melding', '2023-12-20', '2023-12-20', '2024-01-08'],
    ['vóór de start van het programma', { aantal: -1, eenheid: 'dag' }, 'start van het programma', '2024-01-01', '2023-12-31', '2023-12-31'],
    ['direct na vaststelling van het plan', { aantal: 0, eenheid: 'dag' }, 'vaststelling van het plan', '2023-05-10', '2023-05-10', '2023-05-10'],
    ['binnen een half jaar na inwerkingtreding van de wet', { aantal: 6, eenheid: 'maand' }, 'inwerkingtreding van de wet', '2024-01-01', '2024-01-01', '2024-07-01'],
    ['within three months of adoption', { aantal: 3, eenheid: 'maand' }, 'adoption', '2023-11-30', '2023-11-30', '2024-02-29'],
    ['binnen anderhalf jaar na oplevering', { aantal: 18, eenheid: 'maand' }, 'oplevering', '2023-01-15', '2023-01-15', '2024-07-15'],
  ];

  it.each(RELATIEF)('"%s" is relatief: %o na "%s"; zonder anker geen datum', (phrase, offset, anker) => {
    const d = parseDeadline(phrase);
    expect({ kind: d.kind, offset: d.offset, anker: d.anker, due: d.due }).toEqual({ kind: 'relatief', offset, anker, due: null });
    expect(d.reden).toBe(`de datum volgt pas als ${anker} is vastgelegd`);
  });

  it.each(RELATIEF)('"%s" met %s op %s vastgelegd loopt %s..%s', (phrase, _offset, _anker, ankerdatum, start, due) => {
    const d = metAnker(parseDeadline(phrase), ankerdatum);
    expect({ start: d.start, end: d.end, due: d.due, ankerdatum: d.ankerdatum }).toEqual({ start, end: due, due, ankerdatum });
    expect(d.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T2[23]:00:00\.000Z$/);
  });

  it('een ankerdatum die niet bestaat is een fout die het veld noemt', () => {
    expect(() => metAnker(parseDeadline('binnen drie maanden na vaststelling'), '2023-02-30')).toThrow(expect.objectContaining({ field: 'datum' }));
  });
});

describe('gegeven een herhaling', () => {
  const HERHALINGEN: readonly (readonly [string, readonly string[]])[] = [
    ['eens per kwartaal in 2023', ['2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31']],
    // the Bestuurlijk Overleg of TAZ, "eens per kwartaal", once it is given a start and an end
    ['kwartaaloverleg vanaf Q4 2022 tot eind 2023', ['2022-12-31', '2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31']],
    ['jaarlijks in de periode 2022-2025', ['2022-12-31', '2023-12-31', '2024-12-31', '2025-12-31']],
    ['elk voorjaar in 2023-2025', ['2023-05-31', '2024-05-31', '2025-05-31']],
    ['maandelijks in Q1 2024', ['2024-01-31', '2024-02-29', '2024-03-31']],
    ['halfjaarlijks in de periode 2022-2023', ['2022-06-30', '2022-12-31', '2023-06-30', '2023-12-31']],
    ['eens per kwartaal vanaf september 2023 tot en met juni 2024', ['2023-09-30', '2023-12-31', '2024-03-31', '2024-06-30']],
    // ISO weeks; the first is cut off at 1 March (a Friday)
    ['wekelijks in maart 2024', ['2024-03-03', '2024-03-10', '2024-03-17', '2024-03-24', '2024-03-31']],
  ];

  it.each(HERHALINGEN)('"%s" geeft voorkomens met elk een eigen due: %o', (phrase, dues) => {
    const lijst = voorkomens(parseDeadline(phrase));
    expect(lijst.map((v) => v.due)).toEqual(dues);
    expect(lijst.map((v) => v.nummer)).toEqual(dues.map((_, i) => i + 1));
  });

  it('"elk voorjaar" valt in het voorjaar: maart tot en met mei', () => {
    expect(voorkomens(parseDeadline('elk voorjaar in 2023-2025'))[0]).toMatchObject({ start: '2023-03-01', end: '2023-05-31' });
  });

  it('zonder einde zegt de lezing dat, en voorkomens weigert met het veld', () => {
    const d = parseDeadline('eens per kwartaal');
    expect(d.reden).toMatch(/zonder einde/);
    expect(() => voorkomens(d)).toThrow(expect.objectContaining({ code: 'HERHALING_ZONDER_EINDE', field: 'phrase' }));
  });

  it('zonder begin telt het vanaf de gegeven dag', () => {
    const d = parseDeadline('jaarlijks tot eind 2024');
    expect(() => voorkomens(d)).toThrow(expect.objectContaining({ code: 'HERHALING_ZONDER_BEGIN' }));
    expect(voorkomens(d, { vanaf: '2023-05-01' }).map((v) => [v.start, v.due])).toEqual([
      ['2023-05-01', '2023-12-31'],
      ['2024-01-01', '2024-12-31'],
    ]);
  });
});

describe('gegeven de politieke kalender', () => {
  it.each(vastgesteldeRecessen())('het gebruikelijke patroon geeft het %s van %s zoals de Kamer het vaststelde', (soort, jaar) => {
    const { start, end } = reces(soort, jaar);
    expect(geschatReces(soort, jaar)).toMatchObject({ start, end, schatting: true });
    expect(reces(soort, jaar).schatting).toBe(false);
  });

  it.each([
    [2018, '2018-09-18'],
    [2022, '2022-09-20'],
    [2023, '2023-09-19'],
    [2024, '2024-09-17'],
    [2025, '2025-09-16'],
  ])('Prinsjesdag %s is de derde dinsdag van september: %s', (jaar, dag) => {
    expect(prinsjesdag(jaar)).toMatchObject({ start: dag, end: dag, schatting: false });
  });

  it('een geschat reces staat als schatting in het antwoord, een vastgesteld niet', () => {
    expect(parseDeadline('voor het zomerreces van 2025').kalender).toEqual([expect.objectContaining({ naam: 'zomerreces 2025', schatting: true })]);
    expect(parseDeadline('voor het zomerreces 2024').kalender).toEqual([expect.objectContaining({ naam: 'zomerreces 2024', schatting: false })]);
  });
});

describe('gegeven de seed-bestanden naast de repository', () => {
  // ../shared/seeds beside the checkout; SEEDS_DIR where the checkout lives elsewhere.
  const seeds = process.env.SEEDS_DIR ?? join(__dirname, '../../../../../shared/seeds');
  const bestaat = existsSync(seeds);
  (bestaat ? it : it.skip)('staan de zinnen van de tabel er echt in (regelafbrekingen samengevoegd)', () => {
    const tekst = ['000_fe2e2fe85e5b71a4.txt', '001_78c9b1ee69f4058b.txt', '002_0c6c1779d8d9fba1.txt', '004_45779f928e1d33cc.txt']
      .map((f) => readFileSync(join(seeds, f), 'utf8'))
      .join('\n')
      .replace(/\s+/g, ' ')
      .toLowerCase();
    for (const phrase of ['voor 2024 en 2025', '2020/2025', 'voor de periode 2020-2025', 'komend schooljaar', 'de komende twee jaren', 'tot maximaal 1 jaar na diplomering', 'eerste jaar na diplomering', 'voor dit najaar', 'voor de komende zomer', 'voor deze kabinetsperiode', 'begin dit jaar', 'voor 2018 en 2019', 'kwartaaloverleg']) {
      expect({ phrase, gevonden: tekst.includes(phrase) }).toEqual({ phrase, gevonden: true });
    }
  });
});
