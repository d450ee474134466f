import { randomUUID } from 'node:crypto';
import { InvalidTransactionError, UnavailableError, UnknownError } from '@eventstore/db-client';
import { ConcurrencyError, EventStoreUsageError, StoreUnavailableError } from '../errors';
import type { EventToAppend, RecordedEvent } from '../port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEventStoreDbClient } from './testing/fake-eventstoredb-client';

const event = (type = 'Getest', data: object = {}, metadata: Record<string, unknown> = {}): EventToAppend => ({ id: randomUUID(), type, data, metadata });

/** The fake writes every event 150 bytes after the previous one; global position = commit * 4096. */
const globalPosition = (commit: bigint): number => Number(commit) * 4096;

const setup = () => {
  const fake = new FakeEventStoreDbClient();
  return { fake, store: new EventStoreDbEventStore(fake.asClient()) };
};

const rejectionOf = async (work: Promise<unknown>): Promise<unknown> => {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
};

describe('EventStoreDB adapter without a server', () => {
  describe('appendToStream', () => {
    it('sends our ids, types, data and metadata as JSON events with the expected revision', async () => {
      const { fake, store } = setup();
      const first = event('AfspraakVastgelegd', { afspraakId: 'TAZ-A09' }, { actor: 'coord-1' });
      await store.appendToStream('afspraak-TAZ-A09', [first], { expectedRevision: 'no_stream' });
      await store.appendToStream('afspraak-TAZ-A09', [event()], { expectedRevision: 0 });
      await store.appendToStream('afspraak-TAZ-A09', [event()], { expectedRevision: 'stream_exists' });
      await store.appendToStream('afspraak-TAZ-A09', [event()], { expectedRevision: 'any' });

      expect(fake.appendCalls.map((call) => call.expectedRevision)).toEqual(['no_stream', 0n, 'stream_exists', 'any']);
      expect(fake.appendCalls[0].events).toEqual([
        { id: first.id, contentType: 'application/json', type: 'AfspraakVastgelegd', data: { afspraakId: 'TAZ-A09' }, metadata: { actor: 'coord-1' } },
      ]);
    });

    it('returns the revision as a number and the last event’s commit position as the global position', async () => {
      const { fake, store } = setup();
      const result = await store.appendToStream('s', [event(), event(), event()], { expectedRevision: 'no_stream' });
      const last = fake.log[2];
      expect(result).toEqual({ nextExpectedRevision: 2, position: globalPosition(last.position.commit) });
      const read = await store.readStream('s');
      expect(result.position).toBe(read[2].position);
    });

    it('finds the position itself when the server answers an idempotent re-append without one', async () => {
      const { fake, store } = setup();
      const batch = [event('A'), event('B')];
      const first = await store.appendToStream('s', batch, { expectedRevision: 'no_stream' });
      fake.appendPosition = () => undefined;
      expect(await store.appendToStream('s', batch, { expectedRevision: 'no_stream' })).toEqual(first);
      fake.appendPosition = () => ({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n });
      expect(await store.appendToStream('s', batch, { expectedRevision: 'no_stream' })).toEqual(first);
      expect(fake.log).toHaveLength(2);
    });

    it('turns WrongExpectedVersionError into ConcurrencyError with the revision the server reports', async () => {
      const { store } = setup();
      await store.appendToStream('s', [event(), event()], { expectedRevision: 'no_stream' });
      const stale = await rejectionOf(store.appendToStream('s', [event()], { expectedRevision: 0 }));
      expect(stale).toBeInstanceOf(ConcurrencyError);
      expect(stale).toMatchObject({ streamId: 's', expected: 0, actual: 1 });
      const missing = await rejectionOf(store.appendToStream('nieuw', [event()], { expectedRevision: 'stream_exists' }));
      expect(missing).toMatchObject({ streamId: 'nieuw', expected: 'stream_exists', actual: -1 });
    });

    it('turns a batch that partly repeats earlier events into ConcurrencyError (batch append: an UnknownError without details)', async () => {
      const { fake, store } = setup();
      const a = event('A');
      await store.appendToStream('s', [a], { expectedRevision: 'no_stream' });
      fake.appendFailures.push(new UnknownError());
      const error = await rejectionOf(store.appendToStream('s', [a, event('Nieuw')], { expectedRevision: 'no_stream' }));
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ actual: 0 });
    });

    it('turns InvalidTransactionError (the single append call) into ConcurrencyError', async () => {
      const { fake, store } = setup();
      await store.appendToStream('s', [event()], { expectedRevision: 'no_stream' });
      fake.appendFailures.push(new InvalidTransactionError());
      await expect(store.appendToStream('s', [event()], { expectedRevision: 'any' })).rejects.toMatchObject({ name: 'ConcurrencyError', actual: 0 });
    });

    it('leaves an UnknownError alone when none of the events is in the stream', async () => {
      const { fake, store } = setup();
      const unknown = new UnknownError();
      fake.appendFailures.push(unknown);
      expect(await rejectionOf(store.appendToStream('s', [event()], { expectedRevision: 'any' }))).toBe(unknown);
    });

    it('turns an unreachable server into StoreUnavailableError', async () => {
      const { fake, store } = setup();
      fake.appendFailures.push(new UnavailableError(undefined, 'connect ECONNREFUSED 127.0.0.1:2113'));
      const error = await rejectionOf(store.appendToStream('s', [event()], { expectedRevision: 'any' }));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/ECONNREFUSED/);
    });

    it.each([
      ['no events', 's', []],
      ['too many events', 's', Array.from({ length: 4097 }, () => event())],
      ['an id that is no UUID', 's', [{ ...event(), id: 'event-1' }]],
      ['a system stream', '$ce-afspraak', [event()]],
      ['an empty stream name', '', [event()]],
    ])('refuses %s before calling the server', async (_, streamId, events) => {
      const { fake, store } = setup();
      await expect(store.appendToStream(streamId, events, { expectedRevision: 'any' })).rejects.toBeInstanceOf(EventStoreUsageError);
      await expect(store.appendToStream('s', [event()], { expectedRevision: -1 })).rejects.toBeInstanceOf(EventStoreUsageError);
      expect(fake.appendCalls).toHaveLength(0);
    });
  });

  describe('readStream', () => {
    it('reads an unknown stream (StreamNotFound) as empty', async () => {
      const { store } = setup();
      expect(await store.readStream('bestaat-niet')).toEqual([]);
    });

    it('maps revisions, $all positions, metadata and creation time, from a revision and at most maxCount', async () => {
      const { fake, store } = setup();
      await store.appendToStream('s', [event('A', { n: 1 }, { actor: 'x' }), event('B'), event('C'), event('D')], { expectedRevision: 'no_stream' });
      const page = await store.readStream('s', { fromRevision: 1, maxCount: 2 });
      expect(page.map((e) => [e.type, e.revision, e.position])).toEqual([
        ['B', 1, globalPosition(fake.log[1].position.commit)],
        ['C', 2, globalPosition(fake.log[2].position.commit)],
      ]);
      const [a] = await store.readStream('s', { maxCount: 1 });
      expect(a).toMatchObject({ data: { n: 1 }, metadata: { actor: 'x' }, createdAt: '2026-03-01T09:15:00.000Z' });
      expect(await store.readStream('s', { maxCount: 0 })).toEqual([]);
    });

    it('skips links a projection put in the stream', async () => {
      const { fake, store } = setup();
      await store.appendToStream('s', [event('A')], { expectedRevision: 'no_stream' });
      fake.write('s', '$>', '0@elders');
      expect((await store.readStream('s')).map((e) => e.type)).toEqual(['A']);
    });
  });

  describe('readAll', () => {
    const withSystemNoise = async () => {
      const { fake, store } = setup();
      fake.write('$stats-127.0.0.1:2113', '$statsCollected');
      await store.appendToStream('a', [event('A0')], { expectedRevision: 'no_stream' });
      for (let i = 0; i < 70; i++) fake.write('$ce-a', '$>', `${i}@a`);
      fake.write('$projections-$all', 'ProjectionUpdated');
      await store.appendToStream('b', [event('B0'), event('B1')], { expectedRevision: 'no_stream' });
      fake.write('$settings', '$settings');
      await store.appendToStream('a', [event('A1')], { expectedRevision: 0 });
      return { fake, store };
    };

    it('shows user events only, in order, with strictly increasing positions', async () => {
      const { store } = await withSystemNoise();
      const all = await store.readAll();
      expect(all.map((e) => e.type)).toEqual(['A0', 'B0', 'B1', 'A1']);
      const positions = all.map((e) => e.position);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      expect(new Set(positions).size).toBe(4);
    });

    it('keeps reading while system events thin the page out, and pages from a checkpoint without losing or repeating', async () => {
      const { fake, store } = await withSystemNoise();
      const seen: RecordedEvent[] = [];
      let after: number | undefined;
      for (;;) {
        const page = await store.readAll({ after, maxCount: 1 });
        if (page.length === 0) break;
        expect(page).toHaveLength(1);
        seen.push(...page);
        after = page[0].position;
      }
      expect(seen.map((e) => e.type)).toEqual(['A0', 'B0', 'B1', 'A1']);
      // The first read of a page starts at (commit, prepare 0) of the checkpoint: $all is read inclusively.
      expect(fake.readAllCalls.at(-1)?.fromPosition).toEqual({ commit: fake.log.at(-1)!.position.commit, prepare: 0n });
      expect(fake.readAllCalls[0].fromPosition).toBe('start');
    });

    it('reads from a checkpoint minus one including the event at the checkpoint', async () => {
      const { store } = await withSystemNoise();
      const [, b0] = await store.readAll();
      expect((await store.readAll({ after: b0.position - 1, maxCount: 2 })).map((e) => e.type)).toEqual(['B0', 'B1']);
    });

    it('reports the head as the last user event, past trailing system events, and -1 when there is none', async () => {
      const { fake, store } = await withSystemNoise();
      for (let i = 0; i < 250; i++) fake.write('$ce-a', '$>', `${i}@a`);
      const all = await store.readAll();
      expect(await store.headPosition()).toBe(all.at(-1)!.position);
      const empty = setup();
      empty.fake.write('$settings', '$settings');
      expect(await empty.store.headPosition()).toBe(-1);
    });

    it('refuses a checkpoint that is no position', async () => {
      const { store } = setup();
      await expect(store.readAll({ after: -2 })).rejects.toBeInstanceOf(EventStoreUsageError);
      await expect(store.readAll({ after: 1.5 })).rejects.toBeInstanceOf(EventStoreUsageError);
    });
  });

  describe('subscribeToAll', () => {
    const waitFor = async (condition: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
      if (!condition()) throw new Error('condition not reached');
    };

    it('catches up by reading $all, then hands over to a live subscription at the last event read, delivering each event once', async () => {
      const { fake, store } = setup();
      await store.appendToStream('s', [event('Oud')], { expectedRevision: 'no_stream' });
      const [oud] = await store.readAll();
      await store.appendToStream('s', [event('Gemist1'), event('Gemist2')], { expectedRevision: 0 });
      fake.write('$ce-s', '$>', '2@s');

      const controller = new AbortController();
      const received: string[] = [];
      const consuming = (async () => {
        for await (const e of store.subscribeToAll({ after: oud.position, signal: controller.signal, batchSize: 2 })) received.push(e.type);
      })();
      await waitFor(() => fake.subscriptions.length === 1);
      const live = fake.subscriptions[0];
      const lastRead = fake.log.at(-1)!;
      expect(live.options.fromPosition).toEqual(lastRead.position);
      expect(live.options.filter).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
      expect(received).toEqual(['Gemist1', 'Gemist2']);

      // The server may repeat the event at its start position; appends after it arrive live.
      live.push_(fake.log[2]);
      live.push_(lastRead);
      const [live1, live2] = [fake.write('s', 'Live1'), fake.write('s', 'Live2')];
      live.push_(live1);
      live.push_(live2);
      await waitFor(() => received.length === 4);
      controller.abort();
      await consuming;

      expect(received).toEqual(['Gemist1', 'Gemist2', 'Live1', 'Live2']);
      expect(live.unsubscribed).toBe(true);
      expect(live.destroyed).toBe(true);
    });

    it('subscribes from the start when the store is empty and no checkpoint is given', async () => {
      const { fake, store } = setup();
      const controller = new AbortController();
      const consuming = (async () => {
        for await (const _ of store.subscribeToAll({ signal: controller.signal })) void _;
      })();
      await waitFor(() => fake.subscriptions.length === 1);
      expect(fake.subscriptions[0].options.fromPosition).toBe('start');
      controller.abort();
      await consuming;
    });

    it('delivers nothing and does not subscribe once the signal has aborted', async () => {
      const { fake, store } = setup();
      await store.appendToStream('s', [event()], { expectedRevision: 'no_stream' });
      const received: RecordedEvent[] = [];
      for await (const e of store.subscribeToAll({ signal: AbortSignal.abort() })) received.push(e);
      expect(received).toEqual([]);
      expect(fake.subscriptions).toHaveLength(0);
    });

    it('ends with StoreUnavailableError when the live subscription drops', async () => {
      const { fake, store } = setup();
      const consuming = (async () => {
        for await (const _ of store.subscribeToAll()) void _;
      })();
      const settled = consuming.catch((error: unknown) => error);
      await waitFor(() => fake.subscriptions.length === 1);
      fake.subscriptions[0].destroy(new UnavailableError(undefined, 'connection reset'));
      expect(await settled).toBeInstanceOf(StoreUnavailableError);
      expect(fake.subscriptions[0].unsubscribed).toBe(true);
    });
  });

  it('disposes the client on close', async () => {
    const { fake, store } = setup();
    await store.close();
    expect(fake.disposed).toBe(true);
  });
});
