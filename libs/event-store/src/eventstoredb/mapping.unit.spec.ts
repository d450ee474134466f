import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { EventStoreUsageError } from '../errors';
import { isSystemEventType, isSystemStream, toAppendExpectedRevision, toEventData, toRecordedEvent } from './mapping';

const esdbEvent = (overrides: Partial<EsdbRecordedEvent> = {}): EsdbRecordedEvent =>
  ({
    id: '0b6e3c1e-5f0a-4f39-9a53-4a1c2f0d9e11',
    streamId: 'afspraak-TAZ-A09',
    type: 'AfspraakVastgelegd',
    revision: 3n,
    isJson: true,
    created: new Date('2026-03-01T09:15:00.123Z'),
    data: { afspraakId: 'TAZ-A09' },
    metadata: { actor: 'coord-1' },
    position: { commit: 1200n, prepare: 1200n },
    ...overrides,
  }) as EsdbRecordedEvent;

describe('our events as the client’s', () => {
  it('sends our id, type, data and metadata as a JSON event', () => {
    const data = { afspraakId: 'TAZ-A09', titel: 'Zorg & welzijn – ‘Q2’' };
    const metadata = { actor: 'coord-1', correlationId: 'c-1', hash: 'abc' };
    const eventData = toEventData({ id: '0b6e3c1e-5f0a-4f39-9a53-4a1c2f0d9e11', type: 'AfspraakVastgelegd', data, metadata });
    expect(eventData).toEqual({
      id: '0b6e3c1e-5f0a-4f39-9a53-4a1c2f0d9e11',
      contentType: 'application/json',
      type: 'AfspraakVastgelegd',
      data,
      metadata,
    });
  });

  it('sends empty metadata as an empty object, not as no metadata', () => {
    expect(toEventData({ id: '0b6e3c1e-5f0a-4f39-9a53-4a1c2f0d9e11', type: 'X', data: {}, metadata: {} }).metadata).toEqual({});
  });

  it.each([
    ['any', 'any'],
    ['no_stream', 'no_stream'],
    ['stream_exists', 'stream_exists'],
    [0, 0n],
    [41, 41n],
  ] as const)('maps expected revision %p to %p', (ours, theirs) => {
    expect(toAppendExpectedRevision(ours)).toBe(theirs);
  });

  it.each([-1, -2, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses expected revision %p, which the server would read as a keyword or not at all', (bad) => {
    expect(() => toAppendExpectedRevision(bad)).toThrow(EventStoreUsageError);
  });
});

describe('the client’s recorded events as ours', () => {
  it('turns the bigint revision into a number, the creation date into ISO and keeps data and metadata', () => {
    expect(toRecordedEvent(esdbEvent(), 1200 * 4096)).toEqual({
      id: '0b6e3c1e-5f0a-4f39-9a53-4a1c2f0d9e11',
      streamId: 'afspraak-TAZ-A09',
      revision: 3,
      position: 1200 * 4096,
      type: 'AfspraakVastgelegd',
      data: { afspraakId: 'TAZ-A09' },
      metadata: { actor: 'coord-1' },
      createdAt: '2026-03-01T09:15:00.123Z',
    });
  });

  it.each([
    ['missing', undefined],
    ['binary', new Uint8Array([1, 2, 3])],
    ['an array', [1, 2]],
    ['a string', 'tekst'],
    ['null', null],
  ])('reads metadata that is %s as {}', (_, metadata) => {
    expect(toRecordedEvent(esdbEvent({ metadata } as Partial<EsdbRecordedEvent>), 0).metadata).toEqual({});
  });

  it('refuses an event whose data is no JSON object rather than handing out a string', () => {
    expect(() => toRecordedEvent(esdbEvent({ data: 'geen json' } as Partial<EsdbRecordedEvent>), 0)).toThrow(/geen JSON-object/);
  });
});

describe('system events', () => {
  it('knows system event types and system streams by their $', () => {
    expect(['$>', '$metadata', '$statsCollected', ''].map(isSystemEventType)).toEqual([true, true, true, true]);
    expect(isSystemEventType('AfspraakVastgelegd')).toBe(false);
    expect(isSystemStream('$ce-afspraak')).toBe(true);
    expect(isSystemStream('afspraak-$1')).toBe(false);
  });
});
