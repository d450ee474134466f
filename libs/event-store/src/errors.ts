import type { ExpectedRevision } from './port';

/** The stream was not at the expected revision: somebody else wrote first (HTTP 409). */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual revision; -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId} staat op revisie ${actual}, verwacht: ${String(expected)}`);
    this.name = 'ConcurrencyError';
  }
}

/** The store cannot be reached right now; the caller may retry later (HTTP 503). */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** The call itself is wrong (too many events, bad stream name). A programming error, not user input. */
export class EventStoreUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventStoreUsageError';
  }
}
