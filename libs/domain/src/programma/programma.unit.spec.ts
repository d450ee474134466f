import { ValidationError } from '../shared/errors';
import type { Actor } from '../shared/event';
import { fold } from '../shared/event';
import { DeciderSpecification } from '../testing/decider-specification';
import { programmaDecider, type LegProgrammaVast, type ProgrammaCommand, type ProgrammaEvent } from './programma';

const NU = '2023-03-01T09:00:00.000Z';
const coordinator: Actor = { id: 'coord-1', rol: 'coordinator' };
const given = DeciderSpecification.for(programmaDecider);
const legVast = (data: Partial<LegProgrammaVast['data']> = {}): ProgrammaCommand => ({
  type: 'LegProgrammaVast',
  data: { programmaId: 'TAZ', naam: 'TAZ', eigenaar: 'vws', bron: '', ...data },
  metadata: { now: NU, actor: coordinator },
});
const veld = (naam: string) => (e: Error) => expect((e as ValidationError).field).toBe(naam);

describe('De documentdatum van een programma', () => {
  it('wordt vastgelegd met de soort en, bij een opgegeven datum, waar hij vandaan komt', () =>
    given([])
      .when(legVast({ documentdatum: '2022-09-30', documentdatumSoort: 'opgegeven', documentdatumBron: ' Kamerstuk 29 282, nr. 485 ' }))
      .then([
        {
          type: 'ProgrammaVastgelegd',
          data: { programmaId: 'TAZ', naam: 'TAZ', eigenaar: 'vws', bron: '', documentdatum: '2022-09-30', documentdatumSoort: 'opgegeven', documentdatumBron: 'Kamerstuk 29 282, nr. 485', vastgelegdOp: NU },
        },
      ]));

  it('een gedrukte datum heeft geen bron nodig', () =>
    given([]).when(legVast({ documentdatum: '2018-03-13', documentdatumSoort: 'gedrukt' })).thenEmits(['ProgrammaVastgelegd']));

  it('is optioneel: een programma zonder documentdatum kent er geen', () => {
    const events: ProgrammaEvent[] = [{ type: 'ProgrammaVastgelegd', data: { programmaId: 'TAZ', naam: 'TAZ', eigenaar: 'vws', bron: '', vastgelegdOp: NU } }];
    expect(fold(programmaDecider.evolve, programmaDecider.initialState, events)).toMatchObject({ status: 'vastgelegd', documentdatum: null });
  });

  it('staat in de toestand zoals vastgelegd', () => {
    const events = programmaDecider.decide(legVast({ documentdatum: '2022-09-30', documentdatumSoort: 'opgegeven', documentdatumBron: 'Kamerstuk' }), programmaDecider.initialState);
    expect(fold(programmaDecider.evolve, programmaDecider.initialState, events)).toMatchObject({ documentdatum: { datum: '2022-09-30', soort: 'opgegeven', bron: 'Kamerstuk' } });
  });

  it('weigert een datum die niet bestaat, en noemt het veld', () =>
    given([]).when(legVast({ documentdatum: '2022-02-30', documentdatumSoort: 'gedrukt' })).thenThrows(ValidationError, veld('documentdatum')));
  it('weigert een datum zonder soort', () => given([]).when(legVast({ documentdatum: '2022-09-30' })).thenThrows(ValidationError, veld('documentdatumSoort')));
  it('weigert een opgegeven datum zonder bron', () =>
    given([]).when(legVast({ documentdatum: '2022-09-30', documentdatumSoort: 'opgegeven' })).thenThrows(ValidationError, veld('documentdatumBron')));
  it('weigert een soort zonder datum', () => given([]).when(legVast({ documentdatumSoort: 'gedrukt' })).thenThrows(ValidationError, veld('documentdatum')));
});
