import { ValidationError } from '../shared/errors';
import {
  ALGEMENE_TERMIJNENWET,
  EERSTE_KALENDERJAAR,
  feestdagen,
  isWerkdag,
  LAATSTE_KALENDERJAAR,
  opWerkdagNaarAchteren,
  opWerkdagNaarVoren,
  paaszondag,
  volgendeWerkdag,
  vorigeWerkdag,
  vrijeFeestdagen,
  WerkdagRegels,
  werkdagenErbij,
} from './werkdagen';

const regels = (afwijkend: Partial<WerkdagRegels>): WerkdagRegels => ({ ...ALGEMENE_TERMIJNENWET, ...afwijkend });

const datumVan = (naam: string, jaar: number): string | undefined =>
  feestdagen(jaar).find((feestdag) => feestdag.naam === naam)?.datum;

describe('Pasen', () => {
  it.each([
    [2008, '2008-03-23'],
    [2015, '2015-04-05'],
    [2016, '2016-03-27'],
    [2017, '2017-04-16'],
    [2018, '2018-04-01'],
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('gegeven het jaar %i, dan valt Eerste Paasdag op %s', (jaar, datum) => {
    expect(paaszondag(jaar)).toBe(datum);
    expect(datumVan('Eerste Paasdag', jaar)).toBe(datum);
  });

  it('gegeven elk ondersteund jaar, dan valt Pasen op een zondag tussen 22 maart en 25 april', () => {
    for (let jaar = EERSTE_KALENDERJAAR; jaar <= LAATSTE_KALENDERJAAR; jaar++) {
      const pasen = paaszondag(jaar);
      expect(new Date(`${pasen}T12:00:00Z`).getUTCDay()).toBe(0);
      expect(pasen.slice(5) >= '03-22' && pasen.slice(5) <= '04-25').toBe(true);
    }
  });
});

describe('feestdagen', () => {
  it('gegeven 2023, dan zijn dit alle feestdagen in datumvolgorde', () => {
    expect(feestdagen(2023)).toEqual([
      { datum: '2023-01-01', naam: 'Nieuwjaarsdag' },
      { datum: '2023-04-07', naam: 'Goede Vrijdag' },
      { datum: '2023-04-09', naam: 'Eerste Paasdag' },
      { datum: '2023-04-10', naam: 'Tweede Paasdag' },
      { datum: '2023-04-27', naam: 'Koningsdag' },
      { datum: '2023-05-05', naam: 'Bevrijdingsdag' },
      { datum: '2023-05-18', naam: 'Hemelvaartsdag' },
      { datum: '2023-05-28', naam: 'Eerste Pinksterdag' },
      { datum: '2023-05-29', naam: 'Tweede Pinksterdag' },
      { datum: '2023-12-25', naam: 'Eerste Kerstdag' },
      { datum: '2023-12-26', naam: 'Tweede Kerstdag' },
    ]);
  });

  it.each([
    ['Hemelvaartsdag', 2023, '2023-05-18'],
    ['Hemelvaartsdag', 2024, '2024-05-09'],
    ['Tweede Pinksterdag', 2024, '2024-05-20'],
    ['Goede Vrijdag', 2024, '2024-03-29'],
    ['Tweede Paasdag', 2025, '2025-04-21'],
  ])('gegeven %s in %i, dan valt die op %s', (naam, jaar, datum) => {
    expect(datumVan(naam, jaar)).toBe(datum);
  });

  describe('Koningsdag', () => {
    it.each([
      [2023, '2023-04-27'],
      [2024, '2024-04-27'],
      [2025, '2025-04-26'],
      [2014, '2014-04-26'],
      [2031, '2031-04-26'],
    ])('gegeven %i, dan valt Koningsdag op %s (26 april als 27 april een zondag is)', (jaar, datum) => {
      expect(datumVan('Koningsdag', jaar)).toBe(datum);
    });

    it.each([
      [2013, '2013-04-30'],
      [2006, '2006-04-29'],
    ])('gegeven %i, voor 2014, dan was het Koninginnedag op %s (29 april als 30 april een zondag was)', (jaar, datum) => {
      expect(datumVan('Koninginnedag', jaar)).toBe(datum);
      expect(datumVan('Koningsdag', jaar)).toBeUndefined();
    });
  });

  it('gegeven 2016, toen Hemelvaartsdag op Bevrijdingsdag viel, dan staan beide op 5 mei', () => {
    const vijfMei = feestdagen(2016).filter((feestdag) => feestdag.datum === '2016-05-05');
    expect(vijfMei.map((feestdag) => feestdag.naam)).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
  });

  it('gegeven de Algemene termijnenwet, dan tellen Eerste Paas- en Pinksterdag niet als erkende feestdag', () => {
    expect(vrijeFeestdagen(2023).map((feestdag) => feestdag.naam)).toEqual([
      'Nieuwjaarsdag',
      'Goede Vrijdag',
      'Tweede Paasdag',
      'Koningsdag',
      'Bevrijdingsdag',
      'Hemelvaartsdag',
      'Tweede Pinksterdag',
      'Eerste Kerstdag',
      'Tweede Kerstdag',
    ]);
  });

  it.each([1979, 2201, 2023.5])('gegeven het jaar %s buiten de kalender, dan volgt een ValidationError', (jaar) => {
    expect(() => feestdagen(jaar)).toThrow(ValidationError);
    expect(() => feestdagen(jaar)).toThrow(/kent de jaren 1980 tot en met 2200/);
  });
});

describe('isWerkdag', () => {
  it.each([
    ['2023-06-16', true, 'een gewone vrijdag'],
    ['2023-06-17', false, 'een zaterdag'],
    ['2023-06-18', false, 'een zondag'],
    ['2023-01-02', true, 'de maandag na Nieuwjaarsdag'],
    ['2024-01-01', false, 'Nieuwjaarsdag'],
    ['2023-04-07', false, 'Goede Vrijdag (Atw art. 3 lid 2)'],
    ['2023-04-10', false, 'Tweede Paasdag'],
    ['2023-04-27', false, 'Koningsdag'],
    ['2023-05-05', false, 'Bevrijdingsdag (elk jaar, Atw art. 3 lid 1)'],
    ['2023-05-18', false, 'Hemelvaartsdag'],
    ['2023-05-19', true, 'de vrijdag na Hemelvaartsdag (alleen vrij als hij is gelijkgesteld)'],
    ['2023-05-29', false, 'Tweede Pinksterdag'],
    ['2023-12-25', false, 'Eerste Kerstdag'],
    ['2023-12-26', false, 'Tweede Kerstdag'],
    ['2023-12-27', true, 'de woensdag na Kerst'],
  ])('gegeven %s, dan is het werkdag: %s (%s)', (datum, werkdag) => {
    expect(isWerkdag(datum)).toBe(werkdag);
  });

  describe('gegeven afwijkende regels', () => {
    it('wanneer Bevrijdingsdag alleen in lustrumjaren vrij is, dan is 5 mei 2023 een werkdag en 5 mei 2025 niet', () => {
      const lustrum = regels({ bevrijdingsdag: 'lustrumjaren' });
      expect(isWerkdag('2023-05-05', lustrum)).toBe(true);
      expect(isWerkdag('2025-05-05', lustrum)).toBe(false);
    });

    it('wanneer Bevrijdingsdag nooit vrij is, dan is 5 mei 2025 een werkdag', () => {
      expect(isWerkdag('2025-05-05', regels({ bevrijdingsdag: 'nooit' }))).toBe(true);
    });

    it('wanneer Goede Vrijdag geen vrije dag is, dan is 7 april 2023 een werkdag', () => {
      expect(isWerkdag('2023-04-07', regels({ goedeVrijdagVrij: false }))).toBe(true);
    });

    it('wanneer de vrijdag na Hemelvaart bij besluit is gelijkgesteld, dan is die geen werkdag', () => {
      expect(isWerkdag('2023-05-19', regels({ gelijkgesteldeDagen: ['2023-05-19'] }))).toBe(false);
    });
  });

  it.each(['2023-02-29', '2023-2-3', '20230203', '', '2023-13-01'])(
    'gegeven de ongeldige datum %j, dan volgt een ValidationError ONGELDIGE_DATUM',
    (datum) => {
      expect(() => isWerkdag(datum)).toThrow(expect.objectContaining({ code: 'ONGELDIGE_DATUM', field: 'datum' }));
    },
  );

  it('gegeven een datum buiten de kalender, dan volgt een ValidationError JAAR_BUITEN_KALENDER', () => {
    expect(() => isWerkdag('1979-06-01')).toThrow(expect.objectContaining({ code: 'JAAR_BUITEN_KALENDER' }));
  });
});

describe('werkdagen rond Kerst en Nieuwjaar 2023-2024', () => {
  // vr 22-12 | za 23, zo 24 | ma 25, di 26 Kerst | wo 27, do 28, vr 29 | za 30, zo 31 | ma 1-1 | di 2-1
  it.each([
    ['2023-12-22', '2023-12-27'],
    ['2023-12-23', '2023-12-27'],
    ['2023-12-29', '2024-01-02'],
    ['2023-12-31', '2024-01-02'],
  ])('gegeven %s, dan is de volgende werkdag %s', (datum, volgende) => {
    expect(volgendeWerkdag(datum)).toBe(volgende);
  });

  it.each([
    ['2023-12-27', '2023-12-22'],
    ['2023-12-26', '2023-12-22'],
    ['2024-01-02', '2023-12-29'],
    ['2024-01-01', '2023-12-29'],
  ])('gegeven %s, dan is de vorige werkdag %s', (datum, vorige) => {
    expect(vorigeWerkdag(datum)).toBe(vorige);
  });

  it.each([
    ['2023-12-22', 1, '2023-12-27'],
    ['2023-12-22', 3, '2023-12-29'],
    ['2023-12-22', 4, '2024-01-02'],
    ['2023-12-23', 1, '2023-12-27'],
    ['2024-01-02', -1, '2023-12-29'],
    ['2024-01-02', -5, '2023-12-21'],
    ['2023-12-27', -1, '2023-12-22'],
    ['2023-12-25', 0, '2023-12-25'],
    ['2023-12-20', 10, '2024-01-08'],
  ])('gegeven %s, wanneer er %i werkdagen bij komen, dan is het %s', (datum, n, uitkomst) => {
    expect(werkdagenErbij(datum, n)).toBe(uitkomst);
  });

  it('gegeven een niet-geheel aantal werkdagen, dan volgt een ValidationError', () => {
    expect(() => werkdagenErbij('2023-12-22', 1.5)).toThrow(ValidationError);
  });
});

describe('een herinneringsmoment van een weekend of feestdag af halen', () => {
  it.each([
    ['2023-06-19', '2023-06-19', 'een maandag blijft staan'],
    ['2023-06-17', '2023-06-16', 'zaterdag gaat naar vrijdag'],
    ['2023-06-18', '2023-06-16', 'zondag gaat naar vrijdag'],
    ['2023-12-26', '2023-12-22', 'Tweede Kerstdag gaat over Kerst en het weekend heen naar vrijdag'],
    ['2024-01-01', '2023-12-29', 'Nieuwjaarsdag gaat naar de vrijdag ervoor'],
    ['2024-04-01', '2024-03-28', 'Tweede Paasdag 2024 gaat langs Pasen en Goede Vrijdag naar donderdag'],
    ['2023-05-18', '2023-05-17', 'Hemelvaartsdag gaat naar woensdag'],
  ])('gegeven %s, dan wordt het %s (%s)', (datum, moment) => {
    expect(opWerkdagNaarVoren(datum)).toBe(moment);
  });

  it('gegeven Tweede Paasdag 2024 en een cao zonder vrije Goede Vrijdag, dan wordt het Goede Vrijdag', () => {
    expect(opWerkdagNaarVoren('2024-04-01', regels({ goedeVrijdagVrij: false }))).toBe('2024-03-29');
  });

  it('gegeven een termijn die op zaterdag eindigt, dan verlengt de Algemene termijnenwet hem naar maandag', () => {
    expect(opWerkdagNaarAchteren('2023-06-17')).toBe('2023-06-19');
    expect(opWerkdagNaarAchteren('2023-12-24')).toBe('2023-12-27');
    expect(opWerkdagNaarAchteren('2023-06-19')).toBe('2023-06-19');
  });
});
