import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { CONTACT_TOEGEVOEGD, streams } from '@afspraken/domain';
import { auth, hs256, JWT_AUDIENCE, JWT_ENV, JWT_ISSUER, seed } from './fixtures';
import { startSecurityApp, type SecurityApp } from './security-app';

describe('Wie mag wat (PostgreSQL, HTTP)', () => {
  let t: SecurityApp;
  let coordinator: string;

  beforeAll(async () => {
    t = await startSecurityApp(JWT_ENV);
    coordinator = await t.key('coordinator');
    await seed(t, coordinator);
  });
  afterAll(() => t?.close());

  describe('JWT (HS256)', () => {
    it('laat een partij met een token voortgang rapporteren en legt actor, rol en partij vast', async () => {
      const token = await hs256(t, { sub: 'jan@vws.nl', rol: 'partij', partij: 'vws' });
      const res = await t.http.post('/afspraken/TEST-1/voortgang').set(auth(token)).send({ partijId: 'vws', percentage: 30, toelichting: 'Gestart' });
      expect(res.status).toBe(200);
      const events = await t.storage.events.readStream(streams.afspraak('TEST-1'));
      expect(events[events.length - 1].metadata).toMatchObject({ actor: 'jwt:jan@vws.nl', rol: 'partij', partijId: 'vws' });
    });

    it('een coördinator-token leest alles, een auditor-token schrijft niets', async () => {
      const coord = await hs256(t, { sub: 'piet@minvws.nl', rol: 'coordinator' });
      expect((await t.http.get('/afspraken/ANDER-1').set(auth(coord))).status).toBe(200);
      const audit = await hs256(t, { sub: 'adr@rijksauditdienst.nl', rol: 'auditor' });
      expect((await t.http.get('/afspraken/TEST-1/geschiedenis').set(auth(audit))).status).toBe(200);
      expect((await t.http.post('/afspraken/TEST-1/intrekken').set(auth(audit)).send({ reden: 'x' })).status).toBe(403);
    });

    it('een token dat met de klok van de app verloopt, werkt daarna niet meer', async () => {
      const token = await hs256(t, { sub: 'kort@vws.nl', rol: 'auditor' }, { verlooptOver: 60 });
      expect((await t.http.get('/programmas/TAZ').set(auth(token))).status).toBe(200);
      t.clock.advance(2 * 60_000);
      const res = await t.http.get('/programmas/TAZ').set(auth(token));
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'JWT_VERLOPEN', message: expect.stringContaining('verlopen') });
    });
  });

  describe('wat een partij leest', () => {
    it('zonder programma op de sleutel: alleen afspraken waar zij trekker of betrokkene is', async () => {
      const ocw = await t.key('partij', { partijId: 'ocw' });
      const sbb = await t.key('partij', { partijId: 'sbb' });
      expect((await t.http.get('/afspraken/TEST-1').set(auth(ocw))).status).toBe(200);
      expect((await t.http.get('/afspraken/TEST-1').set(auth(sbb))).status).toBe(403);
    });

    it('met een programma op de sleutel: nog steeds alleen de eigen afspraken, en alleen in dat programma', async () => {
      const sbbTaz = await t.key('partij', { partijId: 'sbb', programmaId: 'TAZ' });
      const ocwTaz = await t.key('partij', { partijId: 'ocw', programmaId: 'TAZ' });
      expect((await t.http.get('/afspraken/TEST-1').set(auth(sbbTaz))).status).toBe(403);
      expect((await t.http.get('/afspraken/TEST-1/geschiedenis').set(auth(sbbTaz))).status).toBe(403);
      expect((await t.http.get('/afspraken/TEST-1').set(auth(ocwTaz))).status).toBe(200);
      expect((await t.http.get('/afspraken/ANDER-1').set(auth(ocwTaz))).status).toBe(403);
      expect((await t.http.get('/programmas/ANDER').set(auth(sbbTaz))).status).toBe(403);
      expect((await t.http.get('/programmas/TAZ').set(auth(sbbTaz))).status).toBe(200);
      const schrijf = await t.http.post('/afspraken/TEST-1/voortgang').set(auth(sbbTaz)).send({ partijId: 'sbb', percentage: 10, toelichting: 'x' });
      expect(schrijf.status).toBe(403);
    });
  });

  describe('sleutels beheren via de API', () => {
    it('toont een nieuwe sleutel één keer; de lijst bevat nooit een geheim; intrekken werkt meteen', async () => {
      const gemaakt = await t.http.post('/sleutels').set(auth(coordinator)).send({ naam: 'OCW-systeem', rol: 'partij', partijId: 'ocw', programmaId: 'TAZ' });
      expect(gemaakt.status).toBe(201);
      expect(gemaakt.headers['cache-control']).toBe('no-store');
      expect(gemaakt.body).toMatchObject({ naam: 'OCW-systeem', rol: 'partij', partijId: 'ocw', programmaId: 'TAZ', ingetrokkenOp: null });
      const sleutel: string = gemaakt.body.sleutel;
      expect(sleutel).toMatch(/^afs_[a-z0-9]{12}_/);
      expect((await t.http.get('/afspraken/TEST-1').set(auth(sleutel))).status).toBe(200);

      const lijst = await t.http.get('/sleutels').set(auth(coordinator));
      expect(lijst.status).toBe(200);
      expect(lijst.body.map((k: { id: string }) => k.id)).toContain(gemaakt.body.id);
      const tekst = JSON.stringify(lijst.body);
      expect(tekst).not.toContain(sleutel.slice(17));
      expect(tekst).not.toMatch(/secret|hash|sleutel"/i);

      const ingetrokken = await t.http.post(`/sleutels/${gemaakt.body.id}/intrekken`).set(auth(coordinator));
      expect(ingetrokken.status).toBe(200);
      expect(ingetrokken.body.ingetrokkenOp).toEqual(expect.any(String));
      expect((await t.http.get('/afspraken/TEST-1').set(auth(sleutel))).status).toBe(401);
    });

    it('een coördinator van één programma maakt, ziet en trekt alleen sleutels van dat programma in', async () => {
      const taz = await t.key('coordinator', { programmaId: 'TAZ' });
      const gemaakt = await t.http.post('/sleutels').set(auth(taz)).send({ naam: 'auditdienst TAZ', rol: 'auditor' });
      expect(gemaakt.status).toBe(201);
      expect(gemaakt.body.programmaId).toBe('TAZ');

      const lijst = await t.http.get('/sleutels').set(auth(taz));
      expect(lijst.body.length).toBeGreaterThan(0);
      expect(lijst.body.every((k: { programmaId: string | null }) => k.programmaId === 'TAZ')).toBe(true);

      const onbeperkt = await t.http.post('/sleutels').set(auth(coordinator)).send({ naam: 'overal', rol: 'auditor' });
      const res = await t.http.post(`/sleutels/${onbeperkt.body.id}/intrekken`).set(auth(taz));
      expect(res.status).toBe(403);
      expect((await t.http.get('/programmas/TAZ').set(auth(onbeperkt.body.sleutel))).status).toBe(200);
    });
  });

  describe('geheimen van partijen', () => {
    it('geeft van een contact alleen de bekende velden terug, nooit een webhookgeheim', async () => {
      // As the webhook feature may store it: an extra field on the contact in the event.
      const stream = streams.partij('vws');
      const revision = (await t.storage.events.readStream(stream)).length - 1;
      await t.storage.events.appendToStream(
        stream,
        [
          {
            id: '3f0c2c4e-6a43-4c4c-9c55-0d3d6b7c2a10',
            type: CONTACT_TOEGEVOEGD,
            data: {
              partijId: 'vws',
              contact: { contactId: 'c-hook', naam: 'Webhook VWS', email: 'hook@vws.nl', functie: null, webhookUrl: 'https://vws.nl/hook', webhookSecret: 'whsec_nooit-tonen' },
              toegevoegdOp: '2023-03-01T09:00:00.000Z',
            },
            metadata: {},
          },
        ],
        { expectedRevision: revision },
      );
      for (const key of [coordinator, await t.key('auditor'), await t.key('partij', { partijId: 'vws' })]) {
        const res = await t.http.get('/partijen/vws').set(auth(key));
        expect(res.status).toBe(200);
        expect(res.body.partij.contacten).toContainEqual({ contactId: 'c-hook', naam: 'Webhook VWS', email: 'hook@vws.nl', functie: null });
        expect(JSON.stringify(res.body)).not.toMatch(/whsec_|webhookSecret|webhookUrl/);
      }
    });
  });

  it('bewaart <script> in tekst letterlijk en geeft het alleen als JSON terug, nooit als HTML', async () => {
    const vws = await t.key('partij', { partijId: 'vws' });
    const toelichting = '<script>alert("xss")</script> & <b>vet</b>';
    const res = await t.http.post('/afspraken/TEST-1/voortgang').set(auth(vws)).send({ partijId: 'vws', percentage: 50, toelichting });
    expect(res.status).toBe(200);
    const getoond = await t.http.get('/afspraken/TEST-1').set(auth(vws));
    expect(getoond.headers['content-type']).toMatch(/^application\/json/);
    expect(getoond.headers['x-content-type-options']).toBe('nosniff');
    expect(getoond.body.afspraak.voortgang.vws.toelichting).toBe(toelichting);
  });
});

