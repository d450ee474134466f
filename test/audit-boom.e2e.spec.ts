import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streams } from '@afspraken/domain';
import { consistencyProof, hashEvent, leafHash, verifyConsistency, verifyInclusion, type SignedTreeHead } from '@afspraken/application';
import { TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { loadConfig, BoomOpslag, AUDIT_BOOM } from '@afspraken/platform';
import { runCli, type CliIo } from '../apps/cli/src/program';
import { auth, startTestApp, type TestApp } from './support/test-app';

/**
 * Tampering with the events table directly — as whoever holds the database can — and what
 * verification against signed tree heads finds where the hash chains see nothing.
 */
describe('Auditboom: ondertekende boomhoofden vangen wat de hashketen mist (PostgreSQL)', () => {
  let t: TestApp;
  let coordinator: string;
  let auditor: string;
  let dir: string;
  let hoofd2023: SignedTreeHead;
  let hoofdBestand: string;
  let sleutelBestand: string;

  const cli = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const io: CliIo = { out: (s) => void (out += `${s}\n`), err: (s) => void (err += `${s}\n`) };
    const config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: t.schema, SEED_PROGRAMMA: '', LOG_LEVEL: 'error', AUDIT_SIGNING_KEY: join(dir, 'niet-de-sleutel.pem') });
    const code = await runCli(argv, io, { config, storage: t.storage, clock: t.clock });
    return { code, out, err };
  };
  const tabel = () => `"${t.schema}".events`;
  const verificatie = async () => (await t.http.get('/audit/verificatie').set(auth(auditor))).body;
  const nieuw = (afspraakId: string) => ({ afspraakId, programmaId: 'TAZ', opgaveId: 'TAZ-O5', titel: `Proef ${afspraakId}`, tekst: 'Proef', trekker: 'vws', betrokken: ['ocw'], deadlines: [{ omschrijving: 'Proef gestart', phrase: 'uiterlijk Q4 2023' }] });

  /** Tampers, then puts the table back as it was, so each case starts from the honest log. */
  const gemanipuleerd = async (manipuleer: () => Promise<void>, controleer: () => Promise<void>) => {
    await t.storage.db.exec(`DROP TABLE IF EXISTS "${t.schema}".events_kopie; CREATE TABLE "${t.schema}".events_kopie AS SELECT * FROM ${tabel()}`);
    try {
      await manipuleer();
      await controleer();
    } finally {
      await t.storage.db.exec(`DELETE FROM ${tabel()}; INSERT INTO ${tabel()} SELECT * FROM "${t.schema}".events_kopie`);
    }
  };
  const verwachtManipulatie = async () => {
    const verslag = await verificatie();
    expect(verslag.intact).toBe(false);
    expect(verslag.boom.intact).toBe(false);
    const { code, out } = await cli('audit', 'verifieer', '--tegen', hoofdBestand, '--sleutel', sleutelBestand);
    expect({ code, gemanipuleerd: out.includes('GEMANIPULEERD') }).toEqual({ code: 1, gemanipuleerd: true });
    return verslag;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'auditboom-'));
    t = await startTestApp('2023-03-01T09:00:00.000Z');
    coordinator = await t.key('coordinator');
    auditor = await t.key('auditor');
    expect((await t.importeerTaz(coordinator)).status).toBe(200);
    expect((await t.http.post('/afspraken').set(auth(coordinator)).send(nieuw('BOOM-1'))).status).toBe(201);
    t.clock.set('2023-05-01T09:00:00.000Z');
    const vws = await t.key('partij', 'vws');
    expect((await t.http.post('/afspraken/BOOM-1/voortgang').set(auth(vws)).send({ partijId: 'vws', percentage: 40, toelichting: 'Gestart' })).status).toBe(200);

    // A report published in 2023 carries the head of that moment.
    t.clock.set('2023-07-10T09:00:00.000Z');
    const rapport = await t.http.get('/audit/programmas/TAZ/rapport?peildatum=2023-07-01&formaat=md').set(auth(auditor));
    expect(rapport.status).toBe(200);
    hoofd2023 = JSON.parse(rapport.headers['x-boomhoofd']);
    expect(hoofd2023.grootte).toBe(await t.eventCount());
    hoofdBestand = join(dir, 'boomhoofd-2023.json');
    writeFileSync(hoofdBestand, JSON.stringify(hoofd2023));
    sleutelBestand = join(dir, 'sleutel.pem');
    writeFileSync(sleutelBestand, (await t.http.get('/audit/sleutel')).body.pem);

    // Today: more events, and a newer head.
    t.clock.set('2025-01-15T09:00:00.000Z');
    expect((await t.http.post('/afspraken').set(auth(coordinator)).send(nieuw('BOOM-2'))).status).toBe(201);
    await t.app.get(BoomOpslag).ondertekenBijgewerkt('verzoek');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('een eerlijke log', () => {
    it('klopt met elk boomhoofd; het boomhoofd uit het rapport van 2023 is het begin van de log van nu (CLI, alleen de publieke sleutel)', async () => {
      const verslag = await verificatie();
      expect(verslag).toMatchObject({ intact: true, gebroken: [], boom: { intact: true, fouten: [], events: await t.eventCount() } });
      const { code, out } = await cli('audit', 'verifieer', '--tegen', hoofdBestand, '--sleutel', sleutelBestand);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`consistentie ${hoofd2023.grootte} -> \\d+: bewezen`));
      expect(out).toContain('auditboom intact');
    });

    it('een boomhoofd met een vervalste wortel of van een andere sleutel wordt geweigerd', async () => {
      const vervalst = join(dir, 'vervalst.json');
      writeFileSync(vervalst, JSON.stringify({ ...hoofd2023, wortel: 'ab'.repeat(32) }));
      const { code, out } = await cli('audit', 'verifieer', '--tegen', vervalst, '--sleutel', sleutelBestand);
      expect(code).toBe(1);
      expect(out).toContain('GEMANIPULEERD (handtekening) handtekening klopt niet bij dit boomhoofd');
      // Without --sleutel the CLI here has a key of its own: the heads were not signed with it.
      expect((await cli('audit', 'verifieer', '--tegen', hoofdBestand)).out).toContain('niet met');
    });

    it('GET /audit/bewijs/:eventId: een inclusiebewijs dat met alleen het boomhoofd te controleren is', async () => {
      const [event] = await t.storage.events.readStream(streams.afspraak('BOOM-1'), { maxCount: 1 });
      const res = await t.http.get(`/audit/bewijs/${event.id}`).set(auth(auditor));
      expect(res.status).toBe(200);
      const { blad, bladData, bladHash, boomhoofd, bewijs } = res.body;
      expect(leafHash(Buffer.from(bladData, 'utf8')).toString('hex')).toBe(bladHash);
      expect(JSON.parse(bladData)).toMatchObject({ eventId: event.id, streamId: 'afspraak-BOOM-1', revisie: 0, positie: event.position, opgeslagenOp: event.createdAt });
      expect(verifyInclusion(Buffer.from(bladHash, 'hex'), blad, boomhoofd.grootte, bewijs.map((h: string) => Buffer.from(h, 'hex')), Buffer.from(boomhoofd.wortel, 'hex'))).toBe(true);

      // A party reads proofs of its own afspraken only; bad input is a 4xx naming the field.
      expect((await t.http.get(`/audit/bewijs/${event.id}`).set(auth(await t.key('partij', 'vws')))).status).toBe(200);
      expect((await t.http.get(`/audit/bewijs/${event.id}`).set(auth(await t.key('partij', 'fnv')))).status).toBe(403);
      const [programmaEvent] = await t.storage.events.readStream(streams.programma('TAZ'), { maxCount: 1 });
      expect((await t.http.get(`/audit/bewijs/${programmaEvent.id}`).set(auth(await t.key('partij', 'vws')))).status).toBe(403);
      const fout = await t.http.get('/audit/bewijs/geen-uuid').set(auth(auditor));
      expect(fout.status).toBe(400);
      expect(fout.body.errors[0].field).toBe('eventId');
      expect((await t.http.get('/audit/bewijs/00000000-0000-4000-8000-000000000000').set(auth(auditor))).status).toBe(404);
    });

    it('GET /audit/consistentie: het bewijs dat de boom van 2023 het begin is van die van nu', async () => {
      const res = await t.http.get(`/audit/consistentie?van=${hoofd2023.grootte}`).set(auth(auditor));
      expect(res.status).toBe(200);
      expect(res.body.wortelVan).toBe(hoofd2023.wortel);
      const nu = (await t.http.get('/audit/boomhoofd').set(auth(auditor))).body as SignedTreeHead;
      expect(res.body).toMatchObject({ van: hoofd2023.grootte, tot: nu.grootte, wortelTot: nu.wortel });
      expect(verifyConsistency(hoofd2023.grootte, nu.grootte, Buffer.from(hoofd2023.wortel, 'hex'), Buffer.from(nu.wortel, 'hex'), res.body.bewijs.map((h: string) => Buffer.from(h, 'hex')))).toBe(true);
      expect((await t.http.get('/audit/consistentie?van=x').set(auth(auditor))).status).toBe(400);
      expect((await t.http.get(`/audit/consistentie?van=${nu.grootte + 1}`).set(auth(auditor))).body.errors[0].field).toBe('van');
    });
  });

  describe('rechtstreeks in de tabel gemanipuleerd: de hashketen blijft heel, de boom niet', () => {
    it('het laatste event van een stream verwijderd', async () => {
      await gemanipuleerd(
        () => t.storage.db.query(`DELETE FROM ${tabel()} WHERE stream_id = $1 AND revision = (SELECT max(revision) FROM ${tabel()} WHERE stream_id = $1)`, ['afspraak-BOOM-1']).then(() => undefined),
        async () => {
          const verslag = await verwachtManipulatie();
          expect(verslag.gebroken).toEqual([]);
          expect(verslag.boom.fouten.map((f: { soort: string }) => f.soort)).toEqual(expect.arrayContaining(['blad', 'wortel']));
        },
      );
    });

    it('een hele stream verwijderd', async () => {
      await gemanipuleerd(
        () => t.storage.db.query(`DELETE FROM ${tabel()} WHERE stream_id = $1`, ['afspraak-BOOM-1']).then(() => undefined),
        async () => expect((await verwachtManipulatie()).gebroken).toEqual([]),
      );
    });

    it('created_at van een event veranderd', async () => {
      await gemanipuleerd(
        () => t.storage.db.query(`UPDATE ${tabel()} SET created_at = created_at - interval '1 day' WHERE stream_id = $1 AND revision = 0`, ['afspraak-BOOM-1']).then(() => undefined),
        async () => {
          const verslag = await verwachtManipulatie();
          expect(verslag.gebroken).toEqual([]);
          expect(verslag.boom.fouten[0]).toMatchObject({ soort: 'blad', streamId: 'afspraak-BOOM-1' });
        },
      );
    });

    it('de volgorde van twee events omgewisseld', async () => {
      await gemanipuleerd(
        async () => {
          const { rows } = await t.storage.db.query<{ position: string }>(`SELECT position FROM ${tabel()} ORDER BY position LIMIT 2`);
          const [a, b] = rows.map((r) => r.position);
          await t.storage.db.transaction(async (tx) => {
            await tx.query(`UPDATE ${tabel()} SET position = -1 WHERE position = $1`, [a]);
            await tx.query(`UPDATE ${tabel()} SET position = $1 WHERE position = $2`, [a, b]);
            await tx.query(`UPDATE ${tabel()} SET position = $1 WHERE position = -1`, [b]);
          });
        },
        async () => expect((await verwachtManipulatie()).boom.fouten[0]).toMatchObject({ soort: 'blad', blad: 0 }),
      );
    });

    it('data veranderd en de hashketen opnieuw berekend met de eigen functie van de app, en de bladeren opnieuw opgebouwd', async () => {
      await gemanipuleerd(
        async () => {
          const stream = await t.storage.events.readStream(streams.afspraak('BOOM-1'));
          let previousHash: string | null = null;
          for (const e of stream) {
            const data = e.revision === 1 ? { ...e.data, percentage: 100 } : e.data;
            const { hash: _oud, ...rest } = e.metadata as Record<string, unknown>;
            const metadata = { ...rest, previousHash };
            const hash = hashEvent({ streamId: e.streamId, revision: e.revision, type: e.type, data, metadata: metadata as never });
            await t.storage.db.query(`UPDATE ${tabel()} SET data = $1, metadata = $2 WHERE event_id = $3`, [JSON.stringify(data), JSON.stringify({ ...metadata, hash }), e.id]);
            previousHash = hash;
          }
          // The tree's own leaves rebuilt from the rewritten events: only the signed heads remain.
          await t.app.get(BoomOpslag).runner.herbouw(AUDIT_BOOM);
        },
        async () => {
          const verslag = await verwachtManipulatie();
          expect(verslag.gebroken).toEqual([]);
          expect(verslag.boom.fouten.every((f: { soort: string }) => f.soort === 'wortel')).toBe(true);
          expect(verslag.boom.fouten.length).toBeGreaterThan(0);
        },
      );
      await t.app.get(BoomOpslag).runner.herbouw(AUDIT_BOOM);
      expect((await verificatie()).intact).toBe(true);
    });
  });

  it('de bladeren herbouwd vanaf positie 0 geven dezelfde boom', async () => {
    const opslag = t.app.get(BoomOpslag);
    const voor = await opslag.alleBladHashes(await opslag.aantalBladeren());
    await opslag.runner.herbouw(AUDIT_BOOM);
    const na = await opslag.alleBladHashes(await opslag.aantalBladeren());
    expect(na.map((h) => h.toString('hex'))).toEqual(voor.map((h) => h.toString('hex')));
    expect(consistencyProof(na, hoofd2023.grootte).length).toBeGreaterThan(0);
    expect(createPublicKey((await t.http.get('/audit/sleutel')).body.pem).asymmetricKeyType).toBe('ed25519');
  });
});
