import { DeadlineSoort } from './deadline';
import { parseDeadline } from './parse';

/**
 * Every deadline-like phrase in seed 001 (Programma Toekomstbestendige Arbeidsmarkt Zorg & welzijn,
 * VWS 2022), as the PDF text has it: line breaks and hyphenation included. `regel` is the line in
 * ../shared/seeds/001_78c9b1ee69f4058b.txt (next to the checkout) where the phrase starts.
 */
const SEED_001: readonly { regel: number; phrase: string; kind: DeadlineSoort }[] = [
  { regel: 12, phrase: 'de komende tijd', kind: 'vaag' },
  { regel: 18, phrase: 'op termijn', kind: 'vaag' },
  { regel: 54, phrase: 'in de komende jaren', kind: 'vaag' },
  { regel: 57, phrase: 'in 2030', kind: 'periode' },
  { regel: 58, phrase: 'in 2040', kind: 'periode' },
  { regel: 82, phrase: '3 juni jl.', kind: 'vaag' },
  { regel: 117, phrase: 'in mei 2022', kind: 'periode' },
  { regel: 160, phrase: 'in 2022', kind: 'periode' },
  { regel: 160, phrase: 'vanaf \n2023', kind: 'vanaf' },
  { regel: 161, phrase: 'per jaar', kind: 'terugkerend' },
  { regel: 177, phrase: '2022 \n– 2025', kind: 'periode' },
  { regel: 330, phrase: 'eens per kwartaal', kind: 'terugkerend' },
  { regel: 376, phrase: 'Vanaf 2023', kind: 'vanaf' },
  { regel: 391, phrase: 'de komende jaren', kind: 'vaag' },
  { regel: 394, phrase: 'vanaf 2025', kind: 'vanaf' },
  { regel: 398, phrase: 'in 2023', kind: 'periode' },
  { regel: 405, phrase: 'in Q2 2023', kind: 'periode' },
  { regel: 406, phrase: 'tot uiterlijk Q2 2023', kind: 'uiterlijk' },
  { regel: 413, phrase: 'uiterlijk Q2 \n2023', kind: 'uiterlijk' },
  { regel: 422, phrase: 'uiterlijk Q4 2023', kind: 'uiterlijk' },
  { regel: 424, phrase: 'per 2023', kind: 'per' },
  { regel: 434, phrase: 'uiterlijk in Q2 2023', kind: 'uiterlijk' },
  { regel: 472, phrase: '(2022-2023)', kind: 'periode' },
  { regel: 477, phrase: 'uiterlijk in Q4 van 2023', kind: 'uiterlijk' },
  { regel: 483, phrase: 'vanaf Q1 van 2023', kind: 'vanaf' },
  { regel: 485, phrase: 'vanaf Q3 2023', kind: 'vanaf' },
  { regel: 517, phrase: 'uiterlijk in Q3 van 2023', kind: 'uiterlijk' },
  { regel: 521, phrase: 'vanaf de zomer 2022', kind: 'vanaf' },
  { regel: 541, phrase: 'per 1 januari 2024', kind: 'per' },
  { regel: 548, phrase: 'Per 1 \njanuari 2024', kind: 'per' },
  { regel: 586, phrase: 'uiterlijk Q2 2023', kind: 'uiterlijk' },
  { regel: 588, phrase: 'In de zomer van 2021', kind: 'periode' },
  { regel: 600, phrase: 'Uiterlijk Q2 2023', kind: 'uiterlijk' },
  // "the coming two years" counts from a publication date the text does not give.
  { regel: 606, phrase: 'de komende \n\ntwee jaren', kind: 'vaag' },
  { regel: 614, phrase: 'uiterlijk in Q2 2023', kind: 'uiterlijk' },
  { regel: 655, phrase: 'De komende periode', kind: 'vaag' },
  { regel: 792, phrase: 'vanaf Q3 2023', kind: 'vanaf' },
  { regel: 800, phrase: 'Per Q3 2024', kind: 'per' },
  { regel: 806, phrase: 'in Q3 2024', kind: 'periode' },
  { regel: 810, phrase: 'vanaf september 2023', kind: 'vanaf' },
  { regel: 816, phrase: 'in 2023 en 2024', kind: 'periode' },
  { regel: 817, phrase: 'vanaf Q3 2023', kind: 'vanaf' },
  { regel: 820, phrase: 'In Q1 2023', kind: 'periode' },
  { regel: 843, phrase: 'vanaf september 2023', kind: 'vanaf' },
  { regel: 866, phrase: 'In Q3 2023', kind: 'periode' },
  { regel: 867, phrase: 'in 2022', kind: 'periode' },
  { regel: 874, phrase: 'per september 2023', kind: 'per' },
  { regel: 914, phrase: 'Uiterlijk in Q3 2023', kind: 'uiterlijk' },
  { regel: 917, phrase: 'vanaf september 2023', kind: 'vanaf' },
  { regel: 929, phrase: 'in de periode 2022-2023', kind: 'periode' },
  { regel: 933, phrase: 'vanaf het najaar 2022', kind: 'vanaf' },
  { regel: 944, phrase: 'tot eind 2023', kind: 'uiterlijk' },
  { regel: 948, phrase: 'uiterlijk in Q4 van 2023', kind: 'uiterlijk' },
  { regel: 965, phrase: 'in het najaar van 2022', kind: 'periode' },
  { regel: 970, phrase: 'vanaf 2023', kind: 'vanaf' },
  { regel: 1078, phrase: 'vanaf de zomer 2022', kind: 'vanaf' },
  { regel: 1082, phrase: 'in 2023', kind: 'periode' },
  { regel: 1083, phrase: 'tot het najaar  \nvan 2024', kind: 'uiterlijk' },
  { regel: 1133, phrase: 'uiterlijk 1-1-2024', kind: 'uiterlijk' },
  { regel: 1190, phrase: 'tussen nu en 2025', kind: 'uiterlijk' },
  { regel: 1194, phrase: 'medio 2023', kind: 'periode' },
  { regel: 1207, phrase: 'uiterlijk Q1 2023', kind: 'uiterlijk' },
  { regel: 1215, phrase: '(2022-2025)', kind: 'periode' },
  { regel: 1219, phrase: 'in najaar 2022', kind: 'periode' },
  // "this autumn" in a letter of unknown date.
  { regel: 1223, phrase: 'dit najaar', kind: 'vaag' },
  { regel: 1250, phrase: 'uiterlijk Q2 2023', kind: 'uiterlijk' },
  { regel: 1255, phrase: 'in \n\n2022-2023', kind: 'periode' },
  { regel: 1261, phrase: 'Op 1 \njanuari 2024', kind: 'uiterlijk' },
  { regel: 1270, phrase: '12 april 2022', kind: 'periode' },
  { regel: 1289, phrase: 'in 2022- 2025', kind: 'periode' },
  { regel: 1310, phrase: 'uiterlijk Q2 2023', kind: 'uiterlijk' },
  { regel: 1315, phrase: 'in 2022-2023', kind: 'periode' },
  { regel: 1336, phrase: '(2023-2025', kind: 'periode' },
  { regel: 1342, phrase: 'per 2024', kind: 'per' },
  { regel: 1345, phrase: 'in 2022-2023', kind: 'periode' },
];

