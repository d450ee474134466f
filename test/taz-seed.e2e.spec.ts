import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The TAZ programme as imported from data/programmas/taz.yaml, read back through the API and held
 * against its source: seed 001 (Programma Toekomstbestendige Arbeidsmarkt Zorg & welzijn, VWS 2022).
 * The expectations below are read from the seed, not from the YAML: section 3 for the 14 afspraken,
 * section 6 (werkagenda) for the actions per opgave and niveau.
 */

type Verwacht = {
  readonly nummer: number;
  readonly opgave: string;
  readonly programmalijn: string;
  /** Every deadline the afspraak states, in the seed's words, with the day it is due (null: no date given). */
  readonly deadlines: readonly [phrase: string, kind: string, due: string | null][];
  readonly trekker: string;
  /** The organisations the seed names besides the trekker, as party ids. */
  readonly betrokken: readonly string[];
};

// Section 3 of the seed: "Afspraken programmalijn 1-3", numbered 1-14 under opgave 1-8.
const AFSPRAKEN: Record<string, Verwacht> = {
  // "Deze innovaties dienen vanaf 2025 te gaan renderen … transitieplannen gemaakt in 2023 … afspraken uit in Q2 2023 … tot uiterlijk Q2 2023"
  'TAZ-A01': {
    nummer: 1, opgave: 'TAZ-O1', programmalijn: 'TAZ-PL1',
    deadlines: [['vanaf 2025', 'vanaf', '2025-01-01'], ['in 2023', 'periode', '2023-12-31'], ['in Q2 2023', 'periode', '2023-06-30'], ['tot uiterlijk Q2 2023', 'uiterlijk', '2023-06-30']],
    // zorgaanbieders, zorgverzekeraars, regionale werkgeversorganisaties (Regioplus), zorgkantoren, VWS, gemeenten
    trekker: 'zorgorganisaties', betrokken: ['zorgverzekeraars', 'regionale-werkgeversorganisaties', 'regioplus', 'zorgkantoren', 'vws', 'gemeenten'],
  },
  // "Afspraken worden gesloten uiterlijk Q2 2023" — "maken we afspraken met arbeidsmarktregio’s"
  'TAZ-A02': { nummer: 2, opgave: 'TAZ-O1', programmalijn: 'TAZ-PL1', deadlines: [['uiterlijk Q2 2023', 'uiterlijk', '2023-06-30']], trekker: 'vws', betrokken: ['arbeidsmarktregios'] },
  // "uiterlijk Q4 2023 afspraken … tussen zorginkopers en zorgaanbieders … start VWS per 2023 communicatie met arbeidsmarktregio’s"
  'TAZ-A03': {
    nummer: 3, opgave: 'TAZ-O2', programmalijn: 'TAZ-PL1',
    deadlines: [['uiterlijk Q4 2023', 'uiterlijk', '2023-12-31'], ['per 2023', 'per', '2023-01-01']],
    trekker: 'zorginkopers', betrokken: ['zorgorganisaties', 'vws', 'arbeidsmarktregios'],
  },
  // "door zorgorganisaties, beroepsorganisaties, cliëntenorganisaties en werknemersorganisaties uiterlijk in Q2 2023"
  'TAZ-A04': {
    nummer: 4, opgave: 'TAZ-O2', programmalijn: 'TAZ-PL1',
    deadlines: [['uiterlijk in Q2 2023', 'uiterlijk', '2023-06-30']],
    trekker: 'zorgorganisaties', betrokken: ['beroepsverenigingen', 'clientenorganisaties', 'vakbonden'],
  },
  // "Beroepsverenigingen, brancheorganisaties, regionale werkgeversorganisaties en vakbonden … uiterlijk in Q4 van 2023 gereed"
  'TAZ-A05': {
    nummer: 5, opgave: 'TAZ-O3', programmalijn: 'TAZ-PL2',
    deadlines: [['uiterlijk in Q4 van 2023', 'uiterlijk', '2023-12-31']],
    trekker: 'beroepsverenigingen', betrokken: ['brancheorganisaties', 'regionale-werkgeversorganisaties', 'vakbonden'],
  },
  // "vanaf Q1 van 2023 afspraken tussen onderwijs en zorg- en welzijnsorganisaties … mogelijk te maken vanaf Q3 2023" (the first named leads)
  'TAZ-A06': {
    nummer: 6, opgave: 'TAZ-O3', programmalijn: 'TAZ-PL2',
    deadlines: [['vanaf Q1 van 2023', 'vanaf', '2023-01-01'], ['vanaf Q3 2023', 'vanaf', '2023-07-01']],
    trekker: 'onderwijs', betrokken: ['zorgorganisaties'],
  },
  // "door overheid, brancheorganisaties en vakbonden … door werkgevers in samenwerking met regionale werkgeversorganisaties … uiterlijk in Q3 van 2023"
  // "overheid" is a collectief: VWS and SZW, whom the werkagenda (opgave 4) names for this actielijn.
  'TAZ-A07': {
    nummer: 7, opgave: 'TAZ-O4', programmalijn: 'TAZ-PL2',
    deadlines: [['uiterlijk in Q3 van 2023', 'uiterlijk', '2023-09-30']],
    trekker: 'overheid', betrokken: ['brancheorganisaties', 'vakbonden', 'zorgorganisaties', 'regionale-werkgeversorganisaties'],
  },
  // "VWS is, in samenwerking met OCW en in overleg met SZW, vanaf de zomer 2022 gestart … loopt door in 2023"
  'TAZ-A08': {
    nummer: 8, opgave: 'TAZ-O4', programmalijn: 'TAZ-PL2',
    deadlines: [['vanaf de zomer 2022', 'vanaf', '2022-06-01'], ['in 2023', 'periode', '2023-12-31']],
    trekker: 'vws', betrokken: ['ocw', 'szw'],
  },
  // "per 1 januari 2024 door brancheorganisaties en koepels van zzp’ers werkafspraken" (tussen werkgevers c.q. opdrachtgevers en zzp’ers)
  'TAZ-A09': {
    nummer: 9, opgave: 'TAZ-O5', programmalijn: 'TAZ-PL2',
    deadlines: [['per 1 januari 2024', 'per', '2024-01-01']],
    trekker: 'brancheorganisaties', betrokken: ['zzp-koepels', 'zorgorganisaties'],
  },
  // "Per 1 januari 2024 wordt door overheidspartijen en brancheorganisaties … handhaving van de wet DBA"
  // "overheidspartijen" is a collectief: VWS, SZW and the Belastingdienst, as the werkagenda of opgave 5 names them for the wet DBA.
  'TAZ-A10': {
    nummer: 10, opgave: 'TAZ-O5', programmalijn: 'TAZ-PL2',
    deadlines: [['Per 1 januari 2024', 'per', '2024-01-01']],
    trekker: 'overheidspartijen', betrokken: ['brancheorganisaties'],
  },
  // "Het ministerie van VWS, werkgevers, brancheorganisaties en onderwijs … met het ministerie van OCW … uiterlijk Q2 2023 (deel)plannen"
  'TAZ-A11': {
    nummer: 11, opgave: 'TAZ-O6', programmalijn: 'TAZ-PL3',
    deadlines: [['uiterlijk Q2 2023', 'uiterlijk', '2023-06-30']],
    trekker: 'vws', betrokken: ['zorgorganisaties', 'brancheorganisaties', 'onderwijs', 'ocw'],
  },
  // "Werkgevers, brancheorganisaties en onderwijs … met de ministeries van VWS en OCW … Uiterlijk Q2 2023"
  'TAZ-A12': {
    nummer: 12, opgave: 'TAZ-O7', programmalijn: 'TAZ-PL3',
    deadlines: [['Uiterlijk Q2 2023', 'uiterlijk', '2023-06-30']],
    trekker: 'zorgorganisaties', betrokken: ['brancheorganisaties', 'onderwijs', 'vws', 'ocw'],
  },
  // "Werkgevers, branche- en beroepsorganisaties en het onderwijs spreken af om de komende twee jaren …": two years from the documentdatum (30 September 2022)
  'TAZ-A13': {
    nummer: 13, opgave: 'TAZ-O8', programmalijn: 'TAZ-PL3',
    deadlines: [['de komende twee jaren', 'periode', '2024-09-29']],
    trekker: 'zorgorganisaties', betrokken: ['brancheorganisaties', 'beroepsverenigingen', 'onderwijs'],
  },
  // "Werkgevers, branche- en beroepsorganisaties brengen uiterlijk in Q2 2023 de fricties in beeld"
  'TAZ-A14': {
    nummer: 14, opgave: 'TAZ-O8', programmalijn: 'TAZ-PL3',
    deadlines: [['uiterlijk in Q2 2023', 'uiterlijk', '2023-06-30']],
    trekker: 'zorgorganisaties', betrokken: ['brancheorganisaties', 'beroepsverenigingen'],
  },
};

