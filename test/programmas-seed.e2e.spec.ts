import { readFileSync } from 'node:fs';
import { auth, startTestApp, type TestApp } from './support/test-app';
import { seedTekst } from './support/seeds';
import { seedBestanden } from '../apps/api/src/opstart';
import { ApiKeyStore } from '@afspraken/platform';

/**
 * Every programme in data/programmas, imported as the first start does (TAZ, then the files that
 * name it) and read back through the API. The expectations are read from the seeds: 004 for
 * Werken in de Zorg (2018), 000/002/003 for Utrechtzorg.
 */

type Verwacht = { trekker: string; betrokken: string[]; deadlines: [phrase: string, kind: string, due: string | null][]; draagtBijAan?: string[] };

// Seed 004 — the commitments with the party the text names first and the deadline as printed.
const WIDZ: Record<string, Verwacht> = {
  // "Iedere regio ... – werkgevers en onderwijs, met goede betrokkenheid van zorginkopers, overheden (bijvoorbeeld gemeenten en UWV) ..."
  'WIDZ-A01': { trekker: 'zorgorganisaties', betrokken: ['onderwijs', 'zorginkopers', 'gemeenten', 'uwv'], deadlines: [] },
  // "Jaarlijks komt een uitgebreide programmamonitor": the end is stated (this kabinetsperiode, to 2021); an open recurrence is refused
  'WIDZ-A04': { trekker: 'vws', betrokken: [], deadlines: [['Jaarlijks tot en met 2021', 'terugkerend', '2021-12-31']] },
  // "lanceren we in juni 2018 een publiekscampagne"
  'WIDZ-A05': { trekker: 'vws', betrokken: [], deadlines: [['in juni 2018', 'periode', '2018-06-30']] },
  'WIDZ-A06': { trekker: 'vws', betrokken: [], deadlines: [['In 2018', 'periode', '2018-12-31']] },
  'WIDZ-A07': { trekker: 'vws', betrokken: ['ocw', 'onderwijs', 'zorgorganisaties'], deadlines: [] },
  // "komen de ministers van OCW en SZW voor de zomer met maatregelen": read against 13 March 2018, before the summer of 2018
  'WIDZ-A13': { trekker: 'ocw', betrokken: ['szw'], deadlines: [['voor de zomer', 'uiterlijk', '2018-05-31']] },
  'WIDZ-A14': { trekker: 'vws', betrokken: [], deadlines: [['In 2018', 'periode', '2018-12-31']] },
  'WIDZ-A16': { trekker: 'vws', betrokken: ['nvz', 'nfu'], deadlines: [['na 2018', 'vanaf', '2019-01-01']] },
  'WIDZ-A20': { trekker: 'zorgkantoren', betrokken: ['zorgorganisaties'], deadlines: [] },
  // "(najaar 2018), zullen we samen met het ministerie van Justitie en Veiligheid, VNG, branche- en cliëntenorganisaties, FCB, beroepsverenigingen, vakbonden en opleidingen"
  'WIDZ-A22': {
    trekker: 'vws', betrokken: ['jenv', 'vng', 'brancheorganisaties', 'clientenorganisaties', 'fcb', 'beroepsverenigingen', 'vakbonden', 'onderwijs'],
    deadlines: [['najaar 2018', 'periode', '2018-11-30']],
  },
  'WIDZ-A23': { trekker: 'vws', betrokken: ['vgn'], deadlines: [['voor de komende zomer', 'uiterlijk', '2018-05-31']] },
};

