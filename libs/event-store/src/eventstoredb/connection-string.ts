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

const flat = (key: string): string => key.trim().toLowerCase().replace(/[_-]/g, '');

/*
 * The options client 6.2.1 understands (compared as it does: case, '-' and '_' ignored). It only
 * warns about other keys, and about tlsVerifyCert=false, by printing the whole string, password
 * included, to the console: those are refused here instead.
 */
const KNOWN_OPTIONS = new Set(
  [
    'tls',
    'tlsCAFile',
    'userCertFile',
    'userKeyFile',
    'connectionName',
    'maxDiscoverAttempts',
    'discoveryInterval',
    'gossipTimeout',
    'nodePreference',
    'defaultDeadline',
    'keepAliveInterval',
    'keepAliveTimeout',
  ].map((key) => flat(key)),
);

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const CREDENTIALS = /^:\/\/[^:@]+:[^@]+@/;

/** Which schemes EVENTSTORE_URL may use, for messages. */
export const EVENTSTORE_SCHEMES = [...ESDB_SCHEME_FOR.keys()].map((scheme) => `${scheme}://`).join(', ');

const checkOptions = (query: string): void => {
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const [rawKey, value = ''] = pair.split('=');
    const key = flat(rawKey);
    if (key === 'tlsverifycert' && value.trim() === 'false') {
      throw new EventStoreUsageError('EVENTSTORE_URL: tlsVerifyCert=false kent de client niet; geef het CA-certificaat met tlsCAFile=…');
    }
    if (key === 'throwonappendfailure') {
      // The adapter relies on errors for a refused append; a result with success=false loses the revision.
      throw new EventStoreUsageError('EVENTSTORE_URL: throwOnAppendFailure laat de adapter zelf; haal de optie weg');
    }
    if (key !== 'tlsverifycert' && !KNOWN_OPTIONS.has(key)) {
      throw new EventStoreUsageError(`EVENTSTORE_URL: onbekende optie "${rawKey.slice(0, 40)}"`);
    }
  }
};

/** The connection string as client 6.2.1 parses it; throws EventStoreUsageError without repeating secrets. */
export const toEsdbConnectionString = (connectionString: string): string => {
  const trimmed = connectionString.trim();
  const scheme = SCHEME.exec(trimmed)?.[1];
  const esdbScheme = scheme === undefined ? undefined : ESDB_SCHEME_FOR.get(scheme.toLowerCase());
  if (scheme === undefined || esdbScheme === undefined) {
    // Only the scheme goes into the message: the rest may hold a password.
    throw new EventStoreUsageError(
      `EVENTSTORE_URL moet beginnen met ${EVENTSTORE_SCHEMES}; kreeg ${scheme === undefined ? 'geen schema' : `${scheme}://`}`,
    );
  }
  const rest = trimmed.slice(scheme.length);
  // As the client reads it: credentials run up to the first '@', so a password may hold a '?'.
  const hostsAndOptions = rest.replace(CREDENTIALS, '://');
  const queryAt = hostsAndOptions.indexOf('?');
  if (queryAt >= 0) checkOptions(hostsAndOptions.slice(queryAt + 1));
  return esdbScheme + rest;
};

/** For logs: the password of `user:password@` replaced. Works for host lists, which `new URL` refuses. */
export const redactConnectionString = (connectionString: string): string =>
  connectionString.trim().replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@]+):[^@]+@/i, '$1:***@');
