import { ApiKeyStore } from '@afspraken/platform';
import { auth, startTestApp, type TestApp } from './support/test-app';


describe('Overzichten: status tegen de deadlines (PostgreSQL, projecties in het proces)', () => {
  let t: TestApp;
  let coordinator: string;
  let vws: string;
  let positie: number;
  const afspraakIn = (body: { items: { afspraakId: string }[] }, id: string) => body.items.find((a) => a.afspraakId === id) as Record<string, unknown> | undefined;

  beforeAll(async () => {
    t = await startTestApp('2023-03-01T09:00:00.000Z');
    coordinator = await t.key('coordinator');
    vws = await t.key('partij', 'vws');
    expect((await t.importeerTaz(coordinator)).status).toBe(200);
    const res = await t.http.post('/afspraken').set(auth(coordinator)).send({
      afspraakId: 'TEST-V1',
      programmaId: 'TAZ',
      opgaveId: 'TAZ-O5',
      titel: 'Proef met regionale kwartiermakers',
      tekst: 'VWS start met OCW een proef.',
      trekker: 'vws',
      betrokken: ['ocw'],
      deadlines: [{ omschrijving: 'Proef gestart', phrase: 'uiterlijk Q2 2023' }],
    });
    expect(res.status).toBe(201);
    positie = res.body.position;
  });
  afterAll(() => t?.close());

  it('read-your-writes: met naPositie wacht het overzicht op de eigen wijziging en zegt tot waar het is bijgewerkt', async () => {
    const res = await t.http.get(`/afspraken?partij=vws&naPositie=${positie}`).set(auth(vws));
    expect(res.status).toBe(200);
    expect(Number(res.headers['x-positie'])).toBeGreaterThanOrEqual(positie);
    expect(res.body.positie).toBe(Number(res.headers['x-positie']));
    expect(afspraakIn(res.body, 'TEST-V1')).toMatchObject({ status: 'op schema', levenscyclus: 'lopend', eerstvolgendeDue: '2023-06-30', trekker: 'vws' });
    const viaHeader = await t.http.get('/afspraken?partij=vws').set(auth(vws)).set('X-Na-Positie', String(positie));
    expect(viaHeader.status).toBe(200);
  });

  it('wordt binnenkort en dan verlopen doordat de klok verder loopt, zonder dat er een event wordt geschreven', async () => {
    const kop = await t.storage.events.headPosition();
    const status = async () => afspraakIn((await t.http.get(`/afspraken?partij=vws&naPositie=${positie}`).set(auth(coordinator))).body, 'TEST-V1')?.status;
    expect(await status()).toBe('op schema');
    t.clock.set('2023-06-15T09:00:00.000Z');
    expect(await status()).toBe('binnenkort');
    t.clock.set('2023-06-30T21:59:59.999Z');
    expect(await status()).toBe('binnenkort');
    t.clock.set('2023-06-30T22:00:00.000Z'); // midnight in Amsterdam: Q2 is over
    expect(await status()).toBe('verlopen');
    expect(await t.storage.events.headPosition()).toBe(kop);
  });

  it('een peildatum telt tot het eind van die dag in Amsterdam', async () => {
    t.clock.set('2023-03-01T09:00:00.000Z');
    const op = async (peildatum: string) => {
      const res = await t.http.get(`/afspraken?partij=vws&peildatum=${peildatum}`).set(auth(coordinator));
      return { peilmoment: res.body.peilmoment, status: afspraakIn(res.body, 'TEST-V1')?.status };
    };
    expect(await op('2023-06-30')).toEqual({ peilmoment: '2023-06-30T21:59:59.999Z', status: 'binnenkort' });
    expect(await op('2023-07-01')).toEqual({ peilmoment: '2023-07-01T21:59:59.999Z', status: 'verlopen' });
  });

  it('filtert op status, partij, programmalijn en kwartaal, en pagineert zonder iets over te slaan', async () => {
    const verlopen = await t.http.get('/afspraken?status=verlopen&peildatum=2023-07-01').set(auth(coordinator));
    expect(verlopen.status).toBe(200);
    expect(verlopen.body.totaal).toBeGreaterThan(0);
    expect(verlopen.body.items.length).toBeGreaterThan(0);
    expect(verlopen.body.items.filter((a: { status: string }) => a.status !== 'verlopen')).toEqual([]);
    expect(afspraakIn(verlopen.body, 'TEST-V1')).toBeDefined();

    const meerdere = await t.http.get('/afspraken?status=op-schema,binnenkort&peildatum=2023-07-01&perPagina=200').set(auth(coordinator));
    expect(meerdere.body.items.length).toBeGreaterThan(0);
    expect(meerdere.body.items.filter((a: { status: string }) => !['op schema', 'binnenkort'].includes(a.status))).toEqual([]);

    const lijnKwartaal = await t.http.get('/afspraken?programmalijn=TAZ-PL2&kwartaal=2023-Q2&perPagina=200').set(auth(coordinator));
    expect(afspraakIn(lijnKwartaal.body, 'TEST-V1')).toBeDefined();
    expect(lijnKwartaal.body.items.filter((a: { programmalijnId: string }) => a.programmalijnId !== 'TAZ-PL2')).toEqual([]);
    expect((await t.http.get('/afspraken?kwartaal=2031-Q1').set(auth(coordinator))).body).toMatchObject({ totaal: 0, items: [] });

    const alles = await t.http.get('/afspraken?perPagina=200').set(auth(coordinator));
    expect(alles.body.totaal).toBe(14 + 95 + 1);
    const paginas = [];
    for (let pagina = 1; pagina <= Math.ceil(alles.body.totaal / 25); pagina++) {
      const res = await t.http.get(`/afspraken?perPagina=25&pagina=${pagina}`).set(auth(coordinator));
      expect(res.body).toMatchObject({ pagina, perPagina: 25, totaal: alles.body.totaal, aantalPaginas: 5 });
      paginas.push(...res.body.items);
    }
    expect(paginas.map((a) => a.afspraakId)).toEqual(alles.body.items.map((a: { afspraakId: string }) => a.afspraakId));
    // Soonest deadline first; afspraken without one at the end.
    const due = alles.body.items.map((a: { eerstvolgendeDueAt: string | null }) => a.eerstvolgendeDueAt ?? '9999');
    expect(due).toEqual([...due].sort());
  });

  it('per partij: de lopende afspraken, eerstvolgende deadline eerst, met het aantal verlopen', async () => {
    const res = await t.http.get('/partijen/vws/afspraken?peildatum=2023-07-01&perPagina=200').set(auth(vws));
    expect(res.status).toBe(200);
    expect(res.body.partij).toMatchObject({ partijId: 'vws', naam: 'Ministerie van Volksgezondheid, Welzijn en Sport' });
    expect(res.body.aantallen.verlopen).toBe(res.body.items.filter((a: { status: string }) => a.status === 'verlopen').length);
    expect(res.body.aantallen.verlopen).toBeGreaterThan(0);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.filter((a: { trekker: string; betrokken: string[] }) => a.trekker !== 'vws' && !a.betrokken.includes('vws'))).toEqual([]);
    const v1 = afspraakIn(res.body, 'TEST-V1') as { partijen: unknown[] };
    expect(v1.partijen).toEqual([
      expect.objectContaining({ partijId: 'vws', rol: 'trekker', status: 'nog niets gerapporteerd' }),
      expect.objectContaining({ partijId: 'ocw', rol: 'betrokken' }),
    ]);
    expect((await t.http.get('/partijen/bestaat-niet/afspraken').set(auth(vws))).status).toBe(404);
  });

  it('programma-overzicht: aantallen per status en stoplicht per programmalijn en opgave, deadlines per kwartaal, verlopen lijst', async () => {
    const res = await t.http.get('/programmas/TAZ/overzicht?peildatum=2023-07-01').set(auth(coordinator));
    expect(res.status).toBe(200);
    expect(res.body.totaal.aantal).toBe(14 + 95 + 1);
    expect(Object.values(res.body.totaal.perStatus).reduce((a: number, b) => a + (b as number), 0)).toBe(14 + 95 + 1);
    expect(res.body.totaal.stoplicht).toBe('rood');
    expect(res.body.programmalijnen.map((l: { programmalijnId: string }) => l.programmalijnId)).toEqual(['TAZ-PL1', 'TAZ-PL2', 'TAZ-PL3']);
    expect(res.body.programmalijnen.filter((l: { naam: string; opgaven: unknown[] }) => !l.naam || l.opgaven.length === 0)).toEqual([]);
    expect(res.body.verlopen).toEqual(expect.arrayContaining([expect.objectContaining({ afspraakId: 'TEST-V1', deadlineId: 'd1', due: '2023-06-30', dagenTeLaat: 1 })]));
    const kwartalen = res.body.deadlinesPerKwartaal.map((k: { kwartaal: string }) => k.kwartaal);
    expect(kwartalen[0] >= '2023-Q3').toBe(true);
    expect(kwartalen).toEqual([...kwartalen].sort());
    expect((await t.http.get('/programmas/ONBEKEND/overzicht').set(auth(coordinator))).status).toBe(404);
  });

  it('een sleutel voor één programma ziet geen ander programma', async () => {
    const { key } = await t.app.get(ApiKeyStore).create({ naam: 'ander', rol: 'coordinator', programmaId: 'ANDER' });
    expect((await t.http.get('/programmas/TAZ/overzicht').set(auth(key))).status).toBe(403);
    expect((await t.http.get('/afspraken').set(auth(key))).body).toMatchObject({ totaal: 0 });
  });

  it('foute invoer: 400 met de naam van het veld', async () => {
    const gevallen: [string, string][] = [
      ['/afspraken?status=te-laat', 'status'],
      ['/afspraken?kwartaal=2023-Q5', 'kwartaal'],
      ['/afspraken?perPagina=0', 'perPagina'],
      ['/afspraken?perPagina=201', 'perPagina'],
      ['/afspraken?pagina=abc', 'pagina'],
      ['/afspraken?peildatum=2023-02-30', 'peildatum'],
      ['/afspraken?partij=../x', 'partij'],
      ['/afspraken?naPositie=1.5', 'naPositie'],
      ['/afspraken?sorteer=due', '(body)'],
      ['/programmas/TAZ/overzicht?pagina=1', '(body)'],
    ];
    for (const [url, veld] of gevallen) {
      const res = await t.http.get(url).set(auth(coordinator));
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(veld);
    }
    const header = await t.http.get('/afspraken').set(auth(coordinator)).set('X-Na-Positie', 'morgen');
    expect(header.status).toBe(400);
    expect(header.body.errors[0].field).toBe('X-Na-Positie');
  });

  it('een positie die nog niet verwerkt is: na hoogstens 5 s een 503 die zegt hoe ver het overzicht is', async () => {
    const res = await t.http.get(`/afspraken?naPositie=${positie + 4096 * 1_000_000}`).set(auth(coordinator));
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('LEESMODEL_LOOPT_ACHTER');
    expect(res.headers['retry-after']).toBe('1');
    expect(Number(res.headers['x-positie'])).toBeGreaterThanOrEqual(positie);
  });

  it('zonder sleutel geen overzicht', async () => {
    expect((await t.http.get('/afspraken')).status).toBe(401);
  });
});