// Seeds 000, 002, 003 — no printed date: read against the stated documentdatum 2022-12-01 (the next 18 januari is 2023's).
const UTZ: Record<string, Verwacht> = {
  'UTZ-A01': { trekker: 'utrechtzorg', betrokken: [], deadlines: [], draagtBijAan: ['TAZ-A02'] },
  'UTZ-A03': { trekker: 'utrechtzorg', betrokken: ['zorgorganisaties', 'onderwijs'], deadlines: [['voor de periode 2020-2025', 'periode', '2025-12-31']] },
  // "compacte kopgroep ... Deze groep werkt samen met Utrechtzorg als aanjager en betrekt landelijke partners zoals VWS en zorgverzekeroors"
  'UTZ-A05': { trekker: 'werkgroep-anders-opleiden', betrokken: ['utrechtzorg', 'zorgorganisaties', 'onderwijs', 'vws', 'zorgverzekeraars'], deadlines: [] },
  // "Onderwerpen als bekwaam is inzetbaar en de rol van informele zorg worden regionaal uitgewerkt"
  'UTZ-A06': { trekker: 'utrechtzorg', betrokken: ['zorgorganisaties'], deadlines: [], draagtBijAan: ['TAZ-A03', 'TAZ-A04'] },
  'UTZ-A10': { trekker: 'utrechtzorg', betrokken: [], deadlines: [['18 januari', 'periode', '2023-01-18']], draagtBijAan: ['TAZ-A03'] },
  'UTZ-A11': { trekker: 'utrechtzorg', betrokken: [], deadlines: [['op 18 april', 'uiterlijk', '2023-04-18']] },
};

type AfspraakBody = { afspraakId: string; programmaId: string; trekker: string; betrokken: string[]; tekst: string; bronCitaat: string; mijlpalen: { deadline: { phrase: string; kind: string; due: string | null } }[] };