// Section 6 (werkagenda): the bullets under each opgave, per level ("Zorgorganisatie", "Sector en regio", "Systeem en overheid").
const ACTIES_PER_OPGAVE: Record<string, { programmalijn: string; zorgorganisatie: number; 'sector-en-regio': number; 'systeem-en-overheid': number }> = {
  'TAZ-O1': { programmalijn: 'TAZ-PL1', zorgorganisatie: 4, 'sector-en-regio': 6, 'systeem-en-overheid': 5 },
  'TAZ-O2': { programmalijn: 'TAZ-PL1', zorgorganisatie: 3, 'sector-en-regio': 3, 'systeem-en-overheid': 8 },
  'TAZ-O3': { programmalijn: 'TAZ-PL2', zorgorganisatie: 3, 'sector-en-regio': 5, 'systeem-en-overheid': 4 },
  'TAZ-O4': { programmalijn: 'TAZ-PL2', zorgorganisatie: 4, 'sector-en-regio': 4, 'systeem-en-overheid': 5 },
  // 7 bullets, and the lettered parts a-c of "Brancheorganisaties stellen in overleg met zzp-koepels …" as sub-actions
  'TAZ-O5': { programmalijn: 'TAZ-PL2', zorgorganisatie: 4, 'sector-en-regio': 10, 'systeem-en-overheid': 4 },
  'TAZ-O6': { programmalijn: 'TAZ-PL3', zorgorganisatie: 0, 'sector-en-regio': 3, 'systeem-en-overheid': 3 },
  'TAZ-O7': { programmalijn: 'TAZ-PL3', zorgorganisatie: 1, 'sector-en-regio': 1, 'systeem-en-overheid': 3 },
  'TAZ-O8': { programmalijn: 'TAZ-PL3', zorgorganisatie: 3, 'sector-en-regio': 4, 'systeem-en-overheid': 5 },
};

