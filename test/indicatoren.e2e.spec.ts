import { auth, startTazApp, type TestApp } from './support/test-app';

/** Issue 15: indicators and their measurements written through the API, not only from the programme file. */
describe('Indicatoren en metingen via de API (PostgreSQL)', () => {
  let t: TestApp;
  let coordinator: string;
  let vws: string;

  beforeAll(async () => {
    ({ t, coordinator, vws } = await startTazApp());
  });
  afterAll(() => t?.close());

  const indicator = {
    indicatorId: 'TAZ-I09',
    naam: 'Ziekteverzuim in zorg en welzijn',
    eenheid: '% van de werkdagen',
    doel: { waarde: 6, peiljaar: 2025, omschrijving: 'het verzuim daalt' },
    afspraakIds: ['TAZ-A03'],
  };
  const legVast = (body: object, key = coordinator, programma = 'TAZ') => t.http.post(`/programmas/${programma}/indicatoren`).set(auth(key)).send(body);
  const meet = (body: object, indicatorId = 'TAZ-I09', key = coordinator, programma = 'TAZ') =>
    t.http.post(`/programmas/${programma}/indicatoren/${indicatorId}/metingen`).set(auth(key)).send(body);
  const velden = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);
  const indicatoren = async (positie: number) =>
    (await t.http.get('/programmas/TAZ/indicatoren').set(auth(coordinator)).set('X-Na-Positie', String(positie))).body.indicatoren as { indicatorId: string; metingen: unknown[] }[];

  it('weigert slechte invoer met 400 op het veld, en schrijft niets', async () => {
    const voor = await t.eventCount();
    expect(velden(await legVast({ ...indicator, naam: '' }))).toEqual(['naam']);
    expect(velden(await legVast({ ...indicator, doel: { ...indicator.doel, peiljaar: 25 } }))).toEqual(['doel.peiljaar']);
    expect(velden(await legVast({ ...indicator, afspraakIds: ['TAZ-A03', 'BESTAAT-NIET'] }))).toEqual(['afspraakIds.1']);
    expect(await t.eventCount()).toBe(voor);
  });

  it('is voor de coördinator', async () => {
    expect((await legVast(indicator, vws)).status).toBe(403);
    expect((await meet({ waarde: 1, peildatum: '2023', bron: 'x' }, 'TAZ-I01', vws)).status).toBe(403);
  });

  it('404 voor een programma dat niet bestaat', async () => {
    expect((await legVast(indicator, coordinator, 'ONBEKEND')).status).toBe(404);
  });

  it('legt een indicator vast; GET /programmas/:id/indicatoren toont hem', async () => {
    const res = await legVast(indicator);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'TAZ-I09', events: [expect.objectContaining({ type: 'IndicatorVastgelegd' })] });
    expect((await indicatoren(res.body.position)).find((i) => i.indicatorId === 'TAZ-I09')).toMatchObject({ naam: indicator.naam, doel: indicator.doel, metingen: [] });
    expect((await legVast(indicator)).status).toBe(409);
  });

  it('registreert een meting (waarde, peildatum, bron); dezelfde nog eens schrijft niets', async () => {
    const meting = { waarde: 7.3, peildatum: '2023-06', bron: 'Vernet verzuimcijfers' };
    const res = await meet(meting);
    expect(res.status).toBe(201);
    expect(res.body.events).toEqual([expect.objectContaining({ type: 'MetingGeregistreerd' })]);
    expect((await indicatoren(res.body.position)).find((i) => i.indicatorId === 'TAZ-I09')?.metingen).toEqual([meting]);
    expect((await meet(meting)).body.events).toEqual([]);
  });

  it('weigert een slechte meting met 400 op het veld', async () => {
    expect(velden(await meet({ waarde: 'veel', peildatum: '2023', bron: 'x' }))).toEqual(['waarde']);
    expect(velden(await meet({ waarde: 1, peildatum: '2023-13', bron: 'x' }))).toEqual(['peildatum']);
    expect(velden(await meet({ waarde: 1, peildatum: '2023', bron: ' ' }))).toEqual(['bron']);
  });

  it('404 voor een onbekende indicator, ook voor een indicator van een ander programma', async () => {
    expect((await t.http.post('/programmas').set(auth(coordinator)).send({ programmaId: 'ANDER', naam: 'Ander', eigenaar: 'vws', bron: '' })).status).toBeLessThan(300);
    const voor = await t.eventCount();
    const onbekend = await meet({ waarde: 1, peildatum: '2023', bron: 'x' }, 'TAZ-I99');
    expect(onbekend.status).toBe(404);
    expect(onbekend.body.code).toBe('INDICATOR_ONBEKEND');
    expect((await meet({ waarde: 1, peildatum: '2023', bron: 'x' }, 'TAZ-I09', coordinator, 'ANDER')).status).toBe(404);
    expect(await t.eventCount()).toBe(voor);
  });
});
