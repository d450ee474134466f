import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { canonicalize } from 'json-canonicalize';
import { currentSchemaVersion, decoder, ForbiddenError, fold, type Actor, type Command, type Decider, type Event, type Upcasters } from '@afspraken/domain';
import { ConcurrencyError, EventStore, type EventToAppend, type RecordedEvent } from '@afspraken/event-store';
import { Clock } from './clock';
import { IdempotencyKeyConflictError } from './errors';
import { hashEvent, sha256 } from './hash-chain';
import type { EventMetadata, Herkomst } from './metadata';

// Namespace for event ids derived from an idempotency key (uuid v5): same key, same ids.
const EVENT_ID_NAMESPACE = '0b7e8c56-0d3f-4c47-9f7a-3f0a8a4f2b51';
const MAX_ATTEMPTS = 5;

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
 * Optimistic concurrency without a client revision is retried on fresh state; with one, it is not.
 */
export class CommandExecutor {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute<C extends Command, E extends Event, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: (metadata: C['metadata']) => NoInfer<C>,
    context: CommandContext,
  ): Promise<CommandOutcome<S>> {
    // Auditors read; whatever route a command takes, it never writes under an auditor's name.
    if (context.actor.rol === 'auditor') {
      throw new ForbiddenError('AUDITOR_ALLEEN_LEZEN', 'Een auditor kan alleen lezen en nooit een event vastleggen');
    }
    const requestHash = context.idempotencyKey ? sha256(canonicalize(context.request ?? null)) : null;
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
        return {
          streamId,
          revision: result.nextExpectedRevision,
          position: result.position,
          events: decided.map((e, i) => ({ type: e.type, revision: revision + 1 + i })),
          state: decided.reduce(decider.evolve, state),
          replayed: false,
        };
      } catch (error) {
        const retry = error instanceof ConcurrencyError && context.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
        if (!retry) throw error;
      }
    }
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
      const id = context.idempotencyKey ? uuidv5(`${streamId}\u0000${context.idempotencyKey}\u0000${i}`, EVENT_ID_NAMESPACE) : randomUUID();
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
