import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '../errors';
import type { EventStore, EventToAppend, RecordedEvent } from '../port';

/**
 * One behaviour for every adapter. Each adapter's spec calls this with a way to open a store;
 * tests use their own stream ids, so a shared store (EventStoreDB) works too.
 */
export interface ConformanceTarget {
  open(): Promise<EventStore>;
  close(store: EventStore): Promise<void>;
}

const event = (type = 'Getest', data: object = {}, metadata: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata,
});

const eventually = async <T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** Every event of the given streams that `readAll` shows, paging from the start. */
const readAllOf = async (store: EventStore, streams: string[], after?: number): Promise<RecordedEvent[]> => {
  const found: RecordedEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await store.readAll({ after: cursor, maxCount: 500 });
    found.push(...page.filter((e) => streams.includes(e.streamId)));
    if (page.length < 500) return found;
    cursor = page[page.length - 1].position;
  }
};

const catchError = async (work: Promise<unknown>): Promise<unknown> => {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
};

export const describeEventStoreConformance = (name: string, target: ConformanceTarget): void => {
  describe(`EventStore conformance: ${name}`, () => {
    let store: EventStore;
    const stream = () => `conformance-${randomUUID()}`;

    beforeAll(async () => {
      store = await target.open();
    });
    afterAll(async () => {
      if (store) await target.close(store);
    });

    describe('appendToStream and readStream', () => {
      it('appends to a new stream and reads the events back in order, data and metadata intact', async () => {
        const s = stream();
        const data = { titel: 'Zorg & welzijn – ‘Q2’ 🚑', nested: { n: 1.5, list: [1, 'twee', null], vlag: true } };
        const result = await store.appendToStream(s, [event('Eerste', data, { actor: 'coord-1' }), event('Tweede')], { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(1);
        const read = await store.readStream(s);
        expect(read.map((e) => [e.type, e.revision, e.streamId])).toEqual([
          ['Eerste', 0, s],
          ['Tweede', 1, s],
        ]);
        expect(read[0].data).toEqual(data);
        expect(read[0].metadata).toMatchObject({ actor: 'coord-1' });
        expect(read[1].position).toBeGreaterThan(read[0].position);
        expect(result.position).toBe(read[1].position);
        expect(Number.isNaN(Date.parse(read[0].createdAt))).toBe(false);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(stream())).toEqual([]);
      });

      it('reads from a revision and at most maxCount events', async () => {
        const s = stream();
        await store.appendToStream(s, [event('A'), event('B'), event('C'), event('D')], { expectedRevision: 'no_stream' });
        const page = await store.readStream(s, { fromRevision: 1, maxCount: 2 });
        expect(page.map((e) => e.type)).toEqual(['B', 'C']);
      });

      it('refuses no_stream on an existing stream and reports the actual revision', async () => {
        const s = stream();
        await store.appendToStream(s, [event()], { expectedRevision: 'no_stream' });
        const error = await catchError(store.appendToStream(s, [event()], { expectedRevision: 'no_stream' }));
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: s, actual: 0 });
      });

      it('appends at the exact expected revision and refuses a stale or a future one', async () => {
        const s = stream();
        await store.appendToStream(s, [event(), event()], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(s, [event()], { expectedRevision: 1 })).resolves.toMatchObject({ nextExpectedRevision: 2 });
        await expect(store.appendToStream(s, [event()], { expectedRevision: 1 })).rejects.toMatchObject({ actual: 2 });
        await expect(store.appendToStream(s, [event()], { expectedRevision: 7 })).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(s)).toHaveLength(3);
      });

      it('knows stream_exists and any', async () => {
        const s = stream();
        await expect(store.appendToStream(s, [event()], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(store.appendToStream(s, [event()], { expectedRevision: 'any' })).resolves.toMatchObject({ nextExpectedRevision: 0 });
        await expect(store.appendToStream(s, [event()], { expectedRevision: 'stream_exists' })).resolves.toMatchObject({ nextExpectedRevision: 1 });
        await expect(store.appendToStream(s, [event()], { expectedRevision: 'any' })).resolves.toMatchObject({ nextExpectedRevision: 2 });
      });
    });

    describe('atomicity and concurrency', () => {
      it('appends many events atomically: a refused append writes none of them', async () => {
        const s = stream();
        await store.appendToStream(s, [event('A')], { expectedRevision: 'no_stream' });
        const batch = Array.from({ length: 50 }, (_, i) => event(`B${i}`));
        await expect(store.appendToStream(s, batch, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(s)).toHaveLength(1);
        await store.appendToStream(s, batch, { expectedRevision: 0 });
        const read = await store.readStream(s);
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 51 }, (_, i) => i));
      });

      it('lets exactly one of several concurrent writers at the same revision win', async () => {
        const s = stream();
        await store.appendToStream(s, [event()], { expectedRevision: 'no_stream' });
        const writers = Array.from({ length: 8 }, (_, i) => store.appendToStream(s, [event(`Writer${i}`), event(`Writer${i}b`)], { expectedRevision: 0 }));
        const results = await Promise.allSettled(writers);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(7);
        for (const l of lost) expect(l.reason).toBeInstanceOf(ConcurrencyError);
        const read = await store.readStream(s);
        expect(read).toHaveLength(3);
        expect(read[1].type.replace(/b$/, '')).toBe(read[2].type.replace(/b$/, ''));
      });

      it('lets concurrent `any` appends all land with gapless revisions', async () => {
        const s = stream();
        await Promise.all(Array.from({ length: 10 }, (_, i) => store.appendToStream(s, [event(`E${i}`)], { expectedRevision: 'any' })));
        const read = await store.readStream(s);
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 10 }, (_, i) => i));
        expect(new Set(read.map((e) => e.type)).size).toBe(10);
      });
    });

    describe('idempotency', () => {
      it('treats re-appending the same event ids as a no-op returning the first result', async () => {
        const s = stream();
        const batch = [event('A'), event('B')];
        const first = await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
        const again = await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
        expect(again).toEqual(first);
        const alsoAny = await store.appendToStream(s, batch, { expectedRevision: 'any' });
        expect(alsoAny.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('refuses a batch that only partly repeats earlier events', async () => {
        const s = stream();
        const a = event('A');
        await store.appendToStream(s, [a], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(s, [a, event('Nieuw')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(s)).toHaveLength(1);
      });
    });

    describe('readAll and the global position', () => {
      it('orders every event by a strictly increasing global position, in append order', async () => {
        const a = stream();
        const b = stream();
        await store.appendToStream(a, [event('A0')], { expectedRevision: 'no_stream' });
        await store.appendToStream(b, [event('B0'), event('B1')], { expectedRevision: 'no_stream' });
        await store.appendToStream(a, [event('A1')], { expectedRevision: 0 });
        const all = await eventually(() => readAllOf(store, [a, b]), (r) => r.length === 4);
        expect(all.map((e) => e.type)).toEqual(['A0', 'B0', 'B1', 'A1']);
        const positions = all.map((e) => e.position);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
        expect(new Set(positions).size).toBe(4);
      });

      it('reads from a checkpoint: only events after it', async () => {
        const s = stream();
        await store.appendToStream(s, [event('Voor')], { expectedRevision: 'no_stream' });
        const before = await eventually(() => readAllOf(store, [s]), (r) => r.length === 1);
        const checkpoint = before[0].position;
        await store.appendToStream(s, [event('Na1'), event('Na2')], { expectedRevision: 0 });
        const after = await eventually(() => readAllOf(store, [s], checkpoint), (r) => r.length === 2);
        expect(after.map((e) => e.type)).toEqual(['Na1', 'Na2']);
      });

      it('pages with maxCount without losing or repeating events', async () => {
        const s = stream();
        await store.appendToStream(s, Array.from({ length: 25 }, (_, i) => event(`P${i}`)), { expectedRevision: 'no_stream' });
        const first = await eventually(() => readAllOf(store, [s]), (r) => r.length === 25);
        const seen: RecordedEvent[] = [];
        let cursor = first[0].position - 1;
        while (seen.length < 25) {
          const page = await store.readAll({ after: cursor, maxCount: 7 });
          expect(page.length).toBeLessThanOrEqual(7);
          if (page.length === 0) break;
          seen.push(...page.filter((e) => e.streamId === s));
          cursor = page[page.length - 1].position;
        }
        expect(seen.map((e) => e.type)).toEqual(first.map((e) => e.type));
      });

      it('reports a head position at or beyond the last append', async () => {
        const s = stream();
        const { position } = await store.appendToStream(s, [event()], { expectedRevision: 'no_stream' });
        const head = await eventually(() => store.headPosition(), (h) => h >= position);
        expect(head).toBeGreaterThanOrEqual(position);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up from a checkpoint and then delivers live events, in order, until aborted', async () => {
        const s = stream();
        await store.appendToStream(s, [event('Oud')], { expectedRevision: 'no_stream' });
        const [oud] = await eventually(() => readAllOf(store, [s]), (r) => r.length === 1);
        await store.appendToStream(s, [event('Gemist1'), event('Gemist2')], { expectedRevision: 0 });

        const controller = new AbortController();
        const received: string[] = [];
        const consuming = (async () => {
          for await (const e of store.subscribeToAll({ after: oud.position, signal: controller.signal })) {
            if (e.streamId !== s) continue;
            received.push(e.type);
            if (received.length === 4) controller.abort();
          }
        })();
        await eventually(async () => received.length, (n) => n >= 2);
        await store.appendToStream(s, [event('Live1'), event('Live2')], { expectedRevision: 2 });
        const timeout = setTimeout(() => controller.abort(), 15_000);
        await consuming;
        clearTimeout(timeout);
        expect(received).toEqual(['Gemist1', 'Gemist2', 'Live1', 'Live2']);
      });
    });
  });
};
