import {
  DeadlineExceededError,
  InvalidTransactionError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreUsageError, StoreUnavailableError } from '../errors';
import { actualRevisionOf, isInvalidTransaction, isTransientStoreError, isWrongExpectedVersion, toStoreError } from './error-mapping';

const wrongVersion = (current: bigint | 'no_stream') =>
  new WrongExpectedVersionError(undefined, { streamName: 'afspraak-1', expected: 'no_stream', current });

describe('errors of the client as ours', () => {
  it('reads the actual revision of a WrongExpectedVersionError', () => {
    expect(isWrongExpectedVersion(wrongVersion(4n))).toBe(true);
    expect(actualRevisionOf(wrongVersion(4n))).toBe(4);
    expect(actualRevisionOf(wrongVersion('no_stream'))).toBe(-1);
    expect(actualRevisionOf(wrongVersion(-1n))).toBe(-1);
    expect(actualRevisionOf(new Error('iets anders'))).toBeUndefined();
  });

  it('recognises the error types by their `type` too, for a second copy of the client package', () => {
    expect(isWrongExpectedVersion({ type: 'wrong-expected-version' })).toBe(true);
    expect(isInvalidTransaction({ type: 'invalid-transaction' })).toBe(true);
    expect(isTransientStoreError({ type: 'not-leader' })).toBe(true);
  });

  it.each([
    ['unavailable', new UnavailableError(undefined, 'connection refused')],
    ['deadline exceeded', new DeadlineExceededError(undefined, 'too slow')],
    ['a gRPC UNAVAILABLE status', Object.assign(new Error('14 UNAVAILABLE'), { code: 14 })],
    ['failed cluster discovery', new Error('Failed to discover after 10 attempts.')],
    ['a batch append the server did not handle', new UnknownError(undefined, 'Could not recognize Server Is Busy')],
  ])('makes %s a StoreUnavailableError that keeps the cause', (_, error) => {
    const mapped = toStoreError(error, 'toevoegen aan afspraak-1');
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect((mapped as StoreUnavailableError).message).toMatch(/^EventStoreDB is niet bereikbaar \(toevoegen aan afspraak-1\)/);
    expect((mapped as StoreUnavailableError).cause).toBe(error);
  });

  it('makes an oversized append a usage error that names the limit', () => {
    const mapped = toStoreError(new MaxAppendSizeExceededError(undefined, 1048576), 'toevoegen aan afspraak-1');
    expect(mapped).toBeInstanceOf(EventStoreUsageError);
    expect((mapped as Error).message).toMatch(/1048576 bytes/);
  });

  it('leaves errors that say "no" rather than "not now" as they are', () => {
    for (const error of [new StreamDeletedError(undefined, 'afspraak-1'), new InvalidTransactionError(), new UnknownError(), new TypeError('bug')]) {
      expect(toStoreError(error, 'lezen')).toBe(error);
    }
  });

  it('does not wrap a StoreUnavailableError twice', () => {
    const error = new StoreUnavailableError('al gedaan');
    expect(toStoreError(error, 'lezen')).toBe(error);
  });
});
