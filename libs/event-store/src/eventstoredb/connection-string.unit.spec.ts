import { EventStoreUsageError } from '../errors';
import { redactConnectionString, toEsdbConnectionString } from './connection-string';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const usageErrorOf = (work: () => unknown): EventStoreUsageError => {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(EventStoreUsageError);
    return error as EventStoreUsageError;
  }
  throw new Error('expected an EventStoreUsageError');
};

describe('EVENTSTORE_URL', () => {
  it.each([
    ['esdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['kurrentdb://kurrentdb:2113?tls=false', 'esdb://kurrentdb:2113?tls=false'],
    ['KurrentDB://kurrentdb:2113?tls=false', 'esdb://kurrentdb:2113?tls=false'],
    ['kurrent://admin:changeit@db:2113', 'esdb://admin:changeit@db:2113'],
    ['esdb+discover://cluster.example.nl:2113', 'esdb+discover://cluster.example.nl:2113'],
    ['kurrentdb+discover://admin:changeit@cluster.example.nl:2113?nodePreference=leader', 'esdb+discover://admin:changeit@cluster.example.nl:2113?nodePreference=leader'],
    ['  esdb://a:2113,b:2113,c:2113?tls=false&keepAliveInterval=10000  ', 'esdb://a:2113,b:2113,c:2113?tls=false&keepAliveInterval=10000'],
  ])('reads %s as the client’s %s', (ours, theirs) => {
    expect(toEsdbConnectionString(ours)).toBe(theirs);
  });

  it.each(['postgres://admin:geheim@db:5432/x', 'db:2113', 'http://admin:geheim@db:2113'])('refuses %s and names the schemes it takes, without the password', (bad) => {
    const error = usageErrorOf(() => toEsdbConnectionString(bad));
    expect(error.message).toMatch(/moet beginnen met esdb:\/\/, esdb\+discover:\/\/, kurrentdb:\/\//);
    expect(error.message).not.toMatch(/geheim/);
  });

  it('refuses options the client would only warn about, because its warning prints the password', () => {
    expect(usageErrorOf(() => toEsdbConnectionString('esdb://admin:geheim@db:2113?tls=false&tlsVerifyCert=false')).message).toMatch(/tlsCAFile/);
    const unknown = usageErrorOf(() => toEsdbConnectionString('esdb://admin:geheim@db:2113?tsl=false'));
    expect(unknown.message).toBe('EVENTSTORE_URL: onbekende optie "tsl"');
  });

  it('refuses throwOnAppendFailure, which would turn refused appends into results', () => {
    expect(usageErrorOf(() => toEsdbConnectionString('esdb://db:2113?throwOnAppendFailure=false')).message).toMatch(/throwOnAppendFailure/);
  });

  it('reads a "?" inside the password as part of the password, as the client does', () => {
    expect(toEsdbConnectionString('kurrentdb://admin:ge?heim@db:2113?tls=false')).toBe('esdb://admin:ge?heim@db:2113?tls=false');
  });

  it('lets the client refuse what it cannot parse, without quoting the string', () => {
    const error = usageErrorOf(() => EventStoreDbEventStore.connect('kurrentdb://admin:geheim@db:poort?tls=false'));
    expect(error.message).toBe('Ongeldige EVENTSTORE_URL op positie 28: verwacht port number');
    expect(error.message).not.toMatch(/geheim/);
  });

  it('opens a store for a valid string without connecting yet', async () => {
    const store = EventStoreDbEventStore.connect('kurrentdb://127.0.0.1:1?tls=false');
    expect(store.adapter).toBe('eventstoredb');
    await store.close();
  });

  it('hides the password for logs, also in a host list', () => {
    expect(redactConnectionString('esdb://admin:geheim@a:2113,b:2113?tls=false')).toBe('esdb://admin:***@a:2113,b:2113?tls=false');
    expect(redactConnectionString('kurrentdb://db:2113?tls=false')).toBe('kurrentdb://db:2113?tls=false');
  });
});
