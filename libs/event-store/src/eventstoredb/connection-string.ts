import { EventStoreUsageError } from '../errors';

/*
 * KurrentDB renamed the scheme; @eventstore/db-client 6 only parses esdb:// and esdb+discover://.
 * The rest of the string (hosts, credentials, ?tls=…) means the same under either name.
 */
const ESDB_SCHEME_FOR = new Map([
  ['esdb', 'esdb'],
  ['esdb+discover', 'esdb+discover'],
  ['kurrentdb', 'esdb'],
  ['kurrentdb+discover', 'esdb+discover'],
  ['kurrent', 'esdb'],
  ['kurrent+discover', 'esdb+discover'],
]);

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

export const toEsdbConnectionString = (connectionString: string): string => {
  const trimmed = connectionString.trim();
  const scheme = SCHEME.exec(trimmed)?.[1];
  const esdbScheme = scheme === undefined ? undefined : ESDB_SCHEME_FOR.get(scheme.toLowerCase());
  if (scheme === undefined || esdbScheme === undefined) {
    // Only the scheme goes into the message: the rest may hold a password.
    throw new EventStoreUsageError(
      `EVENTSTORE_URL moet beginnen met esdb://, esdb+discover://, kurrentdb://, kurrentdb+discover://, kurrent:// of kurrent+discover://; kreeg ${scheme === undefined ? 'geen schema' : `${scheme}://`}`,
    );
  }
  return esdbScheme + trimmed.slice(scheme.length);
};
