import type { Event } from './event';
import { upcast, upcasters, UnknownEventTypeError, UnsupportedSchemaVersionError, type StoredEvent } from './upcasting';

// A made-up event whose `prioriteit` was added in version 2 and renamed `urgentie` in version 3.
type Gemeld = Event<'Gemeld', { id: string; urgentie: 'hoog' | 'normaal' }>;
const tabel = upcasters<Gemeld>({
  Gemeld: {
    version: 3,
    steps: {
      1: (v1: { id: string }) => ({ ...v1, prioriteit: 'normaal' }),
      2: ({ prioriteit, ...rest }: { id: string; prioriteit: 'hoog' | 'normaal' }) => ({ ...rest, urgentie: prioriteit }),
    },
  },
});
const lees = (stored: StoredEvent) => upcast(tabel, stored.type, stored.metadata?.schemaVersion ?? 1, stored.data);

describe('Upcasten van opgeslagen events', () => {
  it('brengt versie 1 in stappen naar de huidige versie', () =>
    expect(lees({ type: 'Gemeld', data: { id: 'a' }, metadata: { schemaVersion: 1 } })).toEqual({ type: 'Gemeld', data: { id: 'a', urgentie: 'normaal' } }));

  it('begint bij de opgeslagen versie, niet bij 1', () =>
    expect(lees({ type: 'Gemeld', data: { id: 'a', prioriteit: 'hoog' }, metadata: { schemaVersion: 2 } }).data).toEqual({ id: 'a', urgentie: 'hoog' }));

  it('laat de huidige versie zoals ze is', () =>
    expect(lees({ type: 'Gemeld', data: { id: 'a', urgentie: 'hoog' }, metadata: { schemaVersion: 3 } }).data).toEqual({ id: 'a', urgentie: 'hoog' }));

  it('leest een event zonder schemaVersion als versie 1', () => expect(lees({ type: 'Gemeld', data: { id: 'a' }, metadata: {} }).data).toEqual({ id: 'a', urgentie: 'normaal' }));

  it('weigert een versie die nieuwer is dan deze code schrijft', () =>
    expect(() => lees({ type: 'Gemeld', data: { id: 'a' }, metadata: { schemaVersion: 4 } })).toThrow(UnsupportedSchemaVersionError));

  it.each([0, 1.5, '2', null])('weigert schemaVersion %p', (versie) =>
    expect(() => upcast(tabel, 'Gemeld', versie, { id: 'a' })).toThrow(UnsupportedSchemaVersionError));

  it('weigert een onbekend type, ook een naam van Object.prototype', () => {
    expect(() => lees({ type: 'Onbekend', data: {} })).toThrow(UnknownEventTypeError);
    expect(() => lees({ type: 'constructor', data: {} })).toThrow(UnknownEventTypeError);
  });

  it('weigert bij het laden een tabel waarin een stap ontbreekt', () =>
    expect(() => upcasters<Gemeld>({ Gemeld: { version: 3, steps: { 1: (d: object) => d } } })).toThrow(/van versie 2 naar 3/));
});
