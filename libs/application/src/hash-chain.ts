import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { EventMetadata } from './metadata';

/** The content an event's hash covers: its place in the stream, its type, its data and its metadata. */
export interface HashedContent {
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: object;
  readonly metadata: Omit<EventMetadata, 'hash'>;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 over RFC 8785 canonical JSON, so key order and storage round trips never change it. */
export const hashEvent = (content: HashedContent): string => sha256(canonicalize(content));

export interface ChainLink {
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: object;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export type ChainCheck =
  | { readonly intact: true; readonly events: number; readonly lastHash: string | null }
  | {
      readonly intact: false;
      readonly events: number;
      readonly revision: number;
      readonly reason: string;
      /** The hash the chain calls for at the broken link, and the one stored there (null: none). */
      readonly expected?: string | null;
      readonly found?: string | null;
    };

/** Walks one stream's events in revision order and reports the first broken link. */
export const verifyChain = (events: Iterable<ChainLink>): ChainCheck => {
  let previous: string | null = null;
  let count = 0;
  for (const event of events) {
    if (event.revision !== count) {
      return { intact: false, events: count, revision: event.revision, reason: `revisie ${count} ontbreekt` };
    }
    const { hash, ...rest } = event.metadata as unknown as EventMetadata;
    if (typeof hash !== 'string') return { intact: false, events: count, revision: event.revision, reason: 'hash ontbreekt', expected: null, found: null };
    if ((rest.previousHash ?? null) !== previous) {
      return { intact: false, events: count, revision: event.revision, reason: 'previousHash wijst niet naar het vorige event', expected: previous, found: rest.previousHash ?? null };
    }
    const expected = hashEvent({ streamId: event.streamId, revision: event.revision, type: event.type, data: event.data, metadata: rest });
    if (expected !== hash) {
      return { intact: false, events: count, revision: event.revision, reason: 'inhoud past niet bij de hash', expected, found: hash };
    }
    previous = hash;
    count++;
  }
  return { intact: true, events: count, lastHash: previous };
};