describe('Alle programma’s uit data/programmas (PostgreSQL, via de API)', () => {
  let t: TestApp;
  let coordinator: string;
  let auditor: string;
  const verslagen = new Map<string, Record<string, any>>();
  const afspraak = async (id: string): Promise<AfspraakBody> => {
    const r = await t.http.get(`/afspraken/${id}`).set(auth(auditor));
    expect([id, r.status]).toEqual([id, 200]);
    return r.body.afspraak;
  };
  const importeer = (yaml: string) => t.http.post('/programmas/import').set(auth(coordinator)).set('Content-Type', 'application/yaml').send(yaml);

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.key('coordinator');
    auditor = await t.key('auditor');
    for (const bestand of seedBestanden('data/programmas').bestanden) {
      const res = await importeer(readFileSync(bestand, 'utf8'));
      expect([bestand, res.status, res.body.errors]).toEqual([bestand, 200, undefined]);
      verslagen.set(res.body.programmaId, res.body);
    }
    // Read-your-writes for the read models behind GET /programmas: the last committed position (headPosition
    // may still hide it behind another test file's running transaction).
    const positie = Number((await t.storage.db.query<{ p: string }>(`SELECT max(position) AS p FROM "${t.schema}".events`)).rows[0].p);
    expect((await t.http.get('/programmas/TAZ/overzicht').set(auth(auditor)).set('X-Na-Positie', String(positie))).status).toBe(200);
  });
  afterAll(() => t?.close());

  it('imports TAZ before the programmes that refer to it, each without errors', () => {
    expect(seedBestanden('data/programmas').bestanden.map((b) => b.replace(/^.*\//, ''))[0]).toBe('taz.yaml');
    expect([...verslagen.keys()].sort()).toEqual(['TAZ', 'UTZ', 'WIDZ']);
    expect(verslagen.get('WIDZ')).toMatchObject({ afspraken: { nieuw: 23 }, programmalijnen: { nieuw: 4 }, opgaven: { nieuw: 15 }, koppelingen: { nieuw: 1 }, indicatoren: { nieuw: 3 }, metingen: { nieuw: 4 } });
    expect(verslagen.get('UTZ')).toMatchObject({ afspraken: { nieuw: 12 }, programmalijnen: { nieuw: 4 }, opgaven: { nieuw: 9 }, koppelingen: { nieuw: 4 } });
    expect(verslagen.get('TAZ')).toMatchObject({ indicatoren: { nieuw: 3 }, metingen: { nieuw: 1 } });
  });

  it('lists every programme, with the lineage on both sides', async () => {
    const res = await t.http.get('/programmas').set(auth(auditor));
    expect(res.status).toBe(200);
    expect(res.body.programmas.map((p: { programmaId: string; voorganger: string | null; opvolger: string | null }) => [p.programmaId, p.voorganger, p.opvolger])).toEqual([
      ['TAZ', 'WIDZ', null],
      ['UTZ', null, null],
      ['WIDZ', null, 'TAZ'],
    ]);
    expect((await t.http.get('/programmas/TAZ').set(auth(auditor))).body.lijn).toEqual({ voorganger: 'WIDZ', opvolger: null });
    expect((await t.http.get('/programmas/WIDZ').set(auth(auditor))).body.lijn).toEqual({ voorganger: null, opvolger: 'TAZ' });
  });

  it('a key limited to one programme lists only that one', async () => {
    const { key } = await t.app.get(ApiKeyStore).create({ naam: 'auditor utz', rol: 'auditor', programmaId: 'UTZ' });
    const res = await t.http.get('/programmas').set(auth(key));
    expect(res.body.programmas.map((p: { programmaId: string }) => p.programmaId)).toEqual(['UTZ']);
  });

  it.each(Object.entries(WIDZ))('%s has the trekker, betrokken and deadlines seed 004 names', async (id, v) => {
    const a = await afspraak(id);
    expect(a).toMatchObject({ programmaId: 'WIDZ', trekker: v.trekker, betrokken: v.betrokken });
    expect(a.mijlpalen.map((m) => [m.deadline.phrase, m.deadline.kind, m.deadline.due])).toEqual(v.deadlines);
    // The phrase as printed (a stated end of a recurrence is not in the text).
    for (const [phrase] of v.deadlines) expect(a.tekst).toContain(phrase.replace(/ tot en met \d{4}$/, ''));
  });

  it.each(Object.entries(UTZ))('%s has the trekker, betrokken and deadlines seeds 000/002/003 name', async (id, v) => {
    const a = await afspraak(id);
    expect(a).toMatchObject({ programmaId: 'UTZ', trekker: v.trekker, betrokken: v.betrokken });
    expect(a.mijlpalen.map((m) => [m.deadline.phrase, m.deadline.kind, m.deadline.due])).toEqual(v.deadlines);
  });

  it('links each regional commitment to the TAZ afspraak it carries out, shown on both programmes', async () => {
    const utz = (await t.http.get('/programmas/UTZ').set(auth(auditor))).body;
    const verwacht = Object.entries(UTZ).flatMap(([id, v]) => (v.draagtBijAan ?? []).map((doel) => [id, doel, 'TAZ']));
    expect(utz.programma.bijdragen.map((b: { afspraakId: string; draagtBijAan: string; doelProgrammaId: string }) => [b.afspraakId, b.draagtBijAan, b.doelProgrammaId])).toEqual(verwacht);
    const taz = (await t.http.get('/programmas/TAZ').set(auth(auditor))).body;
    expect(taz.bijdragenVanAndere.map((b: { afspraakId: string; draagtBijAan: string; programmaId: string }) => [b.afspraakId, b.draagtBijAan, b.programmaId])).toEqual(verwacht.map(([a, d]) => [a, d, 'UTZ']));
    // TAZ is only referred to: the links are events of UTZ's stream, none lands on TAZ's streams.
    const opTaz = [...(await t.storage.events.readStream('programma-TAZ')), ...(await t.storage.events.readStream('afspraak-TAZ-A03'))];
    expect(opTaz.filter((e) => e.type === 'BijdrageVastgelegd')).toEqual([]);
    expect((await t.storage.events.readStream('programma-UTZ')).filter((e) => e.type === 'BijdrageVastgelegd')).toHaveLength(4);
  });

  it('shows the indicators with target, measurements (source) and the afspraken they belong to', async () => {
    const res = await t.http.get('/programmas/WIDZ/indicatoren').set(auth(auditor));
    expect(res.status).toBe(200);
    const hbo = res.body.indicatoren.find((i: { indicatorId: string }) => i.indicatorId === 'WIDZ-I02');
    // "In 2014 begonnen nog ruim 5.000 studenten ..., in 2016 ... 6.600 en afgelopen zijn er zelfs ongeveer 7.500 studenten gestart."
    expect(hbo.metingen.map((m: { peildatum: string; waarde: number }) => [m.peildatum, m.waarde])).toEqual([['2014', 5000], ['2016', 6600], ['2017', 7500]]);
    expect(hbo.afspraken).toEqual([{ afspraakId: 'WIDZ-A07', titel: expect.stringContaining('hbo-verpleegkunde'), stoplicht: expect.any(String) }]);
    const taz = (await t.http.get('/programmas/TAZ/indicatoren').set(auth(auditor))).body.indicatoren;
    expect(taz.map((i: { indicatorId: string; doel: { waarde: number; peiljaar: number | null } }) => [i.indicatorId, i.doel.waarde, i.doel.peiljaar])).toEqual([
      ['TAZ-I01', 6, null],
      ['TAZ-I02', 100, 2025],
      ['TAZ-I03', 100, 2024],
    ]);
    expect(taz[2].afspraken.map((a: { afspraakId: string }) => a.afspraakId)).toEqual(['TAZ-A01', 'TAZ-W007']);
  });

  const bronnen: [string, string[]][] = [['widz.yaml', ['004']], ['utrechtzorg.yaml', ['000', '002', '003']]];
  it.each(bronnen)('%s quotes each afspraak verbatim from its seeds (whitespace aside)', async (bestand, nummers) => {
    const seed = seedTekst(...nummers);
    if (!seed) return console.warn(`programmas-seed.e2e: seeds ${nummers.join(', ')} ontbreken naast de repository; de citaatcontrole is overgeslagen`);
    const { parse } = await import('yaml');
    const file = parse(readFileSync(`data/programmas/${bestand}`, 'utf8')) as { afspraken: { id: string }[] };
    for (const { id } of file.afspraken) {
      const a = await afspraak(id);
      expect([id, seed.includes(a.bronCitaat.replace(/\s+/g, ' '))]).toEqual([id, true]);
    }
  });

  it('a second import of every file writes nothing', async () => {
    const voor = await t.eventCount();
    for (const bestand of seedBestanden('data/programmas').bestanden) {
      const res = await importeer(readFileSync(bestand, 'utf8'));
      expect([bestand, res.body.eventsGeschreven]).toEqual([bestand, 0]);
    }
    expect(await t.eventCount()).toBe(voor);
  });

  describe('bad links are a 400 naming the row, and nothing is written', () => {
    const utz = readFileSync('data/programmas/utrechtzorg.yaml', 'utf8');
    const gevallen: [string, string, string, string][] = [
      ['an unknown draagtBijAan target', utz.replace('draagtBijAan: [TAZ-A02]', 'draagtBijAan: [TAZ-A99]').replace('id: UTZ\n', 'id: UTZ2\n'), 'afspraken.0.draagtBijAan.0', 'TAZ-A99'],
      ['an unknown opvolger', readFileSync('data/programmas/widz.yaml', 'utf8').replace('opvolger: TAZ', 'opvolger: ONBEKEND').replace('id: WIDZ\n', 'id: WIDZ2\n'), 'programma.opvolger', 'ONBEKEND'],
      ['an indicator on another programme’s afspraak', utz.replace('id: UTZ\n', 'id: UTZ3\n') + '\nindicatoren:\n  - { id: UTZ3-I01, naam: x, eenheid: y, afspraken: [TAZ-A01] }\n', 'indicatoren.0.afspraken.0', 'TAZ'],
      ['a measurement without a valid peildatum', utz.replace('id: UTZ\n', 'id: UTZ4\n') + '\nindicatoren:\n  - { id: UTZ4-I01, naam: x, eenheid: y, metingen: [{ waarde: 1, peildatum: "2023-13", bron: z }] }\n', 'indicatoren.0.metingen.0.peildatum', 'JJJJ'],
    ];
    it.each(gevallen)('%s', async (_naam, yaml, field, inBericht) => {
      const voor = await t.eventCount();
      const res = await importeer(yaml);
      expect(res.status).toBe(400);
      const fout = res.body.errors.find((e: { field: string }) => e.field === field);
      expect([field, fout?.message]).toEqual([field, expect.stringContaining(inBericht)]);
      expect(await t.eventCount()).toBe(voor);
    });
  });
});