describe('JWT via een JWKS van de identiteitsprovider (RS256)', () => {
  let t: SecurityApp;
  let jwks: Server;
  let sign: (claims: Record<string, unknown>, kid?: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'sleutel-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    t = await startSecurityApp({ JWT_JWKS_URL: url, JWT_ISSUER, JWT_AUDIENCE });
    await seed(t, await t.key('coordinator'));
    sign = (claims, kid = 'sleutel-1') => {
      const now = Math.floor(t.clock.now().getTime() / 1000);
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setIssuedAt(now).setExpirationTime(now + 600).sign(privateKey);
    };
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('accepteert een token getekend met de sleutel uit de JWKS', async () => {
    const res = await t.http.get('/afspraken/TEST-1').set(auth(await sign({ sub: 'jan@vws.nl', rol: 'partij', partij: 'vws' })));
    expect(res.status).toBe(200);
  });

  it('weigert een token met een onbekende kid of een HS256-token met de publieke sleutel als geheim', async () => {
    const onbekend = await t.http.get('/afspraken/TEST-1').set(auth(await sign({ sub: 'a', rol: 'coordinator' }, 'sleutel-2')));
    expect(onbekend.status).toBe(401);
    const hs = await hs256(t, { sub: 'a', rol: 'coordinator' });
    const res = await t.http.get('/afspraken/TEST-1').set(auth(hs));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('JWT_ALGORITME');
  });
});

describe('JWT terwijl de JWKS onbereikbaar is', () => {
  let t: SecurityApp;
  beforeAll(async () => {
    // A port nobody listens on: the server we just closed.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    t = await startSecurityApp({ JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, JWT_ISSUER, JWT_AUDIENCE });
  });
  afterAll(() => t?.close());

  it('antwoordt 503 (niet de schuld van het token), en een API-sleutel werkt gewoon', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const token = await new SignJWT({ sub: 'a', rol: 'auditor' }).setProtectedHeader({ alg: 'RS256', kid: 'k' }).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setIssuedAt(now).setExpirationTime(now + 600).sign(privateKey);
    const res = await t.http.get('/programmas/TAZ').set(auth(token));
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('JWKS_ONBEREIKBAAR');
    expect((await t.http.get('/programmas/TAZ').set(auth(await t.key('auditor')))).status).toBe(404);
  });
});
