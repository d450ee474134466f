import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import type { Actor } from '../shared/event';
import { DeciderSpecification } from '../testing/decider-specification';
import { NU } from '../testing/voorbeelden';
import { indicatorDecider, type IndicatorCommand, type IndicatorEvent } from './indicator';

const given = DeciderSpecification.for(indicatorDecider);
const coordinator: Actor = { id: 'coord', rol: 'coordinator' };
const coordinatorAnder: Actor = { id: 'coord-ander', rol: 'coordinator', programmaId: 'ANDER' };
const partij: Actor = { id: 'vws-1', rol: 'partij', partijId: 'vws' };

const doel = { waarde: 100, peiljaar: 2025, omschrijving: 'instroom tussen nu en 2025 verhoogd tot het geadviseerde niveau' };
const legVast = (data: Partial<Extract<IndicatorCommand, { type: 'LegIndicatorVast' }>['data']> = {}, actor = coordinator): IndicatorCommand => ({
  type: 'LegIndicatorVast',
  data: { indicatorId: 'TAZ-I02', programmaId: 'TAZ', naam: 'Instroom opleidingen tekortberoepen', eenheid: '% van het advies', doel, afspraakIds: ['TAZ-A11'], ...data },
  metadata: { now: NU, actor },
});
const meet = (waarde: number, peildatum: string, bron = 'AZW 2023', actor = coordinator): IndicatorCommand => ({
  type: 'RegistreerMeting',
  data: { waarde, peildatum, bron },
  metadata: { now: NU, actor },
});

const vastgelegd: IndicatorEvent = {
  type: 'IndicatorVastgelegd',
  data: { indicatorId: 'TAZ-I02', programmaId: 'TAZ', naam: 'Instroom opleidingen tekortberoepen', eenheid: '% van het advies', doel, afspraakIds: ['TAZ-A11'], vastgelegdOp: NU },
};
const gemeten: IndicatorEvent = {
  type: 'MetingGeregistreerd',
  data: { indicatorId: 'TAZ-I02', programmaId: 'TAZ', waarde: 82, peildatum: '2023', bron: 'AZW 2023', geregistreerdOp: NU },
};

describe('Een indicator vastleggen', () => {
  it('legt naam, eenheid, doel en de afspraken vast waar hij bij hoort', () => given([]).when(legVast()).then([vastgelegd]));
  it('mag zonder doel, als het programma geen getal noemt', () =>
    given([]).when(legVast({ doel: null })).then([{ ...vastgelegd, data: { ...vastgelegd.data, doel: null } } as IndicatorEvent]));
  it('weigert een tweede keer', () => given([vastgelegd]).when(legVast()).thenThrows(IllegalStateError));
  it('weigert een peiljaar dat geen jaartal is', () =>
    given([]).when(legVast({ doel: { ...doel, peiljaar: 25 } })).thenThrows(ValidationError, (e) => expect((e as ValidationError).field).toBe('doel.peiljaar')));
  it('weigert een afspraak die twee keer genoemd wordt', () => given([]).when(legVast({ afspraakIds: ['TAZ-A11', 'TAZ-A11'] })).thenThrows(ValidationError));
  it('is alleen voor coördinatoren', () => given([]).when(legVast({}, partij)).thenThrows(ForbiddenError));
  it('niet voor een coördinator van een ander programma', () => given([]).when(legVast({}, coordinatorAnder)).thenThrows(ForbiddenError));
});

describe('Een meting registreren', () => {
  it('legt waarde, peildatum en bron vast', () => given([vastgelegd]).when(meet(82, '2023')).then([gemeten]));
  it('leest een peildatum zo precies als de bron hem geeft', () => given([vastgelegd]).when(meet(82, '2023-09')).thenEmits(['MetingGeregistreerd']));
  it('schrijft niets als dezelfde meting nog eens komt', () => given([vastgelegd, gemeten]).when(meet(82, '2023')).thenNothingHappens());
  it('weigert een ander getal voor dezelfde peildatum en bron', () => given([vastgelegd, gemeten]).when(meet(90, '2023')).thenThrows(IllegalStateError));
  it('neemt een ander getal uit een andere bron aan', () => given([vastgelegd, gemeten]).when(meet(90, '2023', 'regiomonitor')).thenEmits(['MetingGeregistreerd']));
  it('weigert een onmogelijke peildatum', () =>
    given([vastgelegd]).when(meet(1, '2023-13')).thenThrows(ValidationError, (e) => expect((e as ValidationError).field).toBe('peildatum')));
  it('weigert een meting zonder bron', () => given([vastgelegd]).when(meet(1, '2023', '  ')).thenThrows(ValidationError));
  it('weigert een meting voor een onbekende indicator', () => given([]).when(meet(1, '2023')).thenThrows(NotFoundError));
  it('kent de indicator niet als de vraag een ander programma noemt (een route)', () =>
    given([vastgelegd]).when({ ...meet(1, '2023'), data: { waarde: 1, peildatum: '2023', bron: 'x', programmaId: 'WIDZ' } } as IndicatorCommand).thenThrows(NotFoundError));
  it('en schrijft de meting wel als het eigen programma genoemd wordt', () =>
    given([vastgelegd]).when({ ...meet(82, '2023'), data: { waarde: 82, peildatum: '2023', bron: 'AZW 2023', programmaId: 'TAZ' } } as IndicatorCommand).then([gemeten]));
  it('weigert een meting door een coördinator van een ander programma', () =>
    given([vastgelegd]).when(meet(1, '2023', 'x', coordinatorAnder)).thenThrows(ForbiddenError));
  it('houdt de metingen op volgorde van peildatum', () => {
    const later = { ...gemeten, data: { ...gemeten.data, peildatum: '2024', waarde: 90 } } as IndicatorEvent;
    const eerder = { ...gemeten, data: { ...gemeten.data, peildatum: '2022-06', waarde: 70 } } as IndicatorEvent;
    const state = [vastgelegd, later, eerder].reduce(indicatorDecider.evolve, indicatorDecider.initialState);
    expect(state.status === 'vastgelegd' && state.metingen.map((m) => m.peildatum)).toEqual(['2022-06', '2024']);
  });
});
