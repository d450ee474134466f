import { auth } from './fixtures';
import { startSecurityApp, type SecurityApp } from './security-app';

describe('De HTTP-rand: snelheidslimiet, headers, CORS en logs', () => {
  let t: SecurityApp;

  beforeAll(async () => {
    t = await startSecurityApp({ RATE_LIMIT_PER_MINUTE: '3', CORS_ORIGINS: 'https://dashboard.example.org', LOG_LEVEL: 'info' });
  });
  afterAll(() => t?.close());

  it('begrenst het aantal verzoeken per sleutel: de vierde binnen een minuut krijgt 429 met Retry-After', async () => {
    const eerste = await t.key('auditor');
    const tweede = await t.key('auditor');
    for (let i = 0; i < 3; i++) expect((await t.http.get('/programmas/ONBEKEND').set(auth(eerste))).status).toBe(404);
    const te = await t.http.get('/programmas/ONBEKEND').set(auth(eerste));
    expect(te.status).toBe(429);
    expect(Number(te.headers['retry-after'])).toBeGreaterThan(0);
    expect(te.body).toMatchObject({ statusCode: 429, code: 'TE_VEEL_VERZOEKEN', message: expect.stringContaining('3 per minuut') });
    // Another key has a bucket of its own, even from the same address.
    expect((await t.http.get('/programmas/ONBEKEND').set(auth(tweede))).status).toBe(404);
  });

  it('zet beveiligingsheaders (helmet) en verraadt het framework niet', async () => {
    const res = await t.http.get('/health');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('staat CORS alleen toe voor de ingestelde origins', async () => {
    const toegestaan = await t.http.options('/afspraken/TEST-1').set('Origin', 'https://dashboard.example.org').set('Access-Control-Request-Method', 'POST');
    expect(toegestaan.headers['access-control-allow-origin']).toBe('https://dashboard.example.org');
    expect(toegestaan.headers['access-control-allow-headers']).toContain('Idempotency-Key');
    const vreemd = await t.http.get('/health').set('Origin', 'https://evil.example');
    expect(vreemd.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('schrijft een verzoek in de log zonder de sleutel', async () => {
    const sleutel = await t.key('coordinator');
    const geheim = sleutel.slice(17);
    await t.http.get('/programmas/ONBEKEND').set(auth(sleutel)).set('Cookie', `sessie=${geheim}`);
    await t.http.get('/programmas/ONBEKEND').set('X-Api-Key', sleutel);
    const log = t.log();
    // One compact line per request: method, path, status and time; no headers, so no key or cookie.
    expect(log).toMatch(/"msg":"GET \/programmas\/ONBEKEND 404 \d+ ms"/);
    expect(log.toLowerCase()).not.toMatch(/authorization|cookie|x-api-key/);
    expect(log).not.toContain(geheim);
  });
});

describe('Zonder CORS_ORIGINS', () => {
  let t: SecurityApp;
  beforeAll(async () => {
    t = await startSecurityApp();
  });
  afterAll(() => t?.close());

  it('geeft geen enkele CORS-header, ook niet op een preflight', async () => {
    const res = await t.http.options('/afspraken/TEST-1').set('Origin', 'https://dashboard.example.org').set('Access-Control-Request-Method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
