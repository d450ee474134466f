import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  excludeSystemEvents,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { Readable } from 'node:stream';
import { ConcurrencyError, EventStoreUsageError } from '../errors';
import {
  EventStore,
  MAX_EVENTS_PER_APPEND,
  type AppendOptions,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '../port';
import { AllCursor } from './all-cursor';
import { toEsdbConnectionString } from './connection-string';
import {
  actualRevisionOf,
  fieldOf,
  isInvalidTransaction,
  isStreamNotFound,
  isUnknownServerError,
  isWrongExpectedVersion,
  toStoreError,
} from './error-mapping';
import { LINK_EVENT_TYPE, isSystemEventType, isSystemStream, toAppendExpectedRevision, toEventData, toRecordedEvent } from './mapping';
import { MAX_INDEX_IN_COMMIT, isReportedPosition, toGlobalPosition, type LogPosition } from './position';
import { untilAborted } from './until-aborted';

/** The part of the client this adapter uses; a real EventStoreDBClient is one. */
export type EventStoreDbClient = Pick<EventStoreDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_READ_ALL_COUNT = 1000;
const DEFAULT_SUBSCRIPTION_BATCH = 500;
/** Reads of $all also return system events; reading a few more than asked saves round trips. */
const MIN_RAW_PAGE = 64;
const HEAD_SCAN_PAGE = 100;

const collect = async <T>(read: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
};

const checkedAfter = (after: number | undefined): number => {
  if (after === undefined) return -1;
  if (!Number.isSafeInteger(after) || after < -1) throw new EventStoreUsageError(`Ongeldige positie: ${after}`);
  return after;
};

const checkedCount = (count: number, what: string): number => {
  if (!Number.isSafeInteger(count) || count < 0) throw new EventStoreUsageError(`Ongeldige ${what}: ${count}`);
  return count;
};

export class EventStoreDbEventStore extends EventStore {
  readonly adapter = 'eventstoredb' as const;

  constructor(private readonly client: EventStoreDbClient) {
    super();
  }

  /** esdb://, esdb+discover://, kurrentdb:// or kurrent:// (…+discover for a cluster). Connects lazily, on the first call. */
  static connect(connectionString: string): EventStoreDbEventStore {
    const esdb = toEsdbConnectionString(connectionString);
    try {
      return new EventStoreDbEventStore(EventStoreDBClient.connectionString(esdb));
    } catch (error) {
      // The client's message quotes the part it could not read, which may be the password.
      const at = fieldOf(error, 'location');
      const expected = fieldOf(error, 'expected');
      const shift = connectionString.trim().length - esdb.length; // kurrentdb:// is longer than esdb://
      const where = Array.isArray(at) && typeof at[0] === 'number' && typeof expected === 'string' ? ` op positie ${at[0] + shift}: verwacht ${expected}` : '';
      throw new EventStoreUsageError(`Ongeldige EVENTSTORE_URL${where}`);
    }
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.checkAppend(streamId, events);
    const expectedRevision = toAppendExpectedRevision(options.expectedRevision);
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), { expectedRevision });
    } catch (error) {
      if (isWrongExpectedVersion(error)) {
        throw new ConcurrencyError(streamId, options.expectedRevision, actualRevisionOf(error) ?? (await this.currentRevision(streamId)));
      }
      if (isInvalidTransaction(error) || (isUnknownServerError(error) && (await this.holdsAnyOf(streamId, events, options.expectedRevision)))) {
        throw new ConcurrencyError(streamId, options.expectedRevision, await this.currentRevision(streamId));
      }
      throw toStoreError(error, `toevoegen aan ${streamId}`);
    }
    // Only with throwOnAppendFailure=false in the connection string; its revision is not reliable then.
    if (!result.success) throw new ConcurrencyError(streamId, options.expectedRevision, await this.currentRevision(streamId));

    const nextExpectedRevision = Number(result.nextExpectedRevision);
    // A gRPC append never shares a commit position, so its last event has index 0.
    const position = isReportedPosition(result.position?.commit)
      ? toGlobalPosition(result.position.commit, 0)
      : await this.positionOfRevision(streamId, nextExpectedRevision);
    return { nextExpectedRevision, position };
  }

  private checkAppend(streamId: string, events: readonly EventToAppend[]): void {
    if (!streamId || isSystemStream(streamId)) throw new EventStoreUsageError(`Ongeldige streamnaam: "${streamId}"`);
    if (events.length === 0) throw new EventStoreUsageError('Er is niets om toe te voegen');
    if (events.length > MAX_EVENTS_PER_APPEND) throw new EventStoreUsageError(`Hoogstens ${MAX_EVENTS_PER_APPEND} events per keer`);
    for (const event of events) {
      if (!UUID.test(event.id)) throw new EventStoreUsageError(`Event-id is geen UUID: ${event.id}`);
    }
  }

  /** Whether the stream already holds one of these events where the append would have put them (or anywhere, for any/stream_exists). */
  private async holdsAnyOf(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<boolean> {
    const exact = expected === 'no_stream' ? 0 : typeof expected === 'number' ? expected + 1 : undefined;
    const stored = await this.readStreamEvents(streamId, {
      fromRevision: BigInt(exact ?? 0),
      maxCount: exact === undefined ? undefined : events.length,
      direction: FORWARDS,
    });
    const ids = new Set(events.map((event) => event.id));
    return stored.some((event) => ids.has(event.id));
  }

  private async currentRevision(streamId: string): Promise<number> {
    const [last] = await this.readStreamEvents(streamId, { fromRevision: END, maxCount: 1, direction: BACKWARDS });
    return last ? Number(last.revision) : -1;
  }

  /** Older servers answer an idempotent re-append without a position; the event itself has one. */
  private async positionOfRevision(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStreamEvents(streamId, { fromRevision: BigInt(revision), maxCount: 1, direction: FORWARDS });
    if (!event) throw new Error(`Event ${revision} van ${streamId} is na het toevoegen niet te lezen`);
    return this.positionOfStreamEvent(event);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const fromRevision = checkedCount(options.fromRevision ?? 0, 'revisie');
    const maxCount = options.maxCount === undefined ? undefined : checkedCount(options.maxCount, 'maxCount');
    if (maxCount === 0) return [];
    const events = await this.readStreamEvents(streamId, { fromRevision: BigInt(fromRevision), maxCount, direction: FORWARDS });
    const recorded: RecordedEvent[] = [];
    for (const event of events) recorded.push(toRecordedEvent(event, await this.positionOfStreamEvent(event)));
    return recorded;
  }

  private async readStreamEvents(
    streamId: string,
    options: { fromRevision: bigint | typeof END; maxCount?: number; direction: typeof FORWARDS | typeof BACKWARDS },
  ): Promise<EsdbRecordedEvent[]> {
    try {
      const resolved = await collect(this.client.readStream(streamId, { ...options, resolveLinkTos: false }));
      return resolved.flatMap(({ event }) => (event && event.type !== LINK_EVENT_TYPE ? [event] : []));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw toStoreError(error, `lezen van ${streamId}`);
    }
  }

  /** Stream reads carry the $all position since server 22.6, for events outside TCP transactions. */
  private async positionOfStreamEvent(event: EsdbRecordedEvent): Promise<number> {
    const position = event.position;
    if (!position || !isReportedPosition(position.commit)) {
      throw new Error(
        `EventStoreDB gaf geen $all-positie voor event ${event.id} in ${event.streamId}: de server is ouder dan 22.6 of het event komt uit een TCP-transactie`,
      );
    }
    return this.positionInAll(event.id, position);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const cursor = new AllCursor(checkedAfter(options.after));
    const maxCount = checkedCount(options.maxCount ?? DEFAULT_READ_ALL_COUNT, 'maxCount');
    const page: RecordedEvent[] = [];
    // Keep reading while system events thinned the page out: a short page means "caught up".
    while (page.length < maxCount) {
      const { events, atEnd } = await this.readAllPage(cursor, Math.max(maxCount - page.length, MIN_RAW_PAGE));
      page.push(...events);
      if (atEnd) break;
    }
    return page.slice(0, maxCount);
  }

  private async readAllPage(cursor: AllCursor, rawCount: number): Promise<{ events: RecordedEvent[]; atEnd: boolean }> {
    let raw: AllStreamResolvedEvent[];
    try {
      raw = await collect(this.client.readAll({ fromPosition: cursor.readFrom, maxCount: rawCount, direction: FORWARDS, resolveLinkTos: false }));
    } catch (error) {
      throw toStoreError(error, 'lezen van $all');
    }
    const events = raw.flatMap((resolved) => cursor.take(resolved) ?? []);
    return { events, atEnd: raw.length < rawCount };
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    return this.subscription(checkedAfter(options.after), options.signal, Math.max(options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH, 2));
  }

  /*
   * Catch up by paging $all, then hand over to a live server subscription. The server treats a
   * subscription's start position as exclusive by skipping the one event found there, so it must
   * start at a position of an event already read; paging ourselves gives us exactly that one.
   */
  private async *subscription(after: number, signal: AbortSignal | undefined, batchSize: number): AsyncGenerator<RecordedEvent> {
    const cursor = new AllCursor(after);
    let head: LogPosition | undefined | null = null;
    for (;;) {
      if (signal?.aborted) return;
      const { events, atEnd } = await this.readAllPage(cursor, batchSize);
      for (const event of events) {
        if (signal?.aborted) return;
        yield event;
      }
      if (!atEnd) continue;
      if (cursor.lastReadPosition || cursor.startsAtBeginning || head !== null) break;
      // Nothing at or after the checkpoint yet. Take the head, then look once more: an event
      // appended in between is then either read here or lies after the head.
      head = await this.lastPositionInAll();
    }
    if (signal?.aborted) return;

    const fromPosition: ReadPosition = cursor.lastReadPosition ?? head ?? START;
    const live = this.client.subscribeToAll({ fromPosition, resolveLinkTos: false, filter: excludeSystemEvents() });
    try {
      // A Transform stream underneath; its typings only add overloads of `on` for caughtUp/fellBehind.
      for await (const resolved of untilAborted<AllStreamResolvedEvent>(live as unknown as Readable, signal)) {
        const event = cursor.take(resolved);
        if (event) yield event;
      }
    } catch (error) {
      throw toStoreError(error, 'abonnement op $all');
    } finally {
      // Late errors of a cancelled call must not surface as unhandled 'error' events.
      live.on('error', () => undefined);
      await live.unsubscribe().catch(() => undefined);
      live.destroy();
    }
  }

  private async lastPositionInAll(): Promise<LogPosition | undefined> {
    const [last] = await this.readAllRaw({ fromPosition: END, maxCount: 1, direction: BACKWARDS });
    return last?.position;
  }

  async headPosition(): Promise<number> {
    let fromPosition: ReadPosition = END;
    for (;;) {
      const raw = await this.readAllRaw({ fromPosition, maxCount: HEAD_SCAN_PAGE, direction: BACKWARDS });
      const lastUserEvent = raw.find((event) => !isSystemEventType(event.type) && !isSystemStream(event.streamId));
      if (lastUserEvent) return this.positionInAll(lastUserEvent.id, lastUserEvent.position);
      if (raw.length < HEAD_SCAN_PAGE) return -1;
      // Backwards, a position is exclusive: the next page starts just before this event.
      fromPosition = raw[raw.length - 1].position;
    }
  }

  private async readAllRaw(options: {
    fromPosition: ReadPosition;
    maxCount: number;
    direction: typeof FORWARDS | typeof BACKWARDS;
  }): Promise<AllStreamRecordedEvent[]> {
    try {
      const resolved = await collect(this.client.readAll({ ...options, resolveLinkTos: false }));
      return resolved.flatMap(({ event }) => (event ? [event] : []));
    } catch (error) {
      throw toStoreError(error, 'lezen van $all');
    }
  }

  /**
   * Global position of one known event. commit == prepare means it is alone at its commit
   * position (index 0); otherwise it came from a TCP transaction and its index is counted in $all.
   */
  private async positionInAll(eventId: string, position: LogPosition): Promise<number> {
    if (position.commit === position.prepare) return toGlobalPosition(position.commit, 0);
    const sharingCommit = await this.readAllRaw({
      fromPosition: { commit: position.commit, prepare: 0n },
      maxCount: MAX_INDEX_IN_COMMIT + 2,
      direction: FORWARDS,
    });
    let index = 0;
    for (const event of sharingCommit) {
      if (event.position.commit !== position.commit) break;
      if (event.id === eventId && event.position.prepare === position.prepare) return toGlobalPosition(position.commit, index);
      if (!isSystemEventType(event.type)) index++;
    }
    throw new Error(`Event ${eventId} staat niet bij de eerste ${MAX_INDEX_IN_COMMIT + 2} events van commitpositie ${position.commit} in $all`);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
