import { auth, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 16: the agenda of a Bestuurlijk Overleg as a document (Markdown): what changed since the previous
 * meeting, and every overdue and at-risk milestone, none left out.
 */
describe('De agenda van het Bestuurlijk Overleg (PostgreSQL)', () => {
  let t: TestApp;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestApp('2023-03-01T09:00:00.000Z');
    coordinator = await t.key('coordinator');
    expect((await t.importeerTaz(coordinator)).status).toBe(200);
    const verschoven = await t.http
      .post('/afspraken/TAZ-A09/deadlines/d1/verschuiven')
      .set(auth(coordinator))
      .send({ phrase: 'per 1 juli 2024', reden: 'brancheoverleg loopt uit', besluitorgaan: 'Bestuurlijk Overleg TAZ' });
    expect(verschoven.status).toBe(200);
  });
  afterAll(() => t?.close());

  const agenda = (query: string, key = coordinator) => t.http.get(`/programmas/TAZ/bestuurlijk-overleg/agenda${query}`).set(auth(key));

  it('geeft Markdown met wat er sinds het vorige overleg veranderde: de herplanning met haar reden, de nieuwe afspraken', async () => {
    const res = await agenda('?datum=2023-03-31');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown/);
    expect(res.text).toContain('# Agenda Bestuurlijk Overleg 2023-03-31');
    expect(res.text).toContain('Wijzigingen sinds het vorige overleg van 2022-12-30.');
    const herplanningen = res.text.slice(res.text.indexOf('### Herplanningen'), res.text.indexOf('### Leveringen'));
    expect(herplanningen).toContain('### Herplanningen (1)');
    expect(herplanningen).toContain(`[TAZ-A09](${t.config.PUBLIC_URL.replace(/\/$/, '')}/#/afspraak/TAZ-A09)`);
    expect(herplanningen).toContain('brancheoverleg loopt uit');
    expect(res.text).toMatch(/### Nieuwe afspraken \(\d+\)/);
  });

  it('noemt elke verlopen en elke binnenkort vervallende mijlpaal van het overzicht, zonder er een weg te laten', async () => {
    const overzicht = (await t.http.get('/programmas/TAZ/overzicht?peildatum=2023-03-31').set(auth(coordinator))).body;
    const binnenkort = overzicht.deadlinesPerKwartaal.flatMap((k: { mijlpalen: { status: string }[] }) => k.mijlpalen).filter((m: { status: string }) => m.status === 'binnenkort');
    expect(overzicht.verlopen.length + binnenkort.length).toBeGreaterThan(0);
    const res = await agenda('?datum=2023-03-31');
    const verlopen = res.text.slice(res.text.indexOf('## 2. Verlopen'), res.text.indexOf('## 3. Binnenkort'));
    const komend = res.text.slice(res.text.indexOf('## 3. Binnenkort'));
    expect(verlopen).toContain(`## 2. Verlopen mijlpalen (${overzicht.verlopen.length})`);
    expect(komend).toContain(`## 3. Binnenkort (${binnenkort.length})`);
    expect(verlopen.split('\n').filter((r) => r.startsWith('| ['))).toHaveLength(overzicht.verlopen.length);
    expect(komend.split('\n').filter((r) => r.startsWith('| ['))).toHaveLength(binnenkort.length);
  });

  it('weigert een partij (403) en een agenda zonder geldige datum (400 op datum)', async () => {
    expect((await agenda('?datum=2023-03-31', await t.key('partij', 'vws'))).status).toBe(403);
    const zonder = await agenda('');
    expect(zonder.status).toBe(400);
    expect(JSON.stringify(zonder.body)).toContain('datum');
    expect((await agenda('?datum=morgen')).status).toBe(400);
  });

  it('geeft 404 voor een programma dat niet bestaat', async () => {
    expect((await t.http.get('/programmas/ONBEKEND/bestuurlijk-overleg/agenda?datum=2023-03-31').set(auth(coordinator))).status).toBe(404);
  });
});
