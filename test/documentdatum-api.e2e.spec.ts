import { auth, startTestApp, type TestApp } from './support/test-app';

/**
 * Phrases that lean on "now", entered through the API: a new afspraak or milestone of a programme is
 * read against the programme's documentdatum (TAZ: 30 September 2022), as the import reads the file;
 * a re-plan against the date of its decision.
 */
describe('Deadline phrases through the API, read against the programme document (PostgreSQL)', () => {
  let t: TestApp;
  let coordinator: string;
  const mijlpalen = async (afspraakId: string) => (await t.http.get(`/afspraken/${afspraakId}`).set(auth(coordinator))).body.afspraak.mijlpalen;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.key('coordinator');
    expect((await t.importeerTaz(coordinator)).status).toBe(200);
    const res = await t.http.post('/afspraken').set(auth(coordinator)).send({
      afspraakId: 'TEST-DD1',
      programmaId: 'TAZ',
      opgaveId: 'TAZ-O5',
      titel: 'Brief aan de Kamer',
      tekst: 'VWS stuurt voor de zomer een brief.',
      trekker: 'vws',
      betrokken: [],
      deadlines: [{ omschrijving: 'Brief verstuurd', phrase: 'voor de zomer' }],
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => t?.close());

  it('registers "voor de zomer" as before the summer after the documentdatum, and says which date it used', async () => {
    const [d1] = await mijlpalen('TEST-DD1');
    expect(d1.deadline).toMatchObject({ kind: 'uiterlijk', due: '2023-05-31', referentie: { soort: 'documentdatum', datum: '2022-09-30' } });
  });

  it('adds a milestone "eind dit jaar" as the end of 2022, the year of the document', async () => {
    const res = await t.http.post('/afspraken/TEST-DD1/deadlines').set(auth(coordinator)).send({ omschrijving: 'Reactie', phrase: 'eind dit jaar' });
    expect(res.status).toBe(200);
    const [, d2] = await mijlpalen('TEST-DD1');
    expect(d2.deadline).toMatchObject({ due: '2022-12-31', referentie: { datum: '2022-09-30' } });
  });

  it('reads a re-plan against its besluitdatum, and leaves it vague without one', async () => {
    const verschuif = (body: object) => t.http.post('/afspraken/TEST-DD1/deadlines/d1/verschuiven').set(auth(coordinator)).send({ reden: 'Later', besluitorgaan: 'BO TAZ', ...body });
    expect((await verschuif({ phrase: 'voor de zomer', besluitdatum: '2024-03-01' })).status).toBe(200);
    expect((await mijlpalen('TEST-DD1'))[0].deadline).toMatchObject({ due: '2024-05-31', referentie: { soort: 'opgegeven', datum: '2024-03-01' } });
    expect((await verschuif({ phrase: 'na de zomer' })).status).toBe(200);
    expect((await mijlpalen('TEST-DD1'))[0].deadline).toMatchObject({ kind: 'vaag', due: null });
  });
});
