import { IllegalStateError, ValidationError } from '../shared/errors';
import type { Actor } from '../shared/event';
import { DeciderSpecification } from '../testing/decider-specification';
import { NU } from '../testing/voorbeelden';
import { programmaDecider, type ProgrammaCommand, type ProgrammaEvent } from './programma';

const given = DeciderSpecification.for(programmaDecider);
const coordinator: Actor = { id: 'coord', rol: 'coordinator' };
const cmd = (c: Omit<ProgrammaCommand, 'metadata'>): ProgrammaCommand => ({ ...c, metadata: { now: NU, actor: coordinator } }) as ProgrammaCommand;

const widz: ProgrammaEvent = { type: 'ProgrammaVastgelegd', data: { programmaId: 'WIDZ', naam: 'Werken in de Zorg', eigenaar: 'vws', bron: '', vastgelegdOp: NU } };
const utz: ProgrammaEvent = { type: 'ProgrammaVastgelegd', data: { programmaId: 'UTZ', naam: 'Utrechtzorg', eigenaar: 'utrechtzorg', bron: '', vastgelegdOp: NU } };
const opvolger = cmd({ type: 'LegOpvolgingVast', data: { rol: 'opvolger', anderProgrammaId: 'TAZ' } });
const opvolgerVastgelegd: ProgrammaEvent = { type: 'OpvolgingVastgelegd', data: { programmaId: 'WIDZ', rol: 'opvolger', anderProgrammaId: 'TAZ', vastgelegdOp: NU } };
const bijdrage = cmd({ type: 'LegBijdrageVast', data: { afspraakId: 'UTZ-A01', draagtBijAan: 'TAZ-A02', doelProgrammaId: 'TAZ' } });
const bijdrageVastgelegd: ProgrammaEvent = {
  type: 'BijdrageVastgelegd',
  data: { programmaId: 'UTZ', afspraakId: 'UTZ-A01', draagtBijAan: 'TAZ-A02', doelProgrammaId: 'TAZ', vastgelegdOp: NU },
};

describe('Een programma noemt zijn opvolger of voorganger', () => {
  it('legt de opvolger vast op de eigen stream', () => given([widz]).when(opvolger).then([opvolgerVastgelegd]));
  it('en toont hem in de toestand', () => {
    const state = [widz, opvolgerVastgelegd].reduce(programmaDecider.evolve, programmaDecider.initialState);
    expect(state.status === 'vastgelegd' && [state.opvolger, state.voorganger]).toEqual(['TAZ', null]);
  });
  it('schrijft niets als dezelfde opvolger nog eens genoemd wordt', () => given([widz, opvolgerVastgelegd]).when(opvolger).thenNothingHappens());
  it('weigert een andere opvolger', () =>
    given([widz, opvolgerVastgelegd]).when(cmd({ type: 'LegOpvolgingVast', data: { rol: 'opvolger', anderProgrammaId: 'NIEUW' } })).thenThrows(IllegalStateError));
  it('weigert zichzelf', () => given([widz]).when(cmd({ type: 'LegOpvolgingVast', data: { rol: 'voorganger', anderProgrammaId: 'WIDZ' } })).thenThrows(ValidationError));
});

describe('Een afspraak draagt bij aan een afspraak van een ander programma', () => {
  it('legt de koppeling vast op het programma dat haar maakt', () => given([utz]).when(bijdrage).then([bijdrageVastgelegd]));
  it('schrijft niets als dezelfde koppeling nog eens komt', () => given([utz, bijdrageVastgelegd]).when(bijdrage).thenNothingHappens());
  it('weigert een afspraak die aan zichzelf bijdraagt', () =>
    given([utz]).when(cmd({ type: 'LegBijdrageVast', data: { afspraakId: 'UTZ-A01', draagtBijAan: 'UTZ-A01', doelProgrammaId: 'UTZ' } })).thenThrows(ValidationError));
});
