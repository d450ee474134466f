import { startTestApp, type TestApp } from '../support/test-app';

describe('Web-interface: de bestanden en wie-ben-ik (zonder browser)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('serveert de pagina op / en de modules op /vendor, zonder sleutel en onder de strikte CSP', async () => {
    const pagina = await t.http.get('/');
    expect(pagina.status).toBe(200);
    expect(pagina.type).toBe('text/html');
    expect(pagina.text).toContain('<script type="module" src="/app.js">');
    expect(pagina.headers['content-security-policy']).toContain("script-src 'self'");
    for (const [pad, type] of [
      ['/app.js', 'text/javascript'],
      ['/pages/dashboard.js', 'text/javascript'],
      ['/vendor/htm/standalone.module.js', 'text/javascript'],
      ['/vendor/pico/pico.min.css', 'text/css'],
    ]) {
      const res = await t.http.get(pad);
      expect({ pad, status: res.status, type: res.type }).toEqual({ pad, status: 200, type });
    }
  });

  it('laat de API-routes met rust: zonder sleutel nog steeds 401, onbekend nog steeds 404', async () => {
    expect((await t.http.get('/afspraken')).status).toBe(401);
    expect((await t.http.get('/vendor/htm/package.json')).status).toBe(404);
    expect((await t.http.get('/bestaat-niet.js')).status).toBe(404);
  });

  it('GET /ik zegt wie de sleutel is, zodat de interface per rol kan tonen wat mag', async () => {
    const vws = await t.key('partij', 'vws');
    const res = await t.http.get('/ik').set('Authorization', `Bearer ${vws}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rol: 'partij', partijId: 'vws', programmaId: null, via: 'api-sleutel' });
    expect(res.body.actor).toMatch(/^sleutel:/);
    expect((await t.http.get('/ik')).status).toBe(401);
  });
});
