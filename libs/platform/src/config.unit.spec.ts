import { ConfigError, loadConfig } from './config';

describe('EVENTSTORE_URL in the configuration', () => {
  it.each([
    'kurrentdb://kurrentdb:2113?tls=false',
    'esdb://admin:changeit@n1:2113,n2:2113,n3:2113?nodePreference=leader',
    'kurrentdb+discover://admin:changeit@cluster.example.nl:2113',
  ])('takes %s, also a cluster host list that is no URL', (url) => {
    expect(loadConfig({ EVENTSTORE_URL: url }).EVENTSTORE_URL).toBe(url);
  });

  it('treats an empty value as not set', () => {
    expect(loadConfig({ EVENTSTORE_URL: '  ' }).EVENTSTORE_URL).toBeUndefined();
  });

  it('refuses another scheme, naming the field and without the password', () => {
    expect(() => loadConfig({ EVENTSTORE_URL: 'postgres://admin:geheim@db:5432/x' })).toThrow(ConfigError);
    expect(() => loadConfig({ EVENTSTORE_URL: 'postgres://admin:geheim@db:5432/x' })).toThrow(/^Ongeldige configuratie: EVENTSTORE_URL: EVENTSTORE_URL moet beginnen met esdb:\/\//);
    expect(() => loadConfig({ EVENTSTORE_URL: 'postgres://admin:geheim@db:5432/x' })).not.toThrow(/geheim/);
  });
});
