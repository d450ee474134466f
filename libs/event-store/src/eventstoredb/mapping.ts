import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  jsonEvent,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { EventStoreUsageError } from '../errors';
import type { EventMetadataRecord, EventToAppend, ExpectedRevision, RecordedEvent } from '../port';

/** Projections write links (`$>`) and other `$` events; the port shows user events only. */
export const isSystemEventType = (type: string): boolean => type.length === 0 || type.startsWith('$');
export const isSystemStream = (streamId: string): boolean => streamId.startsWith('$');
export const LINK_EVENT_TYPE = '$>';

/** Our event id goes to the server as its event id: that is what makes a retried append idempotent. */
export const toEventData = (event: EventToAppend): EventData =>
  jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: { ...event.metadata } });

export const toAppendExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      // The server reads -1 as "no stream" and -2 as "any": only real revisions may pass.
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new EventStoreUsageError(`Verwachte revisie moet een geheel getal >= 0 zijn, niet ${expected}`);
      }
      return BigInt(expected);
  }
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

const toMetadata = (metadata: unknown): EventMetadataRecord => (isPlainObject(metadata) ? metadata : {});

const toData = (event: EsdbRecordedEvent): object => {
  // Binary events from other writers stay bytes; a JSON event always carries an object from us.
  if (typeof event.data === 'object' && event.data !== null) return event.data;
  throw new Error(`Event ${event.id} in ${event.streamId} heeft geen JSON-object als data`);
};

export const toRecordedEvent = (event: EsdbRecordedEvent, position: number): RecordedEvent => ({
  id: event.id,
  streamId: event.streamId,
  revision: Number(event.revision),
  position,
  type: event.type,
  data: toData(event),
  metadata: toMetadata(event.metadata),
  createdAt: event.created.toISOString(),
});
