import { auth, startTazApp, TAZ_YAML, type TestApp } from './support/test-app';

/** Issue 15: the quarterly Bestuurlijk Overleg of TAZ comes from its rule, and one meeting can be moved or cancelled. */
describe('Het Bestuurlijk Overleg van TAZ volgens zijn regel (PostgreSQL)', () => {
  let t: TestApp;
  let coordinator: string;
  let vws: string;

  beforeAll(async () => {
    const gestart = await startTazApp();
    ({ t, coordinator, vws } = gestart);
    expect(gestart.tazImport.body.bestuurlijkOverlegRegel).toEqual({ nieuw: 1, bestond: 0 });
  });
  afterAll(() => t?.close());

  const programma = async () => (await t.http.get('/programmas/TAZ').set(auth(coordinator))).body.programma;
  const verplaats = (voorkomen: number | string, body: object, key = coordinator) =>
    t.http.post(`/programmas/TAZ/bestuurlijk-overleg/voorkomens/${voorkomen}/verplaatsen`).set(auth(key)).send(body);

  it('het bestand geeft de regel; de overleggen zijn haar voorkomens, één per kwartaal van Q4 2022 tot en met Q4 2025', async () => {
    const p = await programma();
    expect(p.bestuurlijkOverlegRegel.phrase).toBe('eens per kwartaal van Q4 2022 tot en met Q4 2025');
    expect(p.overlegVoorkomens).toHaveLength(13);
    expect(p.overlegVoorkomens[0]).toEqual({ nummer: 1, start: '2022-10-01', end: '2022-12-31', volgensRegel: '2022-12-30', datum: '2022-12-30', status: 'gepland', reden: null });
    expect(p.bestuurlijkOverleggen.slice(0, 2)).toEqual(['2022-12-30', '2023-03-31']);
  });

  it('een tweede import schrijft de regel niet nog eens', async () => {
    const res = await t.importeerTaz(coordinator);
    expect(res.status).toBe(200);
    expect(res.body.bestuurlijkOverlegRegel).toEqual({ nieuw: 0, bestond: 1 });
  });

  it('een import met een regel zonder einde is 400 op dat veld, en schrijft niets', async () => {
    const voor = await t.eventCount();
    const yaml = TAZ_YAML.replace('phrase: "eens per kwartaal van Q4 2022 tot en met Q4 2025"', 'phrase: "eens per kwartaal"');
    const res = await t.http.post('/programmas/import').set(auth(coordinator)).set('Content-Type', 'application/yaml').send(yaml);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'programma.bestuurlijkOverleg.phrase' })]);
    expect(await t.eventCount()).toBe(voor);
  });

  it('verplaatst één overleg met een reden; de andere houden hun dag', async () => {
    const res = await verplaats(2, { naar: '2023-03-16', reden: 'voor het Kamerdebat' });
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([expect.objectContaining({ type: 'BestuurlijkOverlegVerplaatst' })]);
    const p = await programma();
    expect(p.overlegVoorkomens[1]).toMatchObject({ nummer: 2, volgensRegel: '2023-03-31', datum: '2023-03-16', status: 'verplaatst', reden: 'voor het Kamerdebat' });
    expect(p.bestuurlijkOverleggen.slice(0, 3)).toEqual(['2022-12-30', '2023-03-16', '2023-06-30']);
  });

  it('weigert een voorkomen dat de regel niet heeft, een onmogelijke dag en een lege reden met 400 op het veld, en schrijft niets', async () => {
    const voor = await t.eventCount();
    const velden = async (voorkomen: number | string, body: object) => ((await verplaats(voorkomen, body)).body.errors ?? []).map((e: { field: string }) => e.field);
    expect(await velden(14, { naar: '2026-01-15', reden: 'x' })).toEqual(['voorkomen']);
    expect(await velden('twee', { naar: '2023-03-16', reden: 'x' })).toEqual(['voorkomen']);
    expect(await velden(3, { naar: '2023-02-30', reden: 'x' })).toEqual(['naar']);
    expect(await velden(3, { naar: '2023-06-20', reden: ' ' })).toEqual(['reden']);
    expect(await t.eventCount()).toBe(voor);
  });

  it('is voor de coördinator', async () => {
    expect((await verplaats(3, { naar: '2023-06-20', reden: 'x' }, vws)).status).toBe(403);
  });

  it('gelast één overleg af; het telt niet meer als overleg', async () => {
    const res = await t.http.post('/programmas/TAZ/bestuurlijk-overleg/voorkomens/3/afgelasten').set(auth(coordinator)).send({ reden: 'geen agenda' });
    expect(res.status).toBe(200);
    const p = await programma();
    expect(p.overlegVoorkomens[2]).toMatchObject({ status: 'afgelast', reden: 'geen agenda' });
    expect(p.bestuurlijkOverleggen).not.toContain('2023-06-30');
    expect((await verplaats(3, { naar: '2023-06-20', reden: 'toch' })).status).toBe(409);
  });

  it('een los overleg (PlanBestuurlijkOverleg) komt naast die van de regel', async () => {
    expect((await t.http.post('/programmas/TAZ/bestuurlijk-overleggen').set(auth(coordinator)).send({ datum: '2023-05-10' })).status).toBe(200);
    expect((await programma()).bestuurlijkOverleggen.slice(0, 3)).toEqual(['2022-12-30', '2023-03-16', '2023-05-10']);
  });

  it('een nieuwe regel via de API vervangt de oude, met haar verplaatsingen', async () => {
    const fout = await t.http.put('/programmas/TAZ/bestuurlijk-overleg/regel').set(auth(coordinator)).send({ phrase: 'uiterlijk Q2 2023' });
    expect(fout.status).toBe(400);
    expect(fout.body.errors).toEqual([expect.objectContaining({ field: 'phrase' })]);
    const res = await t.http.put('/programmas/TAZ/bestuurlijk-overleg/regel').set(auth(coordinator)).send({ phrase: 'eens per kwartaal in 2023' });
    expect(res.status).toBe(200);
    expect((await programma()).bestuurlijkOverleggen).toEqual(['2023-03-31', '2023-05-10', '2023-06-30', '2023-09-29', '2023-12-29']);
  });
});
