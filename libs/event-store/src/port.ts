/**
 * The event store port. Three adapters implement it (PostgreSQL, embedded PGlite, EventStoreDB)
 * and one conformance suite (conformance/) holds them to the same behaviour.
 */

/** `exact` revisions are 0-based: a stream with one event is at revision 0. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export type EventMetadataRecord = Readonly<Record<string, unknown>>;

export interface EventToAppend {
  /** A UUID. Re-appending the same ids to the same stream is a no-op that returns the first result. */
  readonly id: string;
  readonly type: string;
  readonly data: object;
  readonly metadata: EventMetadataRecord;
}

export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  /** 0-based position within its stream. */
  readonly revision: number;
  /** Position in the store's global order; strictly increasing in `readAll` order. */
  readonly position: number;
  readonly type: string;
  readonly data: object;
  readonly metadata: EventMetadataRecord;
  /** When the store wrote it (ISO-8601); the business time is in the metadata. */
  readonly createdAt: string;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The stream's revision after the append (the last event's revision). */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event. */
  readonly position: number;
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events after this global position. Omitted: from the beginning. */
  readonly after?: number;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the last position the subscriber has fully processed. */
  readonly after?: number;
  /** Ends the subscription; the iterator then completes normally. */
  readonly signal?: AbortSignal;
  readonly batchSize?: number;
}

export type EventStoreAdapter = 'postgres' | 'embedded' | 'eventstoredb';

/** Abstract class rather than interface so Nest can inject it by token. */
export abstract class EventStore {
  abstract readonly adapter: EventStoreAdapter;

  /** Appends all events atomically, or none. Throws ConcurrencyError when the revision is not as expected. */
  abstract appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;

  /** Events of one stream in revision order; an empty array for a stream that does not exist. */
  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** One page of the global stream (system events excluded), in position order. */
  abstract readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Catch-up from the checkpoint, then live, until the signal aborts. */
  abstract subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;

  /** Position of the last event a reader of `readAll` can see, or -1 when the store is empty. */
  abstract headPosition(): Promise<number>;

  abstract close(): Promise<void>;
}

export const MAX_EVENTS_PER_APPEND = 4096;
