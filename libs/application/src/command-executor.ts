import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { canonicalize } from 'json-canonicalize';
import { currentSchemaVersion, decoder, fold, vereisSchrijfrecht, type Actor, type Command, type Decider, type Event, type Upcasters } from '@afspraken/domain';
import { ConcurrencyError, EventStore, type EventToAppend, type RecordedEvent } from '@afspraken/event-store';
import { Clock } from './clock';
import { ContentionError, IdempotencyKeyConflictError } from './errors';
import { hashEvent, sha256 } from './hash-chain';
import type { EventMetadata, Herkomst } from './metadata';

// Namespace for event ids derived from an idempotency key (uuid v5): same request, same ids.
const EVENT_ID_NAMESPACE = '0b7e8c56-0d3f-4c47-9f7a-3f0a8a4f2b51';

/**
 * How a command without If-Match that lost a race is decided again on the fresh state: after a
 * jittered, exponentially growing pause ("full jitter"), until the time budget is spent (then
 * ContentionError, HTTP 503 + Retry-After; never a 409 the caller did not ask for).
 */
export interface RetryPolicy {
  /** Time from the first read after which no new attempt starts. */
  readonly budgetMs: number;
  /** The pause before the second attempt is drawn from [0, firstDelayMs]; it doubles per attempt. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * A hard cap on attempts; when reached the conflict goes to the caller as it is (409). Unset in
   * the app: only the budget counts. Set in the contention bench to run the old behaviour.
   */
  readonly maxAttempts?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { budgetMs: 2000, firstDelayMs: 4, maxDelayMs: 250 };

export interface CommandExecutorOptions {
  readonly retry?: Partial<RetryPolicy>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface CommandContext {
  readonly actor: Actor;
  /** The revision the caller saw (If-Match). Set: a conflict is the caller's to resolve (409). */
  readonly expectedRevision?: number;
  readonly idempotencyKey?: string;
  /** The request as received, hashed to detect a reused idempotency key with another body. */
  readonly request?: unknown;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** When the fact took effect, if earlier than now (a late report, a board decision last week). */
  readonly effectiveAt?: string;
  /** Set by the import that creates a programme: the document is the record, as of its documentdatum. */
  readonly herkomst?: Herkomst;
}

export interface WrittenEvent {
  readonly type: string;
  readonly revision: number;
}

export interface CommandOutcome<S> {
  readonly streamId: string;
  /** The stream's revision after the command; -1 when the stream still does not exist. */
  readonly revision: number;
  /** Global position of the last event written (or found), for read-your-writes. -1 when none. */
  readonly position: number;
  readonly events: readonly WrittenEvent[];
  readonly state: S;
  /** True when an earlier command with the same idempotency key answered this one. */
  readonly replayed: boolean;
}

/**
 * Load, decide, append: the one path every command takes (API, CLI and importer alike).
 *
 * Optimistic concurrency: with a client revision (If-Match) a conflict is the caller's (409);
 * without one the command is decided again on the fresh state, within the retry budget.
 *
 * Idempotency-Key: the key is scoped to the stream the command writes to, and belongs to the
 * actor and the request (method, path, body) that first stored events under it. The event ids
 * are derived from (stream, actor, key, request hash), so the store itself decides a race
 * atomically: its unique revision lets one append win; a twin with the very same request
 * re-appends the same ids (a no-op in every adapter) and is answered as a replay, while any other
 * request under the key carries other ids, loses on the revision, reads the winner and gets 422.
 */
export class CommandExecutor {
  private readonly retry: RetryPolicy;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    options: CommandExecutorOptions = {},
  ) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  async execute<C extends Command, E extends Event, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: (metadata: C['metadata']) => NoInfer<C>,
    context: CommandContext,
  ): Promise<CommandOutcome<S>> {
    // Whatever route a command takes, it never writes under an auditor's name.
    vereisSchrijfrecht(context.actor);
    const requestHash = context.idempotencyKey ? sha256(canonicalize(context.request ?? null)) : null;
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.store.readStream(streamId);
      if (context.idempotencyKey) {
        const earlier = this.answeredBefore(decider, streamId, recorded, context.idempotencyKey, requestHash, context.actor.id);
        if (earlier) return earlier;
      }
      const state = fold(decider.evolve, decider.initialState, recorded.map(decoder(decider.upcasters)));
      const revision = recorded.length ? recorded[recorded.length - 1].revision : -1;
      if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
        throw new ConcurrencyError(streamId, context.expectedRevision, revision);
      }

      const now = this.clock.now().toISOString();
      const cmd = command({ now, actor: context.actor });
      const decided = decider.decide(cmd, state);
      if (decided.length === 0) {
        return { streamId, revision, position: recorded.length ? recorded[recorded.length - 1].position : -1, events: [], state, replayed: false };
      }

