import { leesOverlegRegel, overlegVoorkomens, pasWijzigingenToe, type OverlegWijziging } from '@afspraken/domain';
import { afgelastVoor, overlegOp, type Programma } from '../../apps/web/src/overleg';

/** Issue 16: the overview says of the next Bestuurlijk Overleg whether it was moved (from which day, why) or is an extra one. */
const programma = (wijzigingen: OverlegWijziging[], losseOverleggen: string[] = []): Programma =>
  ({ overlegVoorkomens: pasWijzigingenToe(overlegVoorkomens(leesOverlegRegel('eens per kwartaal van Q4 2022 tot en met Q4 2025')), wijzigingen), losseOverleggen }) as unknown as Programma;

describe('De stand van een Bestuurlijk Overleg in het overzicht', () => {
  it('noemt een verplaatst overleg met de dag waar de regel het had en de reden', () => {
    const p = programma([{ soort: 'verplaatst', voorkomen: 2, naar: '2023-03-16', reden: 'voor het Kamerdebat' }]);
    expect(overlegOp(p, '2023-03-16')).toEqual({ soort: 'verplaatst', van: '2023-03-31', reden: 'voor het Kamerdebat' });
  });

  it('noemt een overleg op de dag van de regel gewoon gepland, en een los overleg extra', () => {
    const p = programma([], ['2023-06-12']);
    expect(overlegOp(p, '2023-03-31')).toEqual({ soort: 'gepland' });
    expect(overlegOp(p, '2023-06-12')).toEqual({ soort: 'extra' });
  });

  it('meldt een afgelast overleg tot en met het volgende, niet de afgelaste van daarna of van vroeger', () => {
    const p = programma([
      { soort: 'afgelast', voorkomen: 1, reden: 'al geweest' },
      { soort: 'afgelast', voorkomen: 2, reden: 'geen agenda' },
      { soort: 'afgelast', voorkomen: 4, reden: 'zomerreces' },
    ]);
    expect(afgelastVoor(p, '2023-03-01', '2023-06-30').map((v) => [v.volgensRegel, v.reden])).toEqual([['2023-03-31', 'geen agenda']]);
    expect(afgelastVoor(p, '2023-03-01', undefined).map((v) => v.nummer)).toEqual([2, 4]);
  });
});
