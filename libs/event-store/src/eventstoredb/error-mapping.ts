import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreUsageError, StoreUnavailableError } from '../errors';

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/*
 * Errors that say "not now" rather than "no": a node that is down, restarting, not the leader any
 * more, or too slow. The client reconnects on the next call, so the caller may retry; with the same
 * event ids a retried append is idempotent. The `type` strings cover a second copy of the client
 * package, whose classes would fail `instanceof`.
 */
const TRANSIENT_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'cancelled']);
const DISCOVERY_FAILED = /^Failed to discover after \d+ attempts/;
/** A batch append the server did not handle (starting, too busy, no leader) arrives as an UnknownError with this text. */
const NOT_HANDLED = /^Could not recognize (Server Is Not Ready|Server Is Busy|No leader info available)/;

export const fieldOf = (error: unknown, field: string): unknown =>
  typeof error === 'object' && error !== null && field in error ? (error as Record<string, unknown>)[field] : undefined;

export const isTransientStoreError = (error: unknown): boolean => {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError
  ) {
    return true;
  }
  const type = fieldOf(error, 'type');
  const code = fieldOf(error, 'code');
  return (
    (typeof type === 'string' && TRANSIENT_TYPES.has(type)) ||
    code === GRPC_UNAVAILABLE ||
    code === GRPC_DEADLINE_EXCEEDED ||
    (error instanceof Error && (DISCOVERY_FAILED.test(error.message) || NOT_HANDLED.test(error.message)))
  );
};

/** Transient failures become StoreUnavailableError (HTTP 503), an oversized append a usage error; anything else stays what it was. */
export const toStoreError = (error: unknown, action: string): unknown => {
  if (fieldOf(error, 'type') === 'maximum-append-size-exceeded') {
    return new EventStoreUsageError(`Te groot om in één keer toe te voegen (${action}): de server neemt hoogstens ${String(fieldOf(error, 'maxAppendSize'))} bytes`);
  }
  if (error instanceof StoreUnavailableError || !isTransientStoreError(error)) return error;
  const reason = error instanceof Error && error.message ? error.message : String(error);
  return new StoreUnavailableError(`EventStoreDB is niet bereikbaar (${action}): ${reason}`, { cause: error });
};

export const isWrongExpectedVersion = (error: unknown): boolean =>
  error instanceof WrongExpectedVersionError || fieldOf(error, 'type') === 'wrong-expected-version';

/*
 * A batch that repeats some earlier event ids but not all (or not at the same revisions): the server
 * calls it a corrupted idempotent write. Over the single append call it is an InvalidTransactionError,
 * over batch append (the default) only an UnknownError without details, which the adapter then checks.
 */
export const isInvalidTransaction = (error: unknown): boolean => fieldOf(error, 'type') === 'invalid-transaction';
export const isUnknownServerError = (error: unknown): boolean => fieldOf(error, 'type') === 'unknown';

export const isStreamNotFound = (error: unknown): boolean =>
  error instanceof StreamNotFoundError || fieldOf(error, 'type') === 'stream-not-found';

/**
 * The stream's revision as the server reported it: `actualVersion` is "no_stream" or a bigint
 * (from error metadata it can be -1n). Undefined when the error carries nothing usable.
 */
export const actualRevisionOf = (error: unknown): number | undefined => {
  const actual = fieldOf(error, 'actualVersion');
  if (actual === 'no_stream') return -1;
  if (typeof actual === 'bigint') return actual < 0n ? -1 : Number(actual);
  return undefined;
};
