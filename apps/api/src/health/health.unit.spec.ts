import { zonderGeheimen } from './health.controller';

describe('Een fouttekst voor /health/details', () => {
  const gevallen: [string, string][] = [
    ['connect ECONNREFUSED 127.0.0.1:5432', 'connect ECONNREFUSED [adres]'],
    ['kan postgres://afspraken:geheim@db.example.org:5432/afspraken?sslmode=require&password=geheim niet openen', 'kan [url] niet openen'],
    ['password authentication failed for user "afspraken"', 'password authentication failed for user [verborgen]'],
    ['host=db port=5432 password=geheim dbname=x', 'host=db port=5432 password=[verborgen] dbname=x'],
    ['getaddrinfo ENOTFOUND db.example.org:5432', 'getaddrinfo ENOTFOUND [adres]'],
    ['connect ECONNREFUSED [::1]:5432', 'connect ECONNREFUSED [adres]'],
  ];
  for (const [fout, verwacht] of gevallen) it(`${fout} → ${verwacht}`, () => expect(zonderGeheimen(fout)).toBe(verwacht));

  it('laat een tekst zonder geheimen staan', () => expect(zonderGeheimen('Connection terminated unexpectedly')).toBe('Connection terminated unexpectedly'));
});