// The seeds live beside the checkout (`../shared/seeds` from the repository root); a worktree nested one level
// deeper finds them one directory further up.
const REPO = resolve(__dirname, '..');
const SEED_PLEKKEN = [resolve(REPO, '..', 'shared', 'seeds'), resolve(REPO, '..', '..', 'shared', 'seeds')];
const SEEDS = SEED_PLEKKEN.find((d) => existsSync(d));
const seedBestand = SEEDS ? readdirSync(SEEDS).find((f) => f.startsWith('001_')) : undefined;

/** Werkagenda actions that state more than one deadline, in the seed's words. */
const ACTIES_MET_DEADLINES: Record<string, readonly string[]> = {
  'TAZ-W011': ['In Q1 2023', 'vanaf Q3 2023'],
  'TAZ-W018': ['In Q3 2023', 'in 2022'],
  'TAZ-W030': ['in de periode 2022-2023', 'vanaf het najaar 2022'],
  'TAZ-W054': ['vanaf de zomer 2022', 'in 2023', 'tot het najaar van 2024'],
};
const ACTIE_IDS = Array.from({ length: 92 }, (_, i) => `TAZ-W${String(i + 1).padStart(3, '0')}`).flatMap((id) => (id === 'TAZ-W056' ? [id, 'TAZ-W056a', 'TAZ-W056b', 'TAZ-W056c'] : [id]));

const telling = (waarden: readonly string[]) => waarden.reduce<Record<string, number>>((t, w) => ({ ...t, [w]: (t[w] ?? 0) + 1 }), {});

type Mijlpaal = { deadlineId: string; deadline: { phrase: string; kind: string; due: string | null } };
type AfspraakBody = {
  afspraakId: string;
  soort: string;
  nummer: string | null;
  niveau: string | null;
  opgaveId: string;
  programmalijnId: string;
  trekker: string;
  betrokken: string[];
  tekst: string;
  bronCitaat: string;
  ouder: string | null;
  dientAfspraken: string[];
  mijlpalen: Mijlpaal[];
};

