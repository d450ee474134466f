import { canonicalize } from 'json-canonicalize';
import type { RecordedEvent } from '@afspraken/event-store';
import { leafHash, type Hash } from './merkle';

/**
 * What one leaf of the audit tree commits to: everything an auditor relies on about an event — its
 * place in the global order and in its stream, its id, type, data, metadata (with recordedAt, actor,
 * hash chain) and the moment the store wrote it. RFC 8785 canonical JSON, so storage round trips
 * (jsonb key order) never change it.
 */
export const auditBladData = (event: RecordedEvent): Buffer =>
  Buffer.from(
    canonicalize({
      positie: event.position,
      streamId: event.streamId,
      revisie: event.revision,
      eventId: event.id,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      opgeslagenOp: event.createdAt,
    }),
    'utf8',
  );

export const auditBladHash = (event: RecordedEvent): Hash => leafHash(auditBladData(event));
