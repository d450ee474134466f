import { streams } from '@afspraken/domain';
import { verifyChain } from '@afspraken/application';
import { auth, startTestApp, TAZ_YAML, type TestApp } from './support/test-app';


describe('Afspraken API (PostgreSQL)', () => {
  let t: TestApp;
  let coordinator: string;
  let vws: string;
  let ocw: string;
  let auditor: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.key('coordinator');
    vws = await t.key('partij', 'vws');
    ocw = await t.key('partij', 'ocw');
    auditor = await t.key('auditor');
  });
  afterAll(() => t?.close());

  const nieuweAfspraak = (afspraakId: string, extra: object = {}) => ({
    afspraakId,
    programmaId: 'TAZ',
    opgaveId: 'TAZ-O5',
    titel: 'Proef met regionale kwartiermakers',
    tekst: 'VWS start met OCW een proef met kwartiermakers in drie regio’s.',
    trekker: 'vws',
    betrokken: ['ocw'],
    deadlines: [{ omschrijving: 'Proef gestart', phrase: 'uiterlijk Q2 2023' }],
    ...extra,
  });

  describe('importing the TAZ programme', () => {
    it('imports everything through the command path, and a second import writes nothing', async () => {
      const first = await t.importeerTaz(coordinator);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ programmaId: 'TAZ', afspraken: { nieuw: 14 }, programmalijnen: { nieuw: 3 }, opgaven: { nieuw: 8 } });
      expect(first.body.acties.nieuw).toBe(95);
      expect(first.body.eventsGeschreven).toBeGreaterThan(200);

      const eventsBefore = await t.eventCount();
      const second = await t.importeerTaz(coordinator);
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ eventsGeschreven: 0, afspraken: { nieuw: 0, bestond: 14 }, acties: { nieuw: 0, bestond: 95 } });
      expect(await t.eventCount()).toBe(eventsBefore);
    });

    it('refuses a file with problems, names each one, and writes nothing', async () => {
      const eventsBefore = await t.eventCount();
      const kapot = TAZ_YAML.replace('id: TAZ-A01', 'id: TAZ-X01').replace('trekker: vws', 'trekker: bestaat-niet').replace('phrase: "uiterlijk Q2 2023"', 'phrase: "uiterlijk Q5 2023"');
      const res = await t.http.post('/programmas/import').set(auth(coordinator)).set('Content-Type', 'application/yaml').send(kapot);
      expect(res.status).toBe(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields.some((f: string) => f.endsWith('.trekker'))).toBe(true);
      expect(fields.some((f: string) => f.endsWith('.phrase'))).toBe(true);
      expect(await t.eventCount()).toBe(eventsBefore);
    });

    it('refuses a file of another programme that names an afspraak of TAZ, naming the entry, and writes nothing', async () => {
      const eventsBefore = await t.eventCount();
      const vreemd = [
        'versie: 1',
        'programma: { id: ANDER, naam: Een ander programma, eigenaar: vws }',
        'programmalijnen:',
        '  - { id: ANDER-PL1, nummer: 1, naam: Lijn, opgaven: [{ id: ANDER-O1, nummer: 1, naam: Opgave }] }',
        'afspraken:',
        '  - id: TAZ-A08',
        '    nummer: 1',
        '    opgave: ANDER-O1',
        '    titel: Een deadline erbij',
        '    tekst: Deze afspraak hoort bij TAZ.',
        '    trekker: vws',
        '    deadlines: [{ id: d9, omschrijving: Erbij, phrase: uiterlijk Q4 2030 }]',
      ].join('\n');
      const res = await t.http.post('/programmas/import').set(auth(coordinator)).set('Content-Type', 'application/yaml').send(vreemd);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'afspraken.0.id', message: 'TAZ-A08 bestaat al in programma TAZ, niet in ANDER' }]);
      expect(await t.eventCount()).toBe(eventsBefore);
      const a08 = (await t.http.get('/afspraken/TAZ-A08').set(auth(coordinator))).body.afspraak;
      expect(a08.mijlpalen.map((m: { deadlineId: string }) => m.deadlineId)).not.toContain('d9');
    });

    it("checks each afspraak by the decider's own rules before writing any (trekker also betrokken)", async () => {
      const eventsBefore = await t.eventCount();
      const kapot = TAZ_YAML.replaceAll('TAZ-A01', 'TAZ-X02').replace(/trekker: (\S+)\n(\s+)betrokken: \[/, 'trekker: $1\n$2betrokken: [$1, ');
      const res = await t.http.post('/programmas/import').set(auth(coordinator)).set('Content-Type', 'application/yaml').send(kapot);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'afspraken.0.betrokken', message: 'De trekker staat ook bij betrokken' })]);
      expect(await t.eventCount()).toBe(eventsBefore);
    });

    it('refuses a non-YAML body with 415', async () => {
      const res = await t.http.post('/programmas/import').set(auth(coordinator)).send({ programma: {} });
      expect(res.status).toBe(415);
    });
  });

  describe('registering and working on an afspraak', () => {
    it('registers an afspraak with its deadline read from the phrase', async () => {
      const res = await t.http.post('/afspraken').set(auth(coordinator)).send(nieuweAfspraak('TEST-001'));
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe('/afspraken/TEST-001');
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['AfspraakVastgelegd', 'DeadlineVastgelegd']);

      const shown = await t.http.get('/afspraken/TEST-001').set(auth(auditor));
      expect(shown.status).toBe(200);
      expect(shown.body.afspraak).toMatchObject({
        status: 'lopend',
        programmalijnId: 'TAZ-PL2',
        trekker: 'vws',
        mijlpalen: [{ deadlineId: 'd1', deadline: { phrase: 'uiterlijk Q2 2023', kind: 'uiterlijk', due: '2023-06-30' } }],
      });
    });

    it('answers 400 naming the field for bad input, and writes nothing', async () => {
      const eventsBefore = await t.eventCount();
      const cases: [object, string][] = [
        [nieuweAfspraak('TEST-002', { titel: '' }), 'titel'],
        [nieuweAfspraak('TEST-002', { onbekend: 1 }), '(body)'],
        [nieuweAfspraak('../etc', {}), 'afspraakId'],
        [nieuweAfspraak('TEST-002', { trekker: 'niemand' }), 'trekker'],
        [nieuweAfspraak('TEST-002', { opgaveId: 'TAZ-O99' }), 'opgaveId'],
        [nieuweAfspraak('TEST-002', { deadlines: [{ omschrijving: 'x', phrase: 'uiterlijk Q5 2023' }] }), 'deadlines.0.phrase'],
        [nieuweAfspraak('TEST-002', { tekst: 'nul\u0000byte' }), 'tekst'],
      ];
      for (const [body, field] of cases) {
        const res = await t.http.post('/afspraken').set(auth(coordinator)).send(body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(await t.eventCount()).toBe(eventsBefore);
    });

    it('lets the trekker report progress, but not another party or an auditor', async () => {
      const body = { partijId: 'vws', percentage: 40, toelichting: 'Kwartiermakers geworven', bewijs: [{ url: 'https://example.org/plan.pdf', titel: 'Plan' }] };
      const ok = await t.http.post('/afspraken/TEST-001/voortgang').set(auth(vws)).send(body);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ id: 'TEST-001', revision: 2, herhaald: false });

      expect((await t.http.post('/afspraken/TEST-001/voortgang').set(auth(ocw)).send(body)).status).toBe(403);
      expect((await t.http.post('/afspraken/TEST-001/voortgang').set(auth(auditor)).send(body)).status).toBe(403);
      const partijZelf = await t.http.post('/afspraken/TEST-001/voortgang').set(auth(ocw)).send({ ...body, partijId: 'ocw', percentage: 10 });
      expect(partijZelf.status).toBe(200);
    });

    it('never lets a party shift a deadline or accept its own delivery', async () => {
      const verschuif = { phrase: 'uiterlijk Q4 2023', reden: 'later', besluitorgaan: 'BO' };
      expect((await t.http.post('/afspraken/TEST-001/deadlines/d1/verschuiven').set(auth(vws)).send(verschuif)).status).toBe(403);
      const gemeld = await t.http.post('/afspraken/TEST-001/levering').set(auth(vws)).send({ partijId: 'vws', toelichting: 'Proef loopt' });
      expect(gemeld.status).toBe(200);
      expect((await t.http.post('/afspraken/TEST-001/levering/accepteren').set(auth(vws)).send({})).status).toBe(403);
      const afgewezen = await t.http.post('/afspraken/TEST-001/levering/afwijzen').set(auth(coordinator)).send({ reden: 'Evaluatie ontbreekt' });
      expect(afgewezen.status).toBe(200);
    });

    it('re-plans a deadline with reason and deciding body, keeping the baseline', async () => {
      const res = await t.http
        .post('/afspraken/TEST-001/deadlines/d1/verschuiven')
        .set(auth(coordinator))
        .send({ phrase: 'uiterlijk Q4 2023', reden: 'Werving duurde langer', besluitorgaan: 'Bestuurlijk Overleg TAZ', besluitdatum: '2023-06-20' });
      expect(res.status).toBe(200);
      const shown = await t.http.get('/afspraken/TEST-001').set(auth(coordinator));
      expect(shown.body.afspraak.mijlpalen[0]).toMatchObject({ baseline: { due: '2023-06-30' }, deadline: { due: '2023-12-31' }, verschuivingen: [{ besluitorgaan: 'Bestuurlijk Overleg TAZ' }] });
    });

    it('shows the history with who, what and when, and an intact hash chain', async () => {
      const res = await t.http.get('/afspraken/TEST-001/geschiedenis').set(auth(auditor));
      expect(res.status).toBe(200);
      expect(res.body.map((r: { type: string }) => r.type)).toEqual([
        'AfspraakVastgelegd',
        'DeadlineVastgelegd',
        'VoortgangGerapporteerd',
        'VoortgangGerapporteerd',
        'LeveringGemeld',
        'LeveringAfgewezen',
        'DeadlineVerschoven',
      ]);
      expect(res.body[2]).toMatchObject({ rol: 'partij', partijId: 'vws', samenvatting: expect.stringContaining('40%') });
      expect(res.body[6]).toMatchObject({ effectiefOp: '2023-06-20T00:00:00.000Z' });
      const stored = await t.storage.events.readStream(streams.afspraak('TEST-001'));
      expect(verifyChain(stored)).toMatchObject({ intact: true, events: 7 });
    });

    it('answers 404 for an unknown afspraak, 401 without a key, 400 for a malformed id', async () => {
      expect((await t.http.get('/afspraken/TEST-999').set(auth(coordinator))).status).toBe(404);
      expect((await t.http.get('/afspraken/TEST-001')).status).toBe(401);
      expect((await t.http.get('/afspraken/TEST-001').set(auth('afs_000000000000_' + 'x'.repeat(43)))).status).toBe(401);
      expect((await t.http.get('/afspraken/..%2F..%2Fetc').set(auth(coordinator))).status).toBe(400);
    });
  });

  describe('idempotency', () => {
    it('answers a repeated command with the first result and writes nothing new', async () => {
      await t.http.post('/afspraken').set(auth(coordinator)).send(nieuweAfspraak('TEST-IDEM'));
      const body = { partijId: 'vws', percentage: 10, toelichting: 'Gestart' };
      const first = await t.http.post('/afspraken/TEST-IDEM/voortgang').set(auth(vws)).set('Idempotency-Key', 'rapport-2023-03-01').send(body);
      const again = await t.http.post('/afspraken/TEST-IDEM/voortgang').set(auth(vws)).set('Idempotency-Key', 'rapport-2023-03-01').send(body);
      expect(first.status).toBe(200);
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect({ ...again.body, herhaald: false }).toEqual(first.body);
      expect(await t.storage.events.readStream(streams.afspraak('TEST-IDEM'))).toHaveLength(3);
    });

    it('refuses the same key with a different body (422)', async () => {
      const res = await t.http
        .post('/afspraken/TEST-IDEM/voortgang')
        .set(auth(vws))
        .set('Idempotency-Key', 'rapport-2023-03-01')
        .send({ partijId: 'vws', percentage: 99, toelichting: 'Anders' });
      expect(res.status).toBe(422);
      expect(await t.storage.events.readStream(streams.afspraak('TEST-IDEM'))).toHaveLength(3);
    });
  });

  describe('optimistic concurrency', () => {
    it('answers a stale If-Match with 409 and the current revision', async () => {
      const res = await t.http
        .post('/afspraken/TEST-IDEM/voortgang')
        .set(auth(vws))
        .set('If-Match', '"0"')
        .send({ partijId: 'vws', percentage: 20, toelichting: 'Verouderd' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'VERSIECONFLICT', currentRevision: 2 });
    });

    it('lets exactly one of two concurrent writers on one afspraak win; the other gets 409; no event lost', async () => {
      await t.http.post('/afspraken').set(auth(coordinator)).send(nieuweAfspraak('TEST-RACE'));
      const before = await t.storage.events.readStream(streams.afspraak('TEST-RACE'));
      const revision = before[before.length - 1].revision;
      const write = (percentage: number) =>
        t.http
          .post('/afspraken/TEST-RACE/voortgang')
          .set(auth(vws))
          .set('If-Match', `"${revision}"`)
          .send({ partijId: 'vws', percentage, toelichting: `Schrijver ${percentage}` });
      const results = await Promise.all([write(30), write(31)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const after = await t.storage.events.readStream(streams.afspraak('TEST-RACE'));
      expect(after).toHaveLength(before.length + 1);
      const winner = results.find((r) => r.status === 200)!;
      expect(after[after.length - 1].revision).toBe(winner.body.revision);
    });

    it('without If-Match, concurrent reports all land (retried on fresh state)', async () => {
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          t.http.post('/afspraken/TEST-RACE/voortgang').set(auth(vws)).send({ partijId: 'vws', percentage: 40 + n, toelichting: `Rapport ${n}` }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const events = await t.storage.events.readStream(streams.afspraak('TEST-RACE'));
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      expect(verifyChain(events)).toMatchObject({ intact: true });
    });
  });

  it('serves /health and the OpenAPI document without a key', async () => {
    const health = await t.http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'up' });
    const docs = await t.http.get('/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/afspraken', '/afspraken/{afspraakId}/voortgang', '/programmas/import']));
  });
});