describe('Het TAZ-programma tegen seed 001 (PostgreSQL, via de API)', () => {
  let t: TestApp;
  let auditor: string;
  const afspraken = new Map<string, AfspraakBody>();
  const acties: AfspraakBody[] = [];
  let eersteImport: Record<string, unknown>;

  beforeAll(async () => {
    // Imported "today", years after the document: its past must still be visible.
    t = await startTestApp('2025-06-02T09:00:00.000Z');
    const coordinator = await t.key('coordinator');
    auditor = await t.key('auditor');
    const res = await t.http.post('/programmas/import').set('Authorization', `Bearer ${coordinator}`).set('Content-Type', 'application/yaml').send(readFileSync('data/programmas/taz.yaml', 'utf8'));
    expect(res.status).toBe(200);
    eersteImport = res.body;
    const lees = async (afspraakId: string) => {
      const r = await t.http.get(`/afspraken/${afspraakId}`).set('Authorization', `Bearer ${auditor}`);
      expect(r.status).toBe(200);
      return r.body.afspraak as AfspraakBody;
    };
    for (let n = 1; n <= 14; n++) afspraken.set(`TAZ-A${String(n).padStart(2, '0')}`, await lees(`TAZ-A${String(n).padStart(2, '0')}`));
    for (const id of ACTIE_IDS) acties.push(await lees(id));
  });
  afterAll(() => t?.close());

  it('holds the 3 programmalijnen and 8 opgaven of the seed', async () => {
    const res = await t.http.get('/programmas/TAZ').set('Authorization', `Bearer ${auditor}`);
    expect(res.status).toBe(200);
    const { programmalijnen, opgaven } = res.body.programma as { programmalijnen: { programmalijnId: string; nummer: number }[]; opgaven: { opgaveId: string; programmalijnId: string; nummer: number }[] };
    expect(programmalijnen.map((l) => [l.programmalijnId, l.nummer])).toEqual([['TAZ-PL1', 1], ['TAZ-PL2', 2], ['TAZ-PL3', 3]]);
    expect(Object.fromEntries(opgaven.map((o) => [o.opgaveId, o.programmalijnId]))).toEqual(
      Object.fromEntries(Object.entries(ACTIES_PER_OPGAVE).map(([opgave, { programmalijn }]) => [opgave, programmalijn])),
    );
  });

  it('has the documentdatum the coordinator states (the seed prints none): sent to the Tweede Kamer on 30 September 2022', async () => {
    const res = await t.http.get('/programmas/TAZ').set('Authorization', `Bearer ${auditor}`);
    expect(res.body.programma.documentdatum).toEqual({ datum: '2022-09-30', soort: 'opgegeven', bron: expect.stringContaining('Kamerstuk 29 282, nr. 485') });
  });

  it('POST /programmas records a documentdatum, and refuses a bad one with 400 naming the field, writing nothing', async () => {
    const coordinator = await t.key('coordinator');
    const post = (body: Record<string, unknown>) =>
      t.http.post('/programmas').set('Authorization', `Bearer ${coordinator}`).send({ programmaId: 'WIDZ', naam: 'Werken in de Zorg', eigenaar: 'vws', ...body });
    const voor = await t.eventCount();
    for (const [body, field] of [
      [{ documentdatum: '2018-02-30', documentdatumSoort: 'gedrukt' }, 'documentdatum'],
      [{ documentdatum: '2018-03-13', documentdatumSoort: 'geraden' }, 'documentdatumSoort'],
      [{ documentdatum: '2018-03-13' }, 'documentdatumSoort'],
    ] as const) {
      const res = await post(body);
      expect({ body, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ body, status: 400, fields: [field] });
    }
    expect(await t.eventCount()).toBe(voor);
    expect((await post({ documentdatum: '2018-03-13', documentdatumSoort: 'gedrukt' })).status).toBe(201);
    const widz = await t.http.get('/programmas/WIDZ').set('Authorization', `Bearer ${auditor}`);
    expect(widz.body.programma.documentdatum).toEqual({ datum: '2018-03-13', soort: 'gedrukt', bron: '' });
  });

  describe('the past is visible: every event the import writes takes effect on the documentdatum', () => {
    it('records effectiefOp 2022-09-30 (start of the day in Amsterdam) while vastgelegdOp stays the import moment', async () => {
      const res = await t.http.get('/afspraken/TAZ-A09/geschiedenis').set('Authorization', `Bearer ${auditor}`);
      expect(res.body.length).toBeGreaterThan(0);
      for (const regel of res.body) expect(regel).toMatchObject({ vastgelegdOp: '2025-06-02T09:00:00.000Z', effectiefOp: '2022-09-29T22:00:00.000Z' });
    });

    it('"the programme on 1 July 2023, as corrected" shows all 14 afspraken with their status on that day (the docs/audit.md example)', async () => {
      const res = await t.http.get('/audit/programmas/TAZ/stand?peildatum=2023-07-01&zoals=gecorrigeerd').set('Authorization', `Bearer ${auditor}`);
      expect(res.status).toBe(200);
      const status = Object.fromEntries(res.body.afspraken.map((a: { afspraakId: string; status: string }) => [a.afspraakId, a.status]));
      expect(Object.keys(status).filter((id) => id.startsWith('TAZ-A'))).toEqual(Object.keys(AFSPRAKEN));
      // Q2 2023 has passed without a delivery; 1 January 2024 is half a year away.
      expect(status).toMatchObject({ 'TAZ-A02': 'verlopen', 'TAZ-A12': 'verlopen', 'TAZ-A09': 'op schema', 'TAZ-A10': 'op schema' });
      expect(res.body.totaal.totaal).toBe(14 + 95);
      // Before the document there was nothing.
      const ervoor = await t.http.get('/audit/programmas/TAZ/stand?peildatum=2022-09-29&zoals=gecorrigeerd').set('Authorization', `Bearer ${auditor}`);
      expect(ervoor.body.totaal.totaal).toBe(0);
    });

    it('the voortgangsrapportage of 1 July 2023 has content, byte for byte the same on a second run', async () => {
      const rapport = () =>
        t.http.get('/audit/programmas/TAZ/rapport?peildatum=2023-07-01&formaat=md').set('Authorization', `Bearer ${auditor}`).buffer(true);
      const eerst = await rapport();
      expect(eerst.status).toBe(200);
      expect(eerst.text).toMatch(/^## Verlopen \((\d+)\)$/m);
      expect(Number(/^## Verlopen \((\d+)\)$/m.exec(eerst.text)?.[1])).toBeGreaterThan(0);
      expect(eerst.text).toContain('| TAZ-A02 |');
      const opnieuw = await rapport();
      expect(opnieuw.text).toBe(eerst.text);
      expect(opnieuw.headers['x-bestand-sha256']).toBe(eerst.headers['x-bestand-sha256']);
    });
  });

  it('holds exactly the 14 numbered afspraken, and no 15th', async () => {
    expect([...afspraken.values()].map((a) => [a.afspraakId, a.soort, a.nummer])).toEqual(Object.entries(AFSPRAKEN).map(([id, v]) => [id, 'afspraak', String(v.nummer)]));
    expect((await t.http.get('/afspraken/TAZ-A15').set('Authorization', `Bearer ${auditor}`)).status).toBe(404);
  });

  it('counts the afspraken per programmalijn (4, 6, 4) and per opgave as the seed does', () => {
    expect(telling([...afspraken.values()].map((a) => a.programmalijnId))).toEqual({ 'TAZ-PL1': 4, 'TAZ-PL2': 6, 'TAZ-PL3': 4 });
    expect(telling([...afspraken.values()].map((a) => a.opgaveId))).toEqual({ 'TAZ-O1': 2, 'TAZ-O2': 2, 'TAZ-O3': 2, 'TAZ-O4': 2, 'TAZ-O5': 2, 'TAZ-O6': 1, 'TAZ-O7': 1, 'TAZ-O8': 2 });
  });

  it.each(Object.entries(AFSPRAKEN))('%s sits under its opgave and programmalijn', (afspraakId, v) => {
    expect(afspraken.get(afspraakId)).toMatchObject({ opgaveId: v.opgave, programmalijnId: v.programmalijn });
  });

  it.each(Object.entries(AFSPRAKEN))('%s has each deadline the seed states, read to the right due date', (afspraakId, v) => {
    const a = afspraken.get(afspraakId)!;
    expect(a.mijlpalen.map((m) => [m.deadline.phrase, m.deadline.kind, m.deadline.due])).toEqual(v.deadlines);
    // The phrase is quoted from the afspraak's own text, not invented.
    for (const [phrase] of v.deadlines) expect(a.tekst.replace(/\s+/g, ' ')).toContain(phrase);
  });

  it.each(Object.entries(AFSPRAKEN))('%s has the trekker and betrokken parties the seed names', (afspraakId, v) => {
    expect(afspraken.get(afspraakId)).toMatchObject({ trekker: v.trekker, betrokken: v.betrokken });
  });

  it.each(Object.entries(AFSPRAKEN))('%s quotes the sentence with each of its deadlines', (afspraakId, v) => {
    const citaat = afspraken.get(afspraakId)!.bronCitaat.replace(/\s+/g, ' ');
    for (const [phrase] of v.deadlines) expect([afspraakId, phrase, citaat.includes(phrase)]).toEqual([afspraakId, phrase, true]);
  });

  it('the collectieven resolve to their member organisations', async () => {
    for (const [partijId, leden] of [['overheid', ['vws', 'szw']], ['overheidspartijen', ['vws', 'szw', 'belastingdienst']]] as const) {
      const res = await t.http.get(`/partijen/${partijId}`).set('Authorization', `Bearer ${auditor}`);
      expect(res.body.partij).toMatchObject({ soort: 'collectief', leden });
    }
  });

  it('models the two groups of sub-bullets of section 6 as sub-actions with a parent', () => {
    const metOuder = Object.fromEntries(acties.filter((a) => a.ouder !== null).map((a) => [a.afspraakId, a.ouder]));
    expect(metOuder).toEqual({
      // "VWS onderzoekt en stimuleert op verschillende manieren taakherschikking en -differentiatie. Ter illustratie: • …"
      'TAZ-W021': 'TAZ-W020', 'TAZ-W022': 'TAZ-W020', 'TAZ-W023': 'TAZ-W020',
      // "Brancheorganisaties stellen in overleg met zzp-koepels … afspraken op …  a. … b. … c. …"
      'TAZ-W056a': 'TAZ-W056', 'TAZ-W056b': 'TAZ-W056', 'TAZ-W056c': 'TAZ-W056',
    });
    expect(acties.find((a) => a.afspraakId === 'TAZ-W056c')).toMatchObject({ trekker: 'boz', tekst: 'De BoZ wordt verzocht de Governancecode zorg hierop aan te passen.' });
  });

  it('records every deadline an actie states, several where it states several', () => {
    for (const a of acties) {
      const phrases = a.mijlpalen.map((m) => m.deadline.phrase);
      for (const phrase of phrases) expect([a.afspraakId, a.tekst.replace(/\s+/g, ' ').includes(phrase)]).toEqual([a.afspraakId, true]);
      if (ACTIES_MET_DEADLINES[a.afspraakId]) expect([a.afspraakId, phrases]).toEqual([a.afspraakId, ACTIES_MET_DEADLINES[a.afspraakId]]);
    }
  });

  it('links each actie to the afspraak its heading names, and every afspraak is served', () => {
    const gediend = telling(acties.flatMap((a) => a.dientAfspraken));
    expect(Object.keys(gediend).sort()).toEqual(Object.keys(AFSPRAKEN));
    // "Acties m.b.t. regionaal werkgeverschap" (opgave 1) serve afspraak 2; "Acties ten aanzien van duidelijke werkafspraken … zzp’ers" afspraak 9.
    expect(acties.filter((a) => a.dientAfspraken.includes('TAZ-A02')).map((a) => a.afspraakId)).toEqual(['TAZ-W013', 'TAZ-W014', 'TAZ-W015']);
    expect(acties.filter((a) => a.dientAfspraken.includes('TAZ-A09')).map((a) => a.afspraakId)).toEqual(['TAZ-W055', 'TAZ-W056', 'TAZ-W056a', 'TAZ-W056b', 'TAZ-W056c', 'TAZ-W057', 'TAZ-W058', 'TAZ-W059']);
    expect(acties.find((a) => a.afspraakId === 'TAZ-W086')?.dientAfspraken).toEqual(['TAZ-A14']);
  });

  it('holds the 92 werkagenda actions and 3 lettered sub-actions, per opgave and niveau as counted in section 6, and no 93rd', async () => {
    expect(acties.every((a) => a.soort === 'actie' && a.nummer === null)).toBe(true);
    const perOpgaveEnNiveau = telling(acties.map((a) => `${a.opgaveId} ${a.niveau}`));
    const verwacht = Object.fromEntries(
      Object.entries(ACTIES_PER_OPGAVE).flatMap(([opgave, n]) =>
        (['zorgorganisatie', 'sector-en-regio', 'systeem-en-overheid'] as const).filter((niveau) => n[niveau] > 0).map((niveau) => [`${opgave} ${niveau}`, n[niveau]]),
      ),
    );
    expect(perOpgaveEnNiveau).toEqual(verwacht);
    expect(telling(acties.map((a) => a.programmalijnId))).toEqual({ 'TAZ-PL1': 29, 'TAZ-PL2': 43, 'TAZ-PL3': 23 });
    expect((await t.http.get('/afspraken/TAZ-W093').set('Authorization', `Bearer ${auditor}`)).status).toBe(404);
  });

  it('knows every party it names as trekker or betrokken', async () => {
    const partijen = new Set([...afspraken.values(), ...acties].flatMap((a) => [a.trekker, ...a.betrokken]));
    for (const partijId of partijen) {
      expect([partijId, (await t.http.get(`/partijen/${partijId}`).set('Authorization', `Bearer ${auditor}`)).status]).toEqual([partijId, 200]);
    }
  });

  it('refuses a file whose structure is wrong with 400 naming each field, writing nothing', async () => {
    const coordinator = await t.key('coordinator');
    const yaml = readFileSync('data/programmas/taz.yaml', 'utf8')
      .replace('    ouder: TAZ-W020\n', '    ouder: TAZ-W999\n')
      .replace('    leden: [vws, szw]\n', '')
      .replace('    dientAfspraken: [TAZ-A14]\n', '    dientAfspraken: [TAZ-A15]\n')
      .replace('    deadline: "uiterlijk Q1 2023"\n', '    deadline: "uiterlijk Q1 2023"\n    deadlines: [{ id: d1, omschrijving: x, phrase: "in 2023" }]\n');
    const voor = await t.eventCount();
    const res = await t.http.post('/programmas/import').set('Authorization', `Bearer ${coordinator}`).set('Content-Type', 'application/yaml').send(yaml);
    expect(res.status).toBe(400);
    const velden = res.body.errors.map((e: { field: string }) => e.field);
    expect(velden).toEqual(expect.arrayContaining([expect.stringMatching(/^partijen\.\d+\.leden$/), expect.stringMatching(/^acties\.\d+\.ouder$/), expect.stringMatching(/^acties\.\d+\.dientAfspraken\.0$/), expect.stringMatching(/^acties\.\d+\.deadlines$/)]));
    expect(await t.eventCount()).toBe(voor);
  });

  it('imported everything at once, and a second import writes nothing', async () => {
    expect(eersteImport).toMatchObject({ afspraken: { nieuw: 14, bestond: 0 }, acties: { nieuw: 95, bestond: 0 }, programmalijnen: { nieuw: 3 }, opgaven: { nieuw: 8 } });
    const eventsBefore = await t.eventCount();
    const coordinator = await t.key('coordinator');
    const res = await t.http.post('/programmas/import').set('Authorization', `Bearer ${coordinator}`).set('Content-Type', 'application/yaml').send(readFileSync('data/programmas/taz.yaml', 'utf8'));
    expect(res.body).toMatchObject({ eventsGeschreven: 0, afspraken: { nieuw: 0, bestond: 14 }, acties: { nieuw: 0, bestond: 95 }, waarschuwingen: [] });
    expect(await t.eventCount()).toBe(eventsBefore);
  });

  it('quotes each afspraak verbatim from the seed (bronCitaat, whitespace aside)', () => {
    if (!SEEDS || !seedBestand) throw new Error(`seed 001 (001_*.txt) niet gevonden in ${SEED_PLEKKEN.join(' of ')}`);
    const seed = readFileSync(join(SEEDS, seedBestand), 'utf8').replace(/\s+/g, ' ');
    expect(afspraken.size).toBe(14);
    for (const a of afspraken.values()) expect([a.afspraakId, seed.includes(a.bronCitaat.replace(/\s+/g, ' '))]).toEqual([a.afspraakId, true]);
  });
});
