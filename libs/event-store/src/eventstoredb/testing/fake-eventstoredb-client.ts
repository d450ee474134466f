import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import {
  BACKWARDS,
  END,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  type EventData,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '@eventstore/db-client';
import type { EventStoreDbClient } from '../eventstoredb-event-store';
import { compareLogPositions, type LogPosition } from '../position';

export interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly revision: bigint;
  readonly position: LogPosition;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly created: Date;
}

const resolved = (event: StoredEvent): AllStreamResolvedEvent => ({
  event: {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    revision: event.revision,
    isJson: true,
    created: event.created,
    data: event.data as never,
    metadata: event.metadata as never,
    position: event.position,
  },
  commitPosition: event.position.commit,
});

/** A live subscription the test feeds by hand. */
export class FakeSubscription extends PassThrough {
  unsubscribed = false;

  constructor(readonly options: SubscribeToAllOptions) {
    super({ objectMode: true });
  }

  push_(event: StoredEvent): void {
    this.write(resolved(event));
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
}

/**
 * The part of the gRPC client the adapter uses, over an in-memory $all: gRPC semantics as the
 * server has them (every event its own commit position, forward reads inclusive, backward reads
 * exclusive, StreamNotFound on an unknown stream). Errors to throw can be queued per call.
 */
export class FakeEventStoreDbClient {
  readonly log: StoredEvent[] = [];
  readonly appendCalls: Array<{ streamId: string; events: EventData[]; expectedRevision: AppendExpectedRevision | undefined }> = [];
  readonly readAllCalls: ReadAllOptions[] = [];
  readonly subscriptions: FakeSubscription[] = [];
  /** Thrown (once each) by the next appendToStream calls. */
  readonly appendFailures: unknown[] = [];
  /** Reported instead of the real position, e.g. undefined as an older server does for an idempotent write. */
  appendPosition: ((real: LogPosition) => LogPosition | undefined) | undefined;
  disposed = false;
  private nextLogPosition = 100n;
  private readonly created = new Date('2026-03-01T09:15:00.000Z');

  asClient(): EventStoreDbClient {
    return this as unknown as EventStoreDbClient;
  }

  /** Writes straight into the log, e.g. system events a server adds on its own. */
  write(streamId: string, type: string, data: unknown = {}, metadata: unknown = undefined, id: string = randomUUID()): StoredEvent {
    const revision = BigInt(this.log.filter((e) => e.streamId === streamId).length);
    const position = { commit: this.nextLogPosition, prepare: this.nextLogPosition };
    this.nextLogPosition += 150n;
    const event: StoredEvent = { id, streamId, type, revision, position, data, metadata, created: this.created };
    this.log.push(event);
    return event;
  }

  async appendToStream(streamId: string, events: EventData | EventData[], options: { expectedRevision?: AppendExpectedRevision } = {}): Promise<AppendResult> {
    const batch = Array.isArray(events) ? events : [events];
    this.appendCalls.push({ streamId, events: batch, expectedRevision: options.expectedRevision });
    if (this.appendFailures.length > 0) throw this.appendFailures.shift();
    const stream = this.log.filter((e) => e.streamId === streamId);
    const current = stream.length - 1;
    const expected = options.expectedRevision ?? 'any';
    const at = expected === 'no_stream' ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : current + 1;
    const repeated = stream.slice(at, at + batch.length);
    if (repeated.length === batch.length && repeated.every((e, i) => e.id === batch[i].id)) {
      const last = repeated[repeated.length - 1];
      return { success: true, nextExpectedRevision: last.revision, position: this.reported(last.position) };
    }
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === -1) ||
      (expected === 'stream_exists' && current >= 0) ||
      (typeof expected === 'bigint' && Number(expected) === current);
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, { streamName: streamId, expected, current: current === -1 ? 'no_stream' : BigInt(current) });
    }
    const written = batch.map((e) => this.write(streamId, e.type, e.data, e.metadata, e.id));
    const last = written[written.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: this.reported(last.position) };
  }

  private reported(position: LogPosition): LogPosition | undefined {
    return this.appendPosition ? this.appendPosition(position) : position;
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Readable {
    const stream = this.log.filter((e) => e.streamId === streamId);
    if (stream.length === 0) return this.failing(new StreamNotFoundError(undefined, streamId));
    const from = options.fromRevision ?? START;
    let events: StoredEvent[];
    if (options.direction === BACKWARDS) {
      const start = from === END || from === START ? stream.length - 1 : Number(from);
      events = stream.slice(0, start + 1).reverse();
    } else {
      events = from === START ? stream : from === END ? [] : stream.slice(Number(from));
    }
    return Readable.from(events.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)).map(resolved));
  }

  readAll(options: ReadAllOptions = {}): Readable {
    this.readAllCalls.push(options);
    const from = options.fromPosition ?? START;
    let events: StoredEvent[];
    if (options.direction === BACKWARDS) {
      events = (from === END ? this.log : from === START ? [] : this.log.filter((e) => compareLogPositions(e.position, from) < 0)).slice().reverse();
    } else {
      events = from === START ? this.log : from === END ? [] : this.log.filter((e) => compareLogPositions(e.position, from) >= 0);
    }
    return Readable.from(events.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)).map(resolved));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): FakeSubscription {
    const subscription = new FakeSubscription(options);
    this.subscriptions.push(subscription);
    return subscription;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private failing(error: Error): Readable {
    return new Readable({
      objectMode: true,
      read() {
        this.destroy(error);
      },
    });
  }
}
