import { IllegalStateError, ValidationError } from '../shared/errors';
import type { Actor } from '../shared/event';
import { fold } from '../shared/event';
import { parseDeadline } from '../deadlines/parse';
import { DeciderSpecification } from '../testing/decider-specification';
import { programmaDecider, type ProgrammaCommand, type ProgrammaEvent } from './programma';
import { berekenLadder } from '../herinneringen/ladder';
import { STANDAARD_BELEID } from '../herinneringen/beleid';

const NU = '2022-10-03T09:00:00.000Z';
const coordinator: Actor = { id: 'coord', rol: 'coordinator' };
const given = DeciderSpecification.for(programmaDecider);
const cmd = (c: Omit<ProgrammaCommand, 'metadata'>): ProgrammaCommand => ({ ...c, metadata: { now: NU, actor: coordinator } }) as ProgrammaCommand;
const veld = (naam: string) => (e: Error) => expect((e as ValidationError).field).toBe(naam);
const toestand = (events: ProgrammaEvent[]) => {
  const state = fold(programmaDecider.evolve, programmaDecider.initialState, events);
  if (state.status !== 'vastgelegd') throw new Error('geen programma');
  return state;
};

// Seed 001, par. 2 ("Regie en samenwerking"): "In dit bestuurlijk overleg, dat eens per kwartaal zal samenkomen, …"
const PHRASE = 'eens per kwartaal van Q4 2022 tot en met Q4 2025';
const taz: ProgrammaEvent = {
  type: 'ProgrammaVastgelegd',
  data: { programmaId: 'TAZ', naam: 'TAZ', eigenaar: 'vws', bron: '', documentdatum: '2022-09-30', documentdatumSoort: 'opgegeven', documentdatumBron: 'Kamerstuk', vastgelegdOp: NU },
};
const regelVastgelegd: ProgrammaEvent = { type: 'BestuurlijkOverlegRegelVastgelegd', data: { programmaId: 'TAZ', phrase: PHRASE, regel: parseDeadline(PHRASE), vastgelegdOp: NU } };
const legRegelVast = (phrase = PHRASE) => cmd({ type: 'LegBestuurlijkOverlegRegelVast', data: { phrase } });
const verplaats = (voorkomen: number, naar: string, reden = 'minister verhinderd') => cmd({ type: 'VerplaatsBestuurlijkOverleg', data: { voorkomen, naar, reden } });
const verplaatst = (voorkomen: number, van: string, naar: string): ProgrammaEvent => ({
  type: 'BestuurlijkOverlegVerplaatst',
  data: { programmaId: 'TAZ', voorkomen, van, naar, reden: 'minister verhinderd', verplaatstOp: NU },
});
const afgelast: ProgrammaEvent = { type: 'BestuurlijkOverlegAfgelast', data: { programmaId: 'TAZ', voorkomen: 2, datum: '2023-03-31', reden: 'geen agenda', afgelastOp: NU } };

describe('Het Bestuurlijk Overleg volgens zijn regel', () => {
  it('legt de regel vast zoals geschreven, met de lezing ervan', () => given([taz]).when(legRegelVast()).then([regelVastgelegd]));

  it('geeft één overleg per kwartaal, elk op de laatste werkdag van het kwartaal', () => {
    const state = toestand([taz, regelVastgelegd]);
    expect(state.overlegVoorkomens).toHaveLength(13);
    // 31 December 2022 is a Saturday; 31 March 2023 a Friday.
    expect(state.overlegVoorkomens.slice(0, 2)).toEqual([
      { nummer: 1, start: '2022-10-01', end: '2022-12-31', volgensRegel: '2022-12-30', datum: '2022-12-30', status: 'gepland', reden: null },
      { nummer: 2, start: '2023-01-01', end: '2023-03-31', volgensRegel: '2023-03-31', datum: '2023-03-31', status: 'gepland', reden: null },
    ]);
    expect(state.bestuurlijkOverleggen.at(-1)).toBe('2025-12-31');
  });

  it('schrijft niets als dezelfde regel nog eens komt (een tweede import)', () => given([taz, regelVastgelegd]).when(legRegelVast()).thenNothingHappens());

  it('een nieuwe regel vervangt de oude, en met haar de verplaatsingen', () => {
    const ander = 'eens per kwartaal in 2023';
    const events = [taz, regelVastgelegd, verplaatst(1, '2022-12-30', '2022-12-15'), ...programmaDecider.decide(legRegelVast(ander), toestand([taz, regelVastgelegd]))];
    const state = toestand(events);
    expect(state.bestuurlijkOverlegRegel?.phrase).toBe(ander);
    expect(state.bestuurlijkOverleggen).toEqual(['2023-03-31', '2023-06-30', '2023-09-29', '2023-12-29']);
  });

  it('weigert een zin die geen herhaling is, en noemt het veld', () =>
    given([taz]).when(legRegelVast('uiterlijk Q2 2023')).thenThrows(ValidationError, veld('phrase')));
  it('weigert een herhaling zonder einde: die geeft geen lijst van overleggen', () =>
    given([taz]).when(legRegelVast('eens per kwartaal')).thenThrows(ValidationError, veld('phrase')));
});