      const toAppend = this.withMetadata(streamId, revision, recorded, decided, cmd.type, now, requestHash, context, decider.upcasters);
      try {
        const result = await this.store.appendToStream(streamId, toAppend, {
          expectedRevision: revision === -1 ? 'no_stream' : revision,
        });
        // The same ids were already there: a twin of this request wrote first. Answer as its replay.
        if (context.idempotencyKey && !(await this.wroteThese(streamId, result.nextExpectedRevision, toAppend))) continue;
        return {
          streamId,
          revision: result.nextExpectedRevision,
          position: result.position,
          events: decided.map((e, i) => ({ type: e.type, revision: revision + 1 + i })),
          state: decided.reduce(decider.evolve, state),
          replayed: false,
        };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (context.expectedRevision !== undefined) {
          // Lost with If-Match: 409, unless the winner used this key (then a replay or a 422).
          if (context.idempotencyKey && attempt === 1) continue;
          throw error;
        }
        await this.pauseBeforeRetry(attempt, started, error);
      }
    }
  }

  /** Whether the events at the end of the append are the ones this attempt built (not a twin's). */
  private async wroteThese(streamId: string, lastRevision: number, appended: readonly EventToAppend[]): Promise<boolean> {
    const [first] = await this.store.readStream(streamId, { fromRevision: lastRevision - appended.length + 1, maxCount: 1 });
    // Two twins with equal metadata (same instant, same correlation id) stored identical events: either may say "written".
    return first !== undefined && first.id === appended[0].id && first.metadata.hash === appended[0].metadata.hash;
  }

  private async pauseBeforeRetry(attempt: number, started: number, conflict: ConcurrencyError): Promise<void> {
    const { budgetMs, firstDelayMs, maxDelayMs, maxAttempts } = this.retry;
    if (maxAttempts !== undefined && attempt >= maxAttempts) throw conflict;
    const delay = Math.random() * Math.min(maxDelayMs, firstDelayMs * 2 ** (attempt - 1));
    const elapsed = performance.now() - started;
    if (elapsed + delay >= budgetMs) throw new ContentionError(conflict.streamId, attempt, Math.round(elapsed));
    await pause(delay);
  }

  /** Loads the current state of a stream; `revision` -1 when it does not exist. */
  async load<E extends Event, S>(
    decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState' | 'upcasters'>,
    streamId: string,
  ): Promise<{ state: S; revision: number; events: RecordedEvent[] }> {
    const events = await this.store.readStream(streamId);
    return {
      state: fold(decider.evolve, decider.initialState, events.map(decoder(decider.upcasters))),
      revision: events.length ? events[events.length - 1].revision : -1,
      events,
    };
  }

  private answeredBefore<E extends Event, S>(
    decider: Decider<never, E, S>,
    streamId: string,
    recorded: RecordedEvent[],
    key: string,
    requestHash: string | null,
    actor: string,
  ): CommandOutcome<S> | null {
    const first = recorded.findIndex((r) => (r.metadata as Partial<EventMetadata>).idempotencyKey === key);
    if (first === -1) return null;
    const earlier = recorded[first].metadata as Partial<EventMetadata>;
    // A key belongs to whoever used it first: someone else's replay would skip their authorization.
    if (earlier.requestHash !== requestHash || earlier.actor !== actor) {
      throw new IdempotencyKeyConflictError(key);
    }
    let last = first;
    while (last + 1 < recorded.length && (recorded[last + 1].metadata as Partial<EventMetadata>).idempotencyKey === key) last++;
    const upTo = recorded.slice(0, last + 1);
    return {
      streamId,
      revision: recorded[last].revision,
      position: recorded[last].position,
      events: recorded.slice(first, last + 1).map((r) => ({ type: r.type, revision: r.revision })),
      state: fold(decider.evolve, decider.initialState, upTo.map(decoder(decider.upcasters))),
      replayed: true,
    };
  }

  private withMetadata(
    streamId: string,
    revision: number,
    recorded: RecordedEvent[],
    events: Event[],
    commandType: string,
    now: string,
    requestHash: string | null,
    context: CommandContext,
    upcasters: Upcasters<Event>,
  ): EventToAppend[] {
    const correlationId = context.correlationId ?? randomUUID();
    let previousHash = recorded.length ? ((recorded[recorded.length - 1].metadata as Partial<EventMetadata>).hash ?? null) : null;
    return events.map((event, i) => {
      const eventRevision = revision + 1 + i;
      const id = context.idempotencyKey
        ? uuidv5([streamId, context.actor.id, context.idempotencyKey, requestHash, i].join('\u0000'), EVENT_ID_NAMESPACE)
        : randomUUID();
      const base: Omit<EventMetadata, 'hash'> = {
        actor: context.actor.id,
        rol: context.actor.rol,
        partijId: context.actor.partijId ?? null,
        recordedAt: now,
        effectiveAt: context.effectiveAt ?? now,
        correlationId,
        causationId: context.causationId ?? correlationId,
        commandType,
        idempotencyKey: context.idempotencyKey ?? null,
        requestHash,
        schemaVersion: currentSchemaVersion(upcasters, event.type),
        previousHash,
        ...(context.herkomst ? { herkomst: context.herkomst } : {}),
      };
      const hash = hashEvent({ streamId, revision: eventRevision, type: event.type, data: event.data, metadata: base });
      previousHash = hash;
      return { id, type: event.type, data: event.data, metadata: { ...base, hash } };
    });
  }
}
