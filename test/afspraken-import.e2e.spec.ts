import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { AfsprakenImporter, CSV_TYPE, MAX_BESTAND_BYTES, MAX_CEL_TEKENS, MAX_KOLOMMEN, MAX_RIJEN, MAX_UITGEPAKT_BYTES, XLSX_TYPE } from '@afspraken/import';
import { MAX_GEMELDE_FOUTEN } from '@afspraken/application';
import { runCli, type CliIo } from '../apps/cli/src/program';
import { loadConfig, ApiKeyStore } from '@afspraken/platform';
import { startTestApp, type TestApp } from './support/test-app';
import { xlsxMetGroteTekst } from './support/zip-bom';

const VOORBEELD_CSV = readFileSync('data/voorbeelden/afspraken.csv');
const VOORBEELD_XLSX = readFileSync('data/voorbeelden/afspraken.xlsx');
const KOP = 'afspraakId,opgaveId,soort,niveau,nummer,titel,tekst,bronCitaat,trekker,betrokken,deadline';

describe('Afspraken importeren uit CSV en XLSX (PostgreSQL)', () => {
  let t: TestApp;
  let coordinator: string;
  const auth = () => ({ Authorization: `Bearer ${coordinator}` });
  const importeer = (body: Buffer | string, type: string, programmaId = 'TAZ') =>
    t.http.post(`/programmas/${programmaId}/afspraken/import`).set(auth()).set('Content-Type', type).send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.key('coordinator');
    const taz = await t.importeerTaz(coordinator);
    expect(taz.status).toBe(200);
  });
  afterAll(() => t?.close());

  describe('a correct sheet', () => {
    it('imports every row through the command path and reports what it created', async () => {
      const res = await importeer(VOORBEELD_CSV, CSV_TYPE);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        programmaId: 'TAZ',
        rijen: 5,
        afspraken: { nieuw: 2, bestond: 0 },
        acties: { nieuw: 3, bestond: 0 },
        deadlines: { nieuw: 6, bestond: 0 },
      });
      // 5 AfspraakVastgelegd + 6 DeadlineVastgelegd
      expect(res.body.eventsGeschreven).toBe(11);
      expect(res.body.waarschuwingen).toEqual([expect.stringContaining('"de komende jaren" noemt geen datum')]);
    });

    it('stores each row as the sheet says: parties, programmalijn, niveau and each deadline read from its phrase', async () => {
      const v01 = (await t.http.get('/afspraken/TAZ-V01').set(auth())).body.afspraak;
      expect(v01).toMatchObject({ soort: 'afspraak', programmaId: 'TAZ', programmalijnId: 'TAZ-PL2', opgaveId: 'TAZ-O5', trekker: 'vws', betrokken: ['ocw', 'regioplus'] });
      expect(v01.mijlpalen.map((m: { deadlineId: string; deadline: { kind: string; due: string } }) => [m.deadlineId, m.deadline.kind, m.deadline.due])).toEqual([
        ['d1', 'uiterlijk', '2027-06-30'],
        ['d2', 'periode', '2027-12-31'],
      ]);

      const v03 = (await t.http.get('/afspraken/TAZ-V03').set(auth())).body.afspraak;
      expect(v03).toMatchObject({ soort: 'actie', niveau: 'sector-en-regio', programmalijnId: 'TAZ-PL3', trekker: 'regioplus', betrokken: ['onderwijs', 'mbo-raad'] });
      // A quoted cell may span lines; it stays one row and one text.
      expect(v03.tekst).toContain('\n');
      expect(v03.mijlpalen.map((m: { deadline: { kind: string; due: string | null } }) => [m.deadline.kind, m.deadline.due])).toEqual([
        ['vanaf', '2026-07-01'],
        ['terugkerend', '2027-12-31'],
      ]);

      const v05 = (await t.http.get('/afspraken/TAZ-V05').set(auth())).body.afspraak;
      expect(v05).toMatchObject({ soort: 'actie', niveau: 'zorgorganisatie', betrokken: [], mijlpalen: [] });
    });

    it('writes nothing when the same sheet is imported again, as CSV or as the XLSX example', async () => {
      const eventsBefore = await t.eventCount();
      for (const [body, type] of [
        [VOORBEELD_CSV, CSV_TYPE],
        [VOORBEELD_XLSX, XLSX_TYPE],
      ] as const) {
        const res = await importeer(body, type);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ eventsGeschreven: 0, afspraken: { nieuw: 0, bestond: 2 }, acties: { nieuw: 0, bestond: 3 }, deadlines: { nieuw: 0, bestond: 6 } });
      }
      expect(await t.eventCount()).toBe(eventsBefore);
    });

    it('reads the XLSX example exactly as the CSV example', async () => {
      const importer = t.app.get(AfsprakenImporter);
      const uitCsv = await importer.controleer(VOORBEELD_CSV, 'csv', 'TAZ');
      const uitXlsx = await importer.controleer(VOORBEELD_XLSX, 'xlsx', 'TAZ');
      expect(uitXlsx).toEqual(uitCsv);
      expect(uitCsv.afspraken).toHaveLength(5);
    });

    it('accepts a CSV as Dutch spreadsheet programs save it: BOM, semicolons and CRLF', async () => {
      const csv = '\uFEFF' + ['afspraakId;opgaveId;titel;tekst;trekker;betrokken;deadline', 'TAZ-V10;TAZ-O2;Nieuwe rol;"Werkgevers, met vakbonden, maken een nieuwe rol.";zorgorganisaties;"vakbonden;actiz";medio 2026'].join('\r\n');
      const res = await importeer(csv, `${CSV_TYPE}; charset=utf-8`);
      expect(res.status).toBe(200);
      expect(res.body.afspraken.nieuw).toBe(1);
      const v10 = (await t.http.get('/afspraken/TAZ-V10').set(auth())).body.afspraak;
      expect(v10).toMatchObject({ tekst: 'Werkgevers, met vakbonden, maken een nieuwe rol.', betrokken: ['vakbonden', 'actiz'] });
      expect(v10.mijlpalen[0].deadline).toMatchObject({ kind: 'periode', start: '2026-06-01', end: '2026-07-31', due: '2026-07-31' });
    });

    it('reads an XLSX with several deadline columns, date cells and empty formatted columns', async () => {
      const workbook = new ExcelJS.Workbook();
      const blad = workbook.addWorksheet('blad 1');
      blad.addRow(['afspraakId', 'opgaveId', 'titel', 'tekst', 'trekker', 'deadline', 'deadline2', 'deadline3', '']);
      // A date typed into a cell: Excel keeps it as a date, the import reads the day.
      blad.addRow(['TAZ-V11', 'TAZ-O4', 'Verzuimaanpak', 'Werkgevers maken een verzuimaanpak.', 'zorgorganisaties', 'uiterlijk Q4 2026', 'vanaf 2027', new Date(Date.UTC(2027, 5, 30)), '']);
      blad.getColumn(9).width = 30;
      const res = await importeer(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE);
      expect(res.status).toBe(200);
      const v11 = (await t.http.get('/afspraken/TAZ-V11').set(auth())).body.afspraak;
      expect(v11.mijlpalen.map((m: { deadlineId: string; deadline: { due: string } }) => [m.deadlineId, m.deadline.due])).toEqual([
        ['d1', '2026-12-31'],
        ['d2', '2027-01-01'],
        ['d3', '2027-06-30'],
      ]);
      expect(v11.mijlpalen[2].deadline.phrase).toBe('2027-06-30');
    });
  });

  describe('a sheet with bad rows', () => {
    const fouten = (res: { body: { errors: { rij: number; kolom: string; message: string }[] } }) => res.body.errors.map((e) => `${e.rij} ${e.kolom}: ${e.message}`);

    it('reports every bad cell with row and column, and writes nothing, not even the good rows', async () => {
      const eventsBefore = await t.eventCount();
      const csv = [
        KOP,
        'TAZ-V20,TAZ-O1,afspraak,,,Goede rij,Deze rij is in orde.,,vws,,uiterlijk Q2 2026',
        'TAZ-V21,TAZ-O99,afspraak,,,Onbekende opgave,Tekst.,,vws,,',
        'TAZ-V22,TAZ-O1,afspraak,,,Onbekende partijen,Tekst.,,bestaat-niet,ocw;ook-niet,',
        'TAZ-V23,TAZ-O1,afspraak,,,Onmogelijke deadline,Tekst.,,vws,,uiterlijk Q5 2026;vanaf 2026',
        'TAZ-V24,TAZ-O1,afspraak,,,,Titel ontbreekt.,,vws,,',
        'TAZ-V20,TAZ-O1,afspraak,,,Dubbel,Tekst.,,vws,,',
        'TAZ-V25,TAZ-O1,afspraak,zorgorganisatie,,Niveau bij afspraak,Tekst.,,vws,,',
        'TAZ-V26,TAZ-O1,project,,,Onbekende soort,Tekst.,,vws,,',
        'TAZ A01,TAZ-O1,afspraak,,,Ongeldige id,Tekst.,,vws,,',
        'TAZ-V27,TAZ-O1,afspraak,,,Trekker ook betrokken,Tekst.,,vws,ocw;vws,',
        'TAZ-V28,TAZ-O1,afspraak,,,Herhaling zonder einde,Tekst.,,vws,,eens per kwartaal',
      ].join('\n');
      const res = await importeer(csv, CSV_TYPE);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ONGELDIGE_INVOER');
      expect(fouten(res)).toEqual([
        '3 opgaveId: opgave TAZ-O99 hoort niet bij programma TAZ',
        '4 trekker: partij bestaat-niet bestaat niet',
        '4 betrokken: partij ook-niet bestaat niet',
        expect.stringMatching(/^5 deadline: "uiterlijk Q5 2026": .+/),
        '6 titel: is verplicht',
        '7 afspraakId: TAZ-V20 staat ook in rij 2',
        // The afspraak's own rules come from the decider, in its words.
        '8 niveau: Alleen een actie uit de werkagenda heeft een niveau',
        '9 soort: moet afspraak of actie zijn, niet "project"',
        expect.stringMatching(/^10 afspraakId: moet 1-64 tekens zijn/),
        '11 betrokken: De trekker staat ook bij betrokken',
        '12 deadline: "eens per kwartaal": een herhaling zonder einde; noem tot wanneer (bijv. "eens per kwartaal tot eind 2025")',
      ]);
      expect(res.body.errors[0]).toMatchObject({ field: 'rij 3, opgaveId' });
      expect(await t.eventCount()).toBe(eventsBefore);
      expect((await t.http.get('/afspraken/TAZ-V20').set(auth())).status).toBe(404);
    });

    it('names a missing or unknown column in the header (row 1)', async () => {
      const res = await importeer(['afspraakId,opgaveId,titel,tekst,trekkker', 'TAZ-V30,TAZ-O1,Titel,Tekst,vws'].join('\n'), CSV_TYPE);
      expect(res.status).toBe(400);
      expect(fouten(res)).toEqual([expect.stringMatching(/^1 trekkker: onbekende kolom/), '1 trekker: verplichte kolom ontbreekt']);
    });

    it('refuses more than the row limit in one import, naming the limit', async () => {
      const rijen = Array.from({ length: MAX_RIJEN + 1 }, (_, i) => `TAZ-M${i},TAZ-O1,afspraak,,,Titel,Tekst,,vws,,`);
      const res = await importeer([KOP, ...rijen].join('\n'), CSV_TYPE);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'bestand', message: `het bestand heeft ${MAX_RIJEN + 1} rijen, hoogstens ${MAX_RIJEN} mogen in één import` }]);
    });

    it('refuses a CSV with an unclosed quote, an empty file, and a file that is not a spreadsheet', async () => {
      const open = await importeer([KOP, 'TAZ-V31,TAZ-O1,afspraak,,,"Titel zonder eind,Tekst,,vws,,'].join('\n'), CSV_TYPE);
      expect(open.status).toBe(400);
      expect(open.body.errors[0]).toMatchObject({ field: 'bestand', message: expect.stringContaining('kan de CSV niet lezen') });
      const leeg = await importeer('   \n', CSV_TYPE);
      expect(leeg.status).toBe(400);
      const zonderBody = await t.http.post('/programmas/TAZ/afspraken/import').set(auth()).set('Content-Type', CSV_TYPE);
      expect(zonderBody.status).toBe(400);
      expect(zonderBody.body.errors).toEqual([{ field: 'bestand', message: 'het bestand is leeg' }]);
      const geenXlsx = await importeer(VOORBEELD_CSV, XLSX_TYPE);
      expect(geenXlsx.status).toBe(400);
      expect(geenXlsx.body.errors).toEqual([{ field: 'bestand', message: 'is geen leesbaar xlsx-bestand' }]);
    });

    it('answers 415 for another content type, 404 for an unknown programme and 403 for a party', async () => {
      expect((await t.http.post('/programmas/TAZ/afspraken/import').set(auth()).send({ afspraakId: 'x' })).status).toBe(415);
      expect((await importeer(VOORBEELD_CSV, CSV_TYPE, 'BESTAAT-NIET')).status).toBe(404);
      const partij = await t.key('partij', 'vws');
      const res = await t.http.post('/programmas/TAZ/afspraken/import').set('Authorization', `Bearer ${partij}`).set('Content-Type', CSV_TYPE).send(VOORBEELD_CSV);
      expect(res.status).toBe(403);
      const { key: anderProgramma } = await t.app.get(ApiKeyStore).create({ naam: 'coördinator ander programma', rol: 'coordinator', programmaId: 'ANDER' });
      const beperkt = await t.http.post('/programmas/TAZ/afspraken/import').set('Authorization', `Bearer ${anderProgramma}`).set('Content-Type', CSV_TYPE).send(VOORBEELD_CSV);
      expect(beperkt.status).toBe(403);
      expect(beperkt.body.message).toContain('programma ANDER');
    });

    it('refuses a body over the size limit with 413', async () => {
      const res = await importeer(Buffer.alloc(MAX_BESTAND_BYTES + 1, 'a'), CSV_TYPE);
      expect(res.status).toBe(413);
    });
  });

  describe('a file that would cost far more to read than it weighs', () => {
    const MB = 1024 * 1024;

    it('refuses an xlsx of 500 KB whose shared string unpacks to 500 MB, from the zip directory, before reading it', async () => {
      const bom = await xlsxMetGroteTekst(500);
      expect(bom.length).toBeLessThan(MB);
      const eventsBefore = await t.eventCount();
      const rssBefore = process.memoryUsage().rss;
      const res = await importeer(bom, XLSX_TYPE);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'bestand', message: expect.stringContaining(`hoogstens ${MAX_UITGEPAKT_BYTES} mag`) }]);
      // Read as before, the api went to 2.5 GB; the api runs in this process.
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * MB);
      expect(await t.eventCount()).toBe(eventsBefore);
    });

    it('refuses an xlsx whose zip directory states less than its shared string unpacks to', async () => {
      const leugen = await xlsxMetGroteTekst(500, 1000);
      const rssBefore = process.memoryUsage().rss;
      const res = await importeer(leugen, XLSX_TYPE);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'bestand', message: expect.stringContaining('pakt anders uit dan de zip zegt') }]);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * MB);
    });

    it('refuses a cell longer than Excel allows, naming row and column, in xlsx and csv alike', async () => {
      const workbook = new ExcelJS.Workbook();
      const blad = workbook.addWorksheet('blad 1');
      blad.addRow(['afspraakId', 'opgaveId', 'titel', 'tekst', 'trekker']);
      blad.addRow(['TAZ-V50', 'TAZ-O1', 'Titel', 'x'.repeat(MAX_CEL_TEKENS + 1), 'vws']);
      const xlsx = await importeer(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE);
      expect(xlsx.status).toBe(400);
      expect(xlsx.body.errors).toEqual([{ field: 'rij 2, kolom 4', message: `de cel heeft ${MAX_CEL_TEKENS + 1} tekens, hoogstens ${MAX_CEL_TEKENS}` }]);
      const csv = await importeer(['afspraakId,opgaveId,titel,tekst,trekker', `TAZ-V50,TAZ-O1,Titel,${'x'.repeat(MAX_CEL_TEKENS + 1)},vws`].join('\n'), CSV_TYPE);
      expect(csv.body.errors).toEqual(xlsx.body.errors);
    });

    it('answers a header of 600 000 unknown columns (4.7 MB) with one problem, not one per column', async () => {
      const kop = Array.from({ length: 600_000 }, (_, i) => `k${i}`).join(',');
      expect(kop.length).toBeGreaterThan(4 * MB);
      const res = await importeer(`${kop}\n`, CSV_TYPE);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'bestand', message: `het bestand heeft 600000 kolommen, hoogstens ${MAX_KOLOMMEN}` }]);
      expect(res.text.length).toBeLessThan(2000);
    });

    it(`reports the first ${MAX_GEMELDE_FOUTEN} problems and counts them all`, async () => {
      const eventsBefore = await t.eventCount();
      const rijen = Array.from({ length: 150 }, (_, i) => `TAZ-F${i},TAZ-O1,afspraak,,,Titel,Tekst,,niemand-${i},,`);
      const res = await importeer([KOP, ...rijen].join('\n'), CSV_TYPE);
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(MAX_GEMELDE_FOUTEN);
      expect(res.body.errors[0]).toMatchObject({ field: 'rij 2, trekker', message: 'partij niemand-0 bestaat niet' });
      expect(res.body.aantalFouten).toBe(150);
      expect(res.body.message).toMatch(/^150 fouten in de invoer/);
      expect(await t.eventCount()).toBe(eventsBefore);
    });
  });

  describe('the CLI: afspraak importeer', () => {
    let map: string;
    beforeAll(() => {
      map = mkdtempSync(join(tmpdir(), 'afspraken-import-'));
    });
    afterAll(() => rmSync(map, { recursive: true, force: true }));

    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s) };
      const config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: t.schema, SEED_PROGRAMMA: '', LOG_LEVEL: 'error' });
      const code = await runCli(argv, io, { config, storage: t.storage, clock: t.clock });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };

    it('imports the XLSX example, and a second run reports everything as existing', async () => {
      const bestand = join(map, 'afspraken.xlsx');
      writeFileSync(bestand, VOORBEELD_XLSX);
      const r = await cli('afspraak', 'importeer', bestand, '--programma', 'TAZ');
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toContain('(0 events geschreven)');
      expect(r.out).toMatch(/acties\s+0 nieuw\s+3 bestond al/);
    });

    it('exits non-zero and prints every bad row, writing nothing', async () => {
      const eventsBefore = await t.eventCount();
      const bestand = join(map, 'fout.csv');
      writeFileSync(bestand, [KOP, 'TAZ-V40,TAZ-O1,afspraak,,,Titel,Tekst,,wie,,', 'TAZ-V41,TAZ-O1,afspraak,,,Titel,Tekst,,vws,,uiterlijk 31 februari 2026'].join('\n'));
      const r = await cli('afspraak', 'importeer', bestand, '--programma', 'TAZ');
      expect(r.code).toBe(1);
      expect(r.err).toContain('2 problemen gevonden, er is niets geschreven');
      expect(r.err).toContain('rij 2, trekker: partij wie bestaat niet');
      expect(r.err).toMatch(/rij 3, deadline: "uiterlijk 31 februari 2026"/);
      expect(await t.eventCount()).toBe(eventsBefore);
    });

    it('refuses a file that is neither .csv nor .xlsx', async () => {
      const r = await cli('afspraak', 'importeer', join(map, 'afspraken.ods'), '--programma', 'TAZ');
      expect(r.code).toBe(1);
      expect(r.err).toContain('gebruik een .csv- of .xlsx-bestand');
    });
  });
});