describe('Eén overleg verplaatsen', () => {
  it('legt de verplaatsing vast met de dag die het had en de reden', () =>
    given([taz, regelVastgelegd]).when(verplaats(2, '2023-03-16')).then([verplaatst(2, '2023-03-31', '2023-03-16')]));

  it('verplaatst alleen dat overleg; de andere houden hun dag', () => {
    const state = toestand([taz, regelVastgelegd, verplaatst(2, '2023-03-31', '2023-03-16')]);
    expect(state.overlegVoorkomens[1]).toMatchObject({ nummer: 2, volgensRegel: '2023-03-31', datum: '2023-03-16', status: 'verplaatst', reden: 'minister verhinderd' });
    expect(state.bestuurlijkOverleggen.slice(0, 3)).toEqual(['2022-12-30', '2023-03-16', '2023-06-30']);
  });

  it('schrijft niets als het overleg al op die dag staat', () => given([taz, regelVastgelegd]).when(verplaats(2, '2023-03-31')).thenNothingHappens());
  it('weigert een voorkomen dat de regel niet heeft, en noemt het veld', () =>
    given([taz, regelVastgelegd]).when(verplaats(14, '2026-01-15')).thenThrows(ValidationError, veld('voorkomen')));
  it('weigert zonder regel', () => given([taz]).when(verplaats(1, '2022-12-15')).thenThrows(ValidationError, veld('voorkomen')));
  it('weigert een dag die niet bestaat', () => given([taz, regelVastgelegd]).when(verplaats(2, '2023-02-30')).thenThrows(ValidationError, veld('naar')));
  it('weigert zonder reden', () => given([taz, regelVastgelegd]).when(verplaats(2, '2023-03-16', ' ')).thenThrows(ValidationError, veld('reden')));
  it('weigert een dag waarop al een overleg is', () => given([taz, regelVastgelegd]).when(verplaats(2, '2023-06-30')).thenThrows(IllegalStateError));
  it('weigert een afgelast overleg', () => given([taz, regelVastgelegd, afgelast]).when(verplaats(2, '2023-03-16')).thenThrows(IllegalStateError));
});

describe('Eén overleg afgelasten', () => {
  const zegAf = cmd({ type: 'ZegBestuurlijkOverlegAf', data: { voorkomen: 2, reden: 'geen agenda' } });
  it('legt vast welk overleg niet doorgaat', () => given([taz, regelVastgelegd]).when(zegAf).then([afgelast]));
  it('een afgelast overleg telt niet meer als overleg', () => {
    const state = toestand([taz, regelVastgelegd, afgelast]);
    expect(state.overlegVoorkomens[1].status).toBe('afgelast');
    expect(state.bestuurlijkOverleggen).not.toContain('2023-03-31');
  });
  it('schrijft niets als het al afgelast is', () => given([taz, regelVastgelegd, afgelast]).when(zegAf).thenNothingHappens());
});

describe('Een los overleg naast de regel (PlanBestuurlijkOverleg)', () => {
  const gepland: ProgrammaEvent = { type: 'BestuurlijkOverlegGepland', data: { programmaId: 'TAZ', datum: '2023-02-14', geplandOp: NU } };
  it('telt mee naast de overleggen van de regel', () => {
    expect(toestand([taz, gepland, regelVastgelegd]).bestuurlijkOverleggen.slice(0, 3)).toEqual(['2022-12-30', '2023-02-14', '2023-03-31']);
  });
  it('weigert een los overleg op de dag van een overleg van de regel', () =>
    given([taz, regelVastgelegd]).when(cmd({ type: 'PlanBestuurlijkOverleg', data: { datum: '2023-03-31' } })).thenThrows(IllegalStateError));
});

describe('Een programmadocument van vóór de regel (een leesmodel)', () => {
  it('houdt zijn losse overleggen als er een regel bij komt', () => {
    const { bestuurlijkOverlegRegel: _r, overlegVoorkomens: _v, overlegWijzigingen: _w, losseOverleggen: _l, ...oud } = { ...toestand([taz]), bestuurlijkOverleggen: ['2023-02-14'] };
    const na = programmaDecider.evolve(oud as unknown as ReturnType<typeof toestand>, regelVastgelegd);
    expect(na.status === 'vastgelegd' && na.bestuurlijkOverleggen.slice(0, 3)).toEqual(['2022-12-30', '2023-02-14', '2023-03-31']);
  });
});

describe('De herinneringsladder agendeert op het eerstvolgende overleg van de regel', () => {
  // Due 31 January 2023: 30 days later is 2 March, so the first meeting on or after it is Q1's.
  const overlegVan = (events: ProgrammaEvent[]) =>
    berekenLadder('2023-01-31', STANDAARD_BELEID, toestand(events).bestuurlijkOverleggen).find((t) => t.trede === 'bestuurlijk-overleg')?.overlegDatum;
  it('zonder regel en zonder los overleg is er geen trede', () => expect(overlegVan([taz])).toBeUndefined());
  it('met de regel: het overleg van het kwartaal', () => expect(overlegVan([taz, regelVastgelegd])).toBe('2023-03-31'));
  it('verplaatst: de nieuwe dag', () => expect(overlegVan([taz, regelVastgelegd, verplaatst(2, '2023-03-31', '2023-03-16')])).toBe('2023-03-16'));
  it('afgelast: het overleg daarna', () => expect(overlegVan([taz, regelVastgelegd, afgelast])).toBe('2023-06-30'));
});