describe('gegeven elke deadline-achtige zin uit seed 001', () => {
  it.each(SEED_001)('wanneer regel $regel ($phrase) gelezen wordt, dan is hij $kind', ({ phrase, kind }) => {
    expect(parseDeadline(phrase).kind).toBe(kind);
  });

  it('dan gooit geen enkele zin een fout', () => {
    for (const { phrase } of SEED_001) expect(() => parseDeadline(phrase)).not.toThrow();
  });

  it('dan is een zin alleen vaag als er echt geen datum in staat', () => {
    const vaag = SEED_001.filter(({ phrase }) => parseDeadline(phrase).kind === 'vaag').map(({ phrase }) => phrase);
    expect(vaag).toEqual([
      'de komende tijd',
      'op termijn',
      'in de komende jaren',
      '3 juni jl.',
      'de komende jaren',
      'de komende \n\ntwee jaren',
      'De komende periode',
      'dit najaar',
    ]);
  });

  it('dan heeft elke gedateerde zin een due en een dueAt', () => {
    for (const { phrase } of SEED_001) {
      const deadline = parseDeadline(phrase);
      if (deadline.kind !== 'vaag' && deadline.kind !== 'terugkerend') {
        expect({ phrase, due: deadline.due, dueAt: deadline.dueAt }).toEqual({
          phrase,
          due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          dueAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/),
        });
      }
    }
  });
});
