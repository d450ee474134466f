import { auth, startTazApp, type TestApp } from './support/test-app';

/** POST /afspraken/:id/ankers: the date of the event a relative deadline waits for (issue 15 point 2). */
describe('Een anker vastleggen via de API (PostgreSQL)', () => {
  let t: TestApp;
  let coordinator: string;
  let vws: string;

  beforeAll(async () => {
    ({ t, coordinator, vws } = await startTazApp());
    const vastgelegd = await t.http
      .post('/afspraken')
      .set(auth(coordinator))
      .send({
        afspraakId: 'TEST-ANKER',
        programmaId: 'TAZ',
        opgaveId: 'TAZ-O5',
        titel: 'Evaluatie na vaststelling',
        tekst: 'VWS evalueert binnen drie maanden na vaststelling van het plan.',
        trekker: 'vws',
        betrokken: [],
        deadlines: [{ omschrijving: 'Evaluatie', phrase: 'binnen drie maanden na vaststelling' }],
      });
    expect(vastgelegd.status).toBe(201);
  });
  afterAll(() => t?.close());

  const mijlpaal = async () => (await t.http.get('/afspraken/TEST-ANKER').set(auth(coordinator))).body.afspraak.mijlpalen[0];

  it('refuses an unknown anchor with 400 naming it, and writes nothing', async () => {
    const voor = await t.eventCount();
    const res = await t.http.post('/afspraken/TEST-ANKER/ankers').set(auth(coordinator)).send({ anker: 'diplomering', datum: '2023-03-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'anker', message: expect.stringContaining('"diplomering"') })]);
    expect(await t.eventCount()).toBe(voor);
  });

  it('refuses an impossible date with 400 naming the field', async () => {
    const res = await t.http.post('/afspraken/TEST-ANKER/ankers').set(auth(coordinator)).send({ anker: 'vaststelling', datum: '2023-02-30' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('datum');
  });

  it('is for the coordinator only', async () => {
    expect((await t.http.post('/afspraken/TEST-ANKER/ankers').set(auth(vws)).send({ anker: 'vaststelling', datum: '2023-03-01' })).status).toBe(403);
  });

  it('gives the waiting milestone its due date', async () => {
    expect(await mijlpaal()).toMatchObject({ deadline: { kind: 'relatief', anker: 'vaststelling', due: null } });
    const res = await t.http.post('/afspraken/TEST-ANKER/ankers').set(auth(coordinator)).send({ anker: 'vaststelling', datum: '2023-03-01' });
    expect(res.status).toBe(200);
    expect(await mijlpaal()).toMatchObject({ deadline: { kind: 'relatief', ankerdatum: '2023-03-01', start: '2023-03-01', due: '2023-06-01' } });
  });
});
