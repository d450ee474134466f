import { auth, startTestApp, type TestApp } from '../support/test-app';

const URL_MET_WACHTWOORD = 'postgres://afspraken:s3cr3t-wachtwoord@db.intern.example:5432/afspraken?password=s3cr3t-wachtwoord';
const GEHEIMEN = ['s3cr3t', 'afspraken:', 'db.intern.example', '5432', 'postgres://', 'password=s'];

const zonderGeheimen = (tekst: string) => {
  for (const geheim of GEHEIMEN) expect(tekst).not.toContain(geheim);
};

describe('/health: publiek alleen up of down, details voor een coördinator zonder URL of inloggegevens', () => {
  describe('met een bereikbare opslag en een DATABASE_URL met wachtwoord', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(undefined, { env: { DATABASE_URL: URL_MET_WACHTWOORD } });
    });
    afterAll(() => t?.close());

    it('zegt publiek alleen up', async () => {
      const res = await t.http.get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'up' });
    });

    it('geeft een coördinator de details, zonder URL', async () => {
      const res = await t.http.get('/health/details').set(auth(await t.key('coordinator')));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'up', onderdelen: { eventStore: { status: 'up', adapter: 'postgres', positie: expect.any(Number), fout: null } } });
      zonderGeheimen(res.text);
    });

    it('geeft de details aan niemand anders', async () => {
      expect((await t.http.get('/health/details')).status).toBe(401);
      expect((await t.http.get('/health/details').set(auth(await t.key('auditor')))).status).toBe(403);
      expect((await t.http.get('/health/details').set(auth(await t.key('partij', 'vws')))).status).toBe(403);
    });
  });

  describe('als de database niet bereikbaar is', () => {
    let t: TestApp;
    beforeAll(async () => {
      // The store as it fails when the database is down: pg's message, here with the URL in it.
      t = await startTestApp(undefined, {
        env: { DATABASE_URL: URL_MET_WACHTWOORD },
        events: (events) =>
          Object.assign(Object.create(events), {
            headPosition: () => Promise.reject(new Error(`connect ECONNREFUSED 10.0.0.7:5432 (${URL_MET_WACHTWOORD}) password authentication failed for user "afspraken"`)),
          }),
      });
    });
    afterAll(() => t?.close());

    it('zegt publiek alleen down, met 503', async () => {
      const res = await t.http.get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'down' });
    });

    it('geeft een coördinator de fout zonder adres, URL of gebruiker', async () => {
      const res = await t.http.get('/health/details').set(auth(await t.key('coordinator')));
      expect(res.status).toBe(503);
      expect(res.body.onderdelen.eventStore).toMatchObject({ status: 'down', positie: null, fout: expect.stringContaining('ECONNREFUSED') });
      zonderGeheimen(res.text);
    });
  });
});
