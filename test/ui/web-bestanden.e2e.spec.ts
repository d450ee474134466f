import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webMap } from '../../apps/api/src/web/web';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Web-interface: de gebouwde bestanden en wie-ben-ik (zonder browser)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('serveert de Vite-build op / en zijn bestanden onder /assets, zonder sleutel en onder de strikte CSP', async () => {
    const map = webMap();
    expect(map).not.toBeNull();
    const index = readFileSync(join(map!, 'index.html'), 'utf8');
    const script = /<script type="module" crossorigin src="(\/assets\/index-[\w-]+\.js)">/.exec(index)?.[1];
    const css = /<link rel="stylesheet" crossorigin href="(\/assets\/index-[\w-]+\.css)">/.exec(index)?.[1];
    expect({ script, css }).toEqual({ script: expect.any(String), css: expect.any(String) });

    const pagina = await t.http.get('/');
    expect(pagina.status).toBe(200);
    expect(pagina.type).toBe('text/html');
    expect(pagina.text).toBe(index);
    expect(pagina.headers['content-security-policy']).toContain("script-src 'self'");
    for (const [pad, type] of [
      [script!, 'text/javascript'],
      [css!, 'text/css'],
    ]) {
      const res = await t.http.get(pad);
      expect({ pad, status: res.status, type: res.type }).toEqual({ pad, status: 200, type });
      expect(res.headers['cache-control']).toContain('immutable');
    }
  });

  it('laat de API-routes met rust: zonder sleutel nog steeds 401, onbekend nog steeds 404, en geen bronbestanden', async () => {
    expect((await t.http.get('/afspraken')).status).toBe(401);
    expect((await t.http.get('/src/main.tsx')).status).toBe(404);
    expect((await t.http.get('/vite.config.ts')).status).toBe(404);
    expect((await t.http.get('/assets/bestaat-niet.js')).status).toBe(404);
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
