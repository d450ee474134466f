import { WrongExpectedVersionError } from '@eventstore/db-client';
import type { Actor, Command, Decider, Event } from '@afspraken/domain';
import { ConcurrencyError } from '@afspraken/event-store';
import { EventStoreDbEventStore } from '@afspraken/event-store/eventstoredb/eventstoredb-event-store';
import { FakeEventStoreDbClient } from '@afspraken/event-store/eventstoredb/testing/fake-eventstoredb-client';
import { ManualClock } from './clock';
import { CommandExecutor, type CommandContext, type RetryPolicy } from './command-executor';
import { ContentionError, IdempotencyKeyConflictError } from './errors';

/*
 * The command path over the EventStoreDB adapter and its in-memory fake client, which keeps to the
 * server's rules (unique revisions, a re-append of the same ids at the same place is a no-op).
 * The PostgreSQL and embedded stores get the same races over HTTP in test/concurrent-writes.e2e.spec.ts.
 */
type Schrijf = Command<'Schrijf', { tekst: string }>;
type Geschreven = Event<'Geschreven', { tekst: string }>;
const logboek: Decider<Schrijf, Geschreven, number> = {
  decide: (command) => [{ type: 'Geschreven', data: { tekst: command.data.tekst } }],
  evolve: (count) => count + 1,
  initialState: 0,
  upcasters: { Geschreven: { version: 1 } },
};

const vws: Actor = { id: 'sleutel:vws', rol: 'partij', partijId: 'vws' };
const coordinator: Actor = { id: 'sleutel:coord', rol: 'coordinator' };
const STREAM = 'logboek-1';

const setup = (retry?: Partial<RetryPolicy>) => {
  const fake = new FakeEventStoreDbClient();
  const store = new EventStoreDbEventStore(fake.asClient());
  const executor = new CommandExecutor(store, new ManualClock('2023-03-01T09:00:00.000Z'), { retry });
  const schrijf = (tekst: string, context: Partial<CommandContext> = {}) =>
    executor.execute(logboek, STREAM, (metadata): Schrijf => ({ type: 'Schrijf', data: { tekst }, metadata }), {
      actor: vws,
      request: { tekst },
      ...context,
    });
  return { fake, store, schrijf };
};

const settle = <T>(work: Promise<T>[]) => Promise.allSettled(work);

describe('CommandExecutor', () => {
  describe('the same Idempotency-Key from N requests at once', () => {
    const N = 12;

    it('stores one event for N identical requests; one answer wrote it, the others are its replay', async () => {
      const { store, schrijf } = setup();
      await schrijf('eerste');
      const answers = await Promise.all(Array.from({ length: N }, () => schrijf('rapport', { idempotencyKey: 'k-1' })));
      const stored = (await store.readStream(STREAM)).slice(1);
      expect(stored.map((e) => e.data)).toEqual([{ tekst: 'rapport' }]);
      expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
      expect(answers.every((a) => a.revision === stored[0].revision && a.position === stored[0].position)).toBe(true);
    });

    it('stores one of N different bodies; every other request is refused with 422, none told it was stored', async () => {
      const { store, schrijf } = setup();
      await schrijf('eerste');
      const answers = await settle(Array.from({ length: N }, (_, i) => schrijf(`rapport ${i}`, { idempotencyKey: 'k-2' })));
      const stored = (await store.readStream(STREAM)).slice(1);
      expect(stored).toHaveLength(1);
      const ok = answers.flatMap((a, i) => (a.status === 'fulfilled' ? [i] : []));
      expect(ok.map((i) => ({ tekst: `rapport ${i}` }))).toEqual([stored[0].data]);
      const refused = answers.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason);
      expect(refused).toHaveLength(N - 1);
      expect(refused.every((e) => e instanceof IdempotencyKeyConflictError)).toBe(true);
    });

    it('stores the request of one of two actors with one body; the other actor gets 422, not the first one’s answer', async () => {
      const { store, schrijf } = setup();
      await schrijf('eerste');
      const answers = await settle(
        Array.from({ length: N }, (_, i) => schrijf('rapport', { idempotencyKey: 'k-3', actor: i % 2 ? coordinator : vws })),
      );
      const stored = (await store.readStream(STREAM)).slice(1);
      expect(stored).toHaveLength(1);
      const owner = stored[0].metadata.actor;
      answers.forEach((a, i) => {
        const actor = i % 2 ? coordinator : vws;
        if (actor.id === owner) expect(a.status).toBe('fulfilled');
        else expect(a.status === 'rejected' && a.reason instanceof IdempotencyKeyConflictError).toBe(true);
      });
    });

    it('with If-Match: a twin of the winner is its replay, a different body is 422, not 409', async () => {
      const { schrijf } = setup();
      const { revision } = await schrijf('eerste');
      const [a, b, c] = await settle([
        schrijf('rapport', { idempotencyKey: 'k-4', expectedRevision: revision }),
        schrijf('rapport', { idempotencyKey: 'k-4', expectedRevision: revision }),
        schrijf('anders', { idempotencyKey: 'k-4', expectedRevision: revision }),
      ]);
      expect([a.status, b.status]).toEqual(['fulfilled', 'fulfilled']);
      expect(c.status === 'rejected' && c.reason).toBeInstanceOf(IdempotencyKeyConflictError);
    });
  });

  describe('contention without If-Match', () => {
    const conflict = () => new WrongExpectedVersionError(undefined, { streamName: STREAM, expected: 0n, current: 1n });

    it('decides again on the fresh state after a lost race, and lands', async () => {
      const { fake, schrijf } = setup();
      await schrijf('eerste');
      fake.appendFailures.push(conflict(), conflict(), conflict());
      const answer = await schrijf('tweede');
      expect(answer.revision).toBe(1);
      expect(fake.appendCalls).toHaveLength(5);
    });

    it('gives up with ContentionError (503) when the budget is spent, never with a 409', async () => {
      const { fake, schrijf } = setup({ budgetMs: 150, firstDelayMs: 2, maxDelayMs: 5 });
      fake.appendFailures.push(...Array.from({ length: 1000 }, conflict));
      const started = performance.now();
      await expect(schrijf('nooit')).rejects.toBeInstanceOf(ContentionError);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(fake.appendCalls.length).toBeGreaterThan(5);
    });

    it('keeps the 409 for a caller that sent If-Match', async () => {
      const { fake, schrijf } = setup();
      await schrijf('eerste');
      fake.appendFailures.push(conflict());
      await expect(schrijf('tweede', { expectedRevision: 0 })).rejects.toBeInstanceOf(ConcurrencyError);
      expect(fake.appendCalls).toHaveLength(2);
    });

    it('with a cap on attempts (the old behaviour, for the bench) passes the conflict on after the last one', async () => {
      const { fake, schrijf } = setup({ maxAttempts: 5, firstDelayMs: 0 });
      fake.appendFailures.push(...Array.from({ length: 10 }, conflict));
      await expect(schrijf('nooit')).rejects.toBeInstanceOf(ConcurrencyError);
      expect(fake.appendCalls).toHaveLength(5);
    });
  });
});
