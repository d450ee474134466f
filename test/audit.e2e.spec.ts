import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ForbiddenError, streams, type Command, type Decider, type Event } from '@afspraken/domain';
import { CommandExecutor, controleerBoomhoofd } from '@afspraken/application';
import { TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { loadConfig } from '@afspraken/platform';
import { runCli, type CliIo } from '../apps/cli/src/program';
import { auth, startTestApp, type TestApp } from './support/test-app';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Supertest keeps text and binary bodies apart; this gives the raw bytes of any answer. */
const bytes = (res: { body: unknown; text?: string }): Buffer => (Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.text ?? '', 'utf8'));
const binary = (res: unknown, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const parts: Buffer[] = [];
  stream.on('data', (d: Buffer) => parts.push(Buffer.from(d)));
  stream.on('end', () => done(null, Buffer.concat(parts)));
};

describe('Audit: geschiedenis, stand op een peildatum, hashketen, rapportage (PostgreSQL)', () => {
  let t: TestApp;
  let coordinator: string;
  let auditor: string;
  let vws: string;

  const cli = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const io: CliIo = { out: (s) => void (out += s.endsWith('\n') ? s : `${s}\n`), err: (s) => void (err += s.endsWith('\n') ? s : `${s}\n`) };
    const config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: t.schema, SEED_PROGRAMMA: '', LOG_LEVEL: 'error', AUDIT_SIGNING_KEY: t.config.AUDIT_SIGNING_KEY });
    const code = await runCli(argv, io, { config, storage: t.storage, clock: t.clock });
    return { code, out, err };
  };
  const eventCount = async (): Promise<number> => {
    const { rows } = await t.storage.db.query<{ n: string }>(`SELECT count(*) AS n FROM "${t.schema}".events`);
    return Number(rows[0].n);
  };

  beforeAll(async () => {
    t = await startTestApp('2023-03-01T09:00:00.000Z');
    coordinator = await t.key('coordinator');
    auditor = await t.key('auditor');
    vws = await t.key('partij', 'vws');
    expect((await t.importeerTaz(coordinator)).status).toBe(200);

    const nieuw = (afspraakId: string, titel: string, phrase: string) => ({
      afspraakId,
      programmaId: 'TAZ',
      opgaveId: 'TAZ-O5',
      titel,
      tekst: 'Proef',
      trekker: 'vws',
      betrokken: ['ocw'],
      deadlines: [{ omschrijving: 'Proef gestart', phrase }],
    });
    expect((await t.http.post('/afspraken').set(auth(coordinator)).send(nieuw('AUD-1', 'Proef met kwartiermakers', 'uiterlijk Q2 2023'))).status).toBe(201);
    expect((await t.http.post('/afspraken').set(auth(coordinator)).send(nieuw('AUD-XSS', '<script>alert("x")</script> & co', 'uiterlijk Q1 2023'))).status).toBe(201);

    t.clock.set('2023-05-01T09:00:00.000Z');
    const toelichting = 'Geworven: "drie" regio’s, Noord; Oost\nen West <b>&</b>';
    expect((await t.http.post('/afspraken/AUD-1/voortgang').set(auth(vws)).send({ partijId: 'vws', percentage: 40, toelichting })).status).toBe(200);

    // Recorded on 10 July, decided by the board on 20 June: a correction with an earlier effective date.
    t.clock.set('2023-07-10T09:00:00.000Z');
    const verschuif = { phrase: 'uiterlijk Q4 2023', reden: 'Werving duurde langer', besluitorgaan: 'Bestuurlijk Overleg TAZ', besluitdatum: '2023-06-20' };
    expect((await t.http.post('/afspraken/AUD-1/deadlines/d1/verschuiven').set(auth(coordinator)).send(verschuif)).status).toBe(200);
  }, 120_000);
  afterAll(() => t?.close());

  describe('geschiedenis als JSON en CSV', () => {
    it('exporteert elke regel als CSV met correcte quoting; terug te lezen gelijk aan de JSON', async () => {
      const jsonRes = await t.http.get('/afspraken/AUD-1/geschiedenis').set(auth(auditor));
      const csvRes = await t.http.get('/afspraken/AUD-1/geschiedenis?formaat=csv').set(auth(auditor));
      expect(csvRes.status).toBe(200);
      expect(csvRes.headers['content-type']).toMatch(/^text\/csv/);
      const rows: Record<string, string>[] = parse(csvRes.text, { columns: true });
      expect(rows).toHaveLength(jsonRes.body.length);
      rows.forEach((row, i) => {
        const regel = jsonRes.body[i];
        expect(row).toMatchObject({ revisie: String(regel.revision), type: regel.type, samenvatting: regel.samenvatting, actor: regel.actor, vastgelegdOp: regel.vastgelegdOp, effectiefOp: regel.effectiefOp, hash: regel.metadata.hash });
        expect(JSON.parse(row.data)).toEqual(regel.data);
      });
      expect(rows[2].samenvatting).toContain('"drie" regio’s, Noord; Oost\nen West <b>&</b>');
      expect(rows[3]).toMatchObject({ type: 'DeadlineVerschoven', vastgelegdOp: '2023-07-10T09:00:00.000Z', effectiefOp: '2023-06-20T00:00:00.000Z' });
    });

    it('geeft CSV ook bij Accept: text/csv, en weigert een onbekend formaat met 400 op het veld', async () => {
      const viaAccept = await t.http.get('/afspraken/AUD-1/geschiedenis').set(auth(auditor)).set('Accept', 'text/csv');
      expect(viaAccept.headers['content-type']).toMatch(/^text\/csv/);
      expect(viaAccept.text.split('\r\n')[0]).toBe('revisie,positie,type,samenvatting,actor,rol,partijId,vastgelegdOp,effectiefOp,data,previousHash,hash');
      const fout = await t.http.get('/afspraken/AUD-1/geschiedenis?formaat=xml').set(auth(auditor));
      expect(fout.status).toBe(400);
      expect(fout.body.errors[0].field).toBe('formaat');
    });

    it('CLI: afspraak geschiedenis --formaat csv geeft dezelfde CSV als de API', async () => {
      const api = await t.http.get('/afspraken/AUD-1/geschiedenis?formaat=csv').set(auth(auditor));
      const { code, out } = await cli('afspraak', 'geschiedenis', 'AUD-1', '--formaat', 'csv');
      expect(code).toBe(0);
      expect(out).toBe(api.text);
    });
  });

  describe('stand op een peildatum (bitemporaal)', () => {
    it('één afspraak: zoals vastgelegd op 1 juli verlopen, zoals gecorrigeerd (herplanning van 20 juni) op schema', async () => {
      const vastgelegd = await t.http.get('/audit/afspraken/AUD-1/stand?peildatum=2023-07-01&zoals=vastgelegd').set(auth(auditor));
      const gecorrigeerd = await t.http.get('/audit/afspraken/AUD-1/stand?peildatum=2023-07-01&zoals=gecorrigeerd').set(auth(auditor));
      expect(vastgelegd.status).toBe(200);
      expect(vastgelegd.body).toMatchObject({ peilmoment: '2023-07-01T21:59:59.999Z', events: 3, status: { status: 'verlopen', herplanningen: 0 } });
      expect(gecorrigeerd.body).toMatchObject({ events: 4, status: { status: 'op schema', herplanningen: 1, eerstvolgendeDue: '2023-12-31' } });
      const voorRegistratie = await t.http.get('/audit/afspraken/AUD-1/stand?peildatum=2023-02-28').set(auth(auditor));
      expect(voorRegistratie.body).toMatchObject({ zoals: 'vastgelegd', afspraak: { status: 'onbekend' }, status: null, events: 0 });
    });

    it('het programma: tellingen per status per programmalijn, in beide lezingen', async () => {
      const vastgelegd = await t.http.get('/audit/programmas/TAZ/stand?peildatum=2023-07-01&zoals=vastgelegd').set(auth(auditor));
      const gecorrigeerd = await t.http.get('/audit/programmas/TAZ/stand?peildatum=2023-07-01&zoals=gecorrigeerd').set(auth(auditor));
      expect(vastgelegd.status).toBe(200);
      expect(vastgelegd.body.totaal.totaal).toBe(14 + 95 + 2);
      expect(vastgelegd.body.programmalijnen.map((l: { programmalijnId: string }) => l.programmalijnId)).toEqual(['TAZ-PL1', 'TAZ-PL2', 'TAZ-PL3']);
      const som = vastgelegd.body.programmalijnen.reduce((n: number, l: { telling: { totaal: number } }) => n + l.telling.totaal, 0);
      expect(som).toBe(vastgelegd.body.totaal.totaal);
      const aud1 = (body: { afspraken: { afspraakId: string; status: string }[] }) => body.afspraken.find((a) => a.afspraakId === 'AUD-1');
      expect(aud1(vastgelegd.body)?.status).toBe('verlopen');
      expect(aud1(gecorrigeerd.body)?.status).toBe('op schema');
      expect(gecorrigeerd.body.totaal.verlopen).toBe(vastgelegd.body.totaal.verlopen - 1);

      // Imported on 1 March 2023 from the document of 30 September 2022: as recorded, the document counts from its date.
      const voorImport = await t.http.get('/audit/programmas/TAZ/stand?peildatum=2023-02-28').set(auth(auditor));
      expect(voorImport.body).toMatchObject({ naam: 'Toekomstbestendige Arbeidsmarkt Zorg & welzijn', totaal: { totaal: 14 + 95 } });
      expect(aud1(voorImport.body)).toBeUndefined();
      const voorDocument = await t.http.get('/audit/programmas/TAZ/stand?peildatum=2022-09-29').set(auth(auditor));
      expect(voorDocument.body).toMatchObject({ naam: null, totaal: { totaal: 0 }, afspraken: [] });
    });

    it('GET /programmas/:id/overzicht met peildatum en zoals geeft dezelfde stand; zoals zonder peildatum is 400', async () => {
      for (const zoals of ['vastgelegd', 'gecorrigeerd']) {
        const audit = await t.http.get(`/audit/programmas/TAZ/stand?peildatum=2023-07-01&zoals=${zoals}`).set(auth(auditor));
        const overzicht = await t.http.get(`/programmas/TAZ/overzicht?peildatum=2023-07-01&zoals=${zoals}`).set(auth(auditor));
        expect(overzicht.status).toBe(200);
        expect(overzicht.body).toMatchObject({ zoals, peilmoment: '2023-07-01T21:59:59.999Z', totaal: audit.body.totaal });
      }
      const zonderPeildatum = await t.http.get('/programmas/TAZ/overzicht?zoals=gecorrigeerd').set(auth(auditor));
      expect(zonderPeildatum.status).toBe(400);
      expect(zonderPeildatum.body.errors.map((e: { field: string }) => e.field)).toContain('peildatum');
    });

    it('weigert een ongeldige peildatum of lezing met 400 op het veld; onbekend programma 404', async () => {
      for (const [query, field] of [
        ['peildatum=2023-02-30', 'peildatum'],
        ['peildatum=1-7-2023', 'peildatum'],
        ['', 'peildatum'],
        ['peildatum=2023-07-01&zoals=ooit', 'zoals'],
      ]) {
        const res = await t.http.get(`/audit/programmas/TAZ/stand?${query}`).set(auth(auditor));
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect((await t.http.get('/audit/programmas/ONBEKEND/stand?peildatum=2023-07-01').set(auth(auditor))).status).toBe(404);
    });

    it('CLI: audit stand geeft dezelfde stand als de API', async () => {
      const api = await t.http.get('/audit/programmas/TAZ/stand?peildatum=2023-07-01&zoals=gecorrigeerd').set(auth(auditor));
      const { code, out } = await cli('audit', 'stand', '--peildatum', '2023-07-01', '--zoals', 'gecorrigeerd', '--json');
      expect(code).toBe(0);
      expect(JSON.parse(out)).toEqual(api.body);
      const tekst = await cli('audit', 'stand', '--peildatum', '2023-07-01');
      expect(tekst.out).toMatch(/^totaal\s+\d+/m);
    });
  });

  describe('Voortgangsrapportage', () => {
    const rapport = (formaat: string, peildatum = '2023-07-01', extra = '') =>
      t.http.get(`/audit/programmas/TAZ/rapport?peildatum=${peildatum}&formaat=${formaat}${extra}`).set(auth(auditor)).buffer(true).parse(binary);

    it('draagt het ondertekende boomhoofd in de voet; met dat boomhoofd na nieuwe events byte voor byte gelijk, in Markdown, HTML en PDF', async () => {
      const eerst = { md: await rapport('md'), html: await rapport('html'), pdf: await rapport('pdf') };
      for (const res of Object.values(eerst)) expect(res.status).toBe(200);
      expect(eerst.pdf.headers['content-type']).toBe('application/pdf');
      expect(bytes(eerst.pdf).subarray(0, 5).toString()).toBe('%PDF-');

      // Two footer lines: the SHA-256 of the Markdown text without them, and the signed tree head.
      const md = bytes(eerst.md).toString('utf8');
      const regels = md.split('\n');
      const [voet, boomregel] = regels.slice(-3, -1);
      const inhoud = regels.slice(0, -3).join('\n') + '\n';
      expect(voet).toBe(`SHA-256 van de rapportinhoud (de Markdown-tekst van dit rapport zonder de twee voetregels): ${sha256(inhoud)}`);
      const hoofd = JSON.parse(eerst.md.headers['x-boomhoofd']);
      expect(boomregel).toBe(`Ondertekend boomhoofd van het auditlog: grootte ${hoofd.grootte}, wortel ${hoofd.wortel}, tijdstip ${hoofd.tijdstip}, sleutel ${hoofd.sleutelId}, handtekening ${hoofd.handtekening}`);
      expect(hoofd.grootte).toBe(await eventCount());
      const sleutel = await t.http.get('/audit/sleutel');
      expect(controleerBoomhoofd(createPublicKey(sleutel.body.pem), hoofd)).toEqual({ geldig: true });
      expect(eerst.md.headers['x-inhoud-sha256']).toBe(sha256(inhoud));
      for (const formaat of ['html', 'pdf'] as const) expect(JSON.parse(eerst[formaat].headers['x-boomhoofd'])).toEqual(hoofd);
      expect(bytes(eerst.html).toString('utf8')).toContain(sha256(inhoud));
      expect(bytes(eerst.html).toString('utf8')).toContain(hoofd.handtekening);
      expect(md).toMatch(/^## Verlopen \(\d+\)$/m);
      expect(md).toContain('| AUD-1 | Proef met kwartiermakers | vws | ocw |');

      // New events after the peildatum: a report, a new afspraak, a re-plan.
      t.clock.set('2023-07-11T09:00:00.000Z');
      expect((await t.http.post('/afspraken/AUD-1/voortgang').set(auth(vws)).send({ partijId: 'vws', percentage: 80, toelichting: 'Bijna klaar' })).status).toBe(200);
      const later = await t.http.post('/afspraken').set(auth(coordinator)).send({ afspraakId: 'AUD-2', programmaId: 'TAZ', opgaveId: 'TAZ-O5', titel: 'Later', tekst: 'x', trekker: 'vws', betrokken: [], deadlines: [{ omschrijving: 'x', phrase: 'uiterlijk Q1 2023' }] });
      expect(later.status).toBe(201);

      for (const formaat of ['md', 'html', 'pdf'] as const) {
        const opnieuw = await rapport(formaat, '2023-07-01', `&boomhoofd=${hoofd.grootte}`);
        expect({ formaat, gelijk: bytes(opnieuw).equals(bytes(eerst[formaat])) }).toEqual({ formaat, gelijk: true });
        expect(opnieuw.headers['x-bestand-sha256']).toBe(sha256(bytes(eerst[formaat])));
        expect(opnieuw.headers['x-inhoud-sha256']).toBe(sha256(inhoud));
        // Made now, the same content under a newer head that covers the new events.
        const nu = await rapport(formaat);
        expect(nu.headers['x-inhoud-sha256']).toBe(sha256(inhoud));
        expect(JSON.parse(nu.headers['x-boomhoofd']).grootte).toBe(await eventCount());
      }
      // The same peildatum read now (gecorrigeerd) would differ; the report is as recorded.
      expect(md).not.toContain('AUD-2');
      const onbekend = await rapport('md', '2023-07-01', '&boomhoofd=1');
      expect(onbekend.status).toBe(404);
    });

    it('toont tellingen, verlopen afspraken met partijen, herplanningen met reden en voortgang; HTML ontsnapt gebruikerstekst', async () => {
      const md = bytes(await rapport('md', '2023-07-10')).toString('utf8');
      expect(md).toContain('## Status per programmalijn');
      expect(md).toMatch(/\| AUD-XSS \| \\<script\\>alert\("x"\)\\<\/script\\> & co \| vws \| ocw \|/);
      expect(md).toContain('Werving duurde langer');
      expect(md).toContain('Bestuurlijk Overleg TAZ (2023-06-20)');
      expect(md).toContain('| AUD-1 | vws | 40% | 2023-05-01 |');

      const html = bytes(await rapport('html', '2023-07-10')).toString('utf8');
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
      expect(html).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    });

    it('weigert een peildatum die nog niet voorbij is, en een onbekend formaat, met 400 op het veld', async () => {
      const vandaag = await rapport('md', '2023-07-11');
      expect(vandaag.status).toBe(400);
      const tekst = JSON.parse(bytes(vandaag).toString('utf8'));
      expect(tekst.errors[0].field).toBe('peildatum');
      const formaat = await t.http.get('/audit/programmas/TAZ/rapport?peildatum=2023-07-01&formaat=docx').set(auth(auditor));
      expect(formaat.status).toBe(400);
      expect(formaat.body.errors[0].field).toBe('formaat');
    });

    it('CLI: audit rapport --uit schrijft hetzelfde bestand als de API', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rapport-'));
      try {
        const uit = join(dir, 'rapport.pdf');
        const { code, out } = await cli('audit', 'rapport', '--programma', 'TAZ', '--peildatum', '2023-07-01', '--formaat', 'pdf', '--uit', uit);
        expect(code).toBe(0);
        const api = bytes(await rapport('pdf'));
        expect(readFileSync(uit).equals(api)).toBe(true);
        expect(out).toContain('boomhoofd:');
        expect(out).toContain(sha256(api));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('auditors lezen alleen', () => {
    it('krijgen 403 op elk schrijvend endpoint, en er komt geen event bij', async () => {
      const doc = (await t.http.get('/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
      const voorbeeld: Record<string, string> = { afspraakId: 'AUD-1', deadlineId: 'd1', partijId: 'vws', programmaId: 'TAZ', contactId: 'c1' };
      const schrijvend = Object.entries(doc.paths).flatMap(([pad, methoden]) =>
        Object.keys(methoden)
          .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => ({ methode: m as 'post' | 'put' | 'patch' | 'delete', pad: pad.replace(/\{(\w+)\}/g, (_, naam: string) => voorbeeld[naam] ?? 'x') })),
      );
      expect(schrijvend.length).toBeGreaterThanOrEqual(15);

      const voor = await eventCount();
      for (const { methode, pad } of schrijvend) {
        const res = await t.http[methode](pad).set(auth(auditor)).send({ partijId: 'vws', percentage: 1, toelichting: 'x', reden: 'x' });
        expect({ methode, pad, status: res.status }).toEqual({ methode, pad, status: 403 });
      }
      expect(await eventCount()).toBe(voor);
    });

    it('ook buiten HTTP om weigert het commandopad een auditor, wat de decider ook zou besluiten', async () => {
      const voor = await eventCount();
      const executor = t.app.get(CommandExecutor);
      // A decider that accepts anything: only the command path itself stands between it and the store.
      const allesMag: Decider<Command, Event, null> = { decide: () => [{ type: 'NietToegestaan', data: {} }], evolve: (s) => s, initialState: null, upcasters: { NietToegestaan: { version: 1 } } };
      const metAuditor = executor.execute(allesMag, 'audit-achterdeur', (metadata) => ({ type: 'Iets', data: {}, metadata }), { actor: { id: 'auditor', rol: 'auditor' } });
      await expect(metAuditor).rejects.toBeInstanceOf(ForbiddenError);
      await expect(metAuditor).rejects.toMatchObject({ code: 'AUDITOR_LEEST_ALLEEN' });
      expect(await eventCount()).toBe(voor);
      expect(await t.storage.events.readStream('audit-achterdeur')).toEqual([]);
    });
  });

  describe('hashketen', () => {
    it('is intact na alles wat via de app is geschreven', async () => {
      const res = await t.http.get('/audit/verificatie').set(auth(auditor));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ intact: true, gebroken: [], events: await eventCount() });
      expect(res.body.streams).toBeGreaterThan(100);
      expect((await t.http.get('/audit/verificatie').set(auth(vws))).status).toBe(403);
      const { code, out } = await cli('audit', 'verifieer');
      expect(code).toBe(0);
      expect(out).toContain('alle hashketens intact');
    });

    it('meldt een event dat direct in PostgreSQL is gewijzigd: stream, revisie, verwachte en gevonden hash', async () => {
      const [opgeslagen] = await t.storage.events.readStream(streams.afspraak('AUD-1'), { fromRevision: 2, maxCount: 1 });
      expect(opgeslagen.type).toBe('VoortgangGerapporteerd');
      await t.storage.db.query(`UPDATE "${t.schema}".events SET data = jsonb_set(data, '{percentage}', '95') WHERE stream_id = $1 AND revision = 2`, [streams.afspraak('AUD-1')]);

      const res = await t.http.get('/audit/verificatie').set(auth(auditor));
      expect(res.body.intact).toBe(false);
      expect(res.body.gebroken).toEqual([
        {
          streamId: 'afspraak-AUD-1',
          revision: 2,
          reden: 'inhoud past niet bij de hash',
          verwachteHash: expect.stringMatching(/^[0-9a-f]{64}$/),
          gevondenHash: (opgeslagen.metadata as { hash: string }).hash,
          intacteEvents: 2,
        },
      ]);
      expect(res.body.gebroken[0].verwachteHash).not.toBe(res.body.gebroken[0].gevondenHash);

      const { code, out, err } = await cli('audit', 'verifieer');
      expect(code).toBe(1);
      expect(out).toContain('GEBROKEN afspraak-AUD-1 revisie 2: inhoud past niet bij de hash');
      expect(err).toContain('1 stream(s) met een gebroken hashketen');
    });
  });
});
