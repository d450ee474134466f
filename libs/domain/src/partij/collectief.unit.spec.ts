import { ValidationError } from '../shared/errors';
import type { Actor } from '../shared/event';
import { fold } from '../shared/event';
import { DeciderSpecification } from '../testing/decider-specification';
import { ontvangendePartijen } from '../herinneringen/ontvangers';
import { partijDecider, type LegPartijVast, type Partij, type PartijCommand, type PartijEvent } from './partij';

const NU = '2023-03-01T09:00:00.000Z';
const coordinator: Actor = { id: 'coord-1', rol: 'coordinator' };
const given = DeciderSpecification.for(partijDecider);
const legVast = (data: Partial<LegPartijVast['data']>): PartijCommand => ({
  type: 'LegPartijVast',
  data: { partijId: 'overheid', naam: 'Overheid', soort: 'collectief', aliassen: [], ...data },
  metadata: { now: NU, actor: coordinator },
});
const veld = (naam: string) => (e: Error) => expect((e as ValidationError).field).toBe(naam);

describe('Een collectief ("overheid", "sociale partners")', () => {
  it('wordt vastgelegd met zijn leden', () =>
    given([]).when(legVast({ leden: ['vws', 'szw'] })).then([
      { type: 'PartijVastgelegd', data: { partijId: 'overheid', naam: 'Overheid', soort: 'collectief', aliassen: [], leden: ['vws', 'szw'], vastgelegdOp: NU } },
    ]));

  it('een gewone partij heeft geen leden, ook niet als haar event van vóór het veld is', () => {
    const oud: PartijEvent = { type: 'PartijVastgelegd', data: { partijId: 'vws', naam: 'VWS', soort: 'ministerie', aliassen: [], vastgelegdOp: NU } };
    expect(fold(partijDecider.evolve, partijDecider.initialState, [oud])).toMatchObject({ leden: [] });
  });

  it('weigert een collectief zonder leden, met dubbele leden of met zichzelf als lid', () => {
    given([]).when(legVast({})).thenThrows(ValidationError, veld('leden'));
    given([]).when(legVast({ leden: ['vws', 'vws'] })).thenThrows(ValidationError, veld('leden'));
    given([]).when(legVast({ leden: ['overheid'] })).thenThrows(ValidationError, veld('leden'));
  });

  it('weigert leden bij een partij die geen collectief is', () =>
    given([]).when(legVast({ partijId: 'vws', soort: 'ministerie', leden: ['szw'] })).thenThrows(ValidationError, veld('leden')));
});

describe('Wie een herinnering krijgt', () => {
  const partij = (partijId: string, leden: string[] = []): [string, Partij] => [
    partijId,
    { status: 'vastgelegd', partijId, naam: partijId, soort: leden.length ? 'collectief' : 'ministerie', aliassen: [], leden, contacten: [] },
  ];
  const partijen = new Map([partij('overheid', ['vws', 'szw']), partij('vws'), partij('szw'), partij('bond'), partij('sociale-partners', ['bond', 'overheid'])]);

  it('een collectief wordt vervangen door zijn leden, in de volgorde van de tekst', () =>
    expect(ontvangendePartijen(['overheid', 'bond'], partijen)).toEqual(['vws', 'szw', 'bond']));

  it('elke partij één keer, ook als zij zelf en via een collectief genoemd is, en door geneste collectieven heen', () =>
    expect(ontvangendePartijen(['vws', 'sociale-partners'], partijen)).toEqual(['vws', 'bond', 'szw']));

  it('een onbekende partij blijft staan (haar inbox krijgt de herinnering)', () => expect(ontvangendePartijen(['nieuw'], partijen)).toEqual(['nieuw']));
});
