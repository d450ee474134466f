import type { Rol } from '@afspraken/domain';
import { auth, seed } from './fixtures';
import { startSecurityApp, type SecurityApp } from './security-app';

/**
 * The read rule as a matrix: every GET route of the OpenAPI document × six callers × the fixtures
 * that cross each boundary. A GET route this table does not know fails the first test, naming it:
 * a new route cannot escape the rule.
 *
 * Fixtures: TEST-1 (TAZ, trekker vws, betrokken ocw), TEST-2 (TAZ, trekker sbb; only sbb reported,
 * narrative GEHEIM-SBB), ANDER-1 (programme ANDER, trekker vws, narrative GEHEIM-ANDER).
 */

type Wie = 'coordinator' | 'coordinator TAZ' | 'partij vws' | 'partij vws TAZ' | 'auditor' | 'auditor TAZ';
const WIE: readonly { wie: Wie; rol: Rol; partijId?: string; programmaId?: string }[] = [
  { wie: 'coordinator', rol: 'coordinator' },
  { wie: 'coordinator TAZ', rol: 'coordinator', programmaId: 'TAZ' },
  { wie: 'partij vws', rol: 'partij', partijId: 'vws' },
  { wie: 'partij vws TAZ', rol: 'partij', partijId: 'vws', programmaId: 'TAZ' },
  { wie: 'auditor', rol: 'auditor' },
  { wie: 'auditor TAZ', rol: 'auditor', programmaId: 'TAZ' },
];

/** What a caller must never see in any answer: ids and narratives of afspraken it may not read. */
const VERBODEN: Record<Wie, readonly string[]> = {
  coordinator: [],
  'coordinator TAZ': ['ANDER-1', 'GEHEIM-ANDER'],
  'partij vws': ['TEST-2', 'GEHEIM-SBB'],
  'partij vws TAZ': ['TEST-2', 'GEHEIM-SBB', 'ANDER-1', 'GEHEIM-ANDER'],
  auditor: [],
  'auditor TAZ': ['ANDER-1', 'GEHEIM-ANDER'],
};
/** Never in any answer, to anyone. */
const NOOIT = ['postgres://', 'postgresql://', 'password', 'wachtwoord'];

/** The expected status per caller, in the order of WIE. */
type Statussen = readonly [number, number, number, number, number, number];
const ALLE: Statussen = [200, 200, 200, 200, 200, 200];
const BINNEN_TAZ: Statussen = [200, 403, 200, 403, 200, 403];

interface Geval {
  /** Filled in for the `{param}`s of the path. */
  readonly params: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly status: Statussen;
}

const afspraakGevallen = (query?: Record<string, string>): Geval[] => [
  { params: { afspraakId: 'TEST-1' }, query, status: ALLE },
  { params: { afspraakId: 'TEST-2' }, query, status: [200, 200, 403, 403, 200, 200] },
  { params: { afspraakId: 'ANDER-1' }, query, status: BINNEN_TAZ },
];
const programmaGevallen = (query?: Record<string, string>, status: { taz: Statussen; ander: Statussen } = { taz: ALLE, ander: BINNEN_TAZ }): Geval[] => [
  { params: { programmaId: 'TAZ' }, query, status: status.taz },
  { params: { programmaId: 'ANDER' }, query, status: status.ander },
];
const PEILING = { peildatum: '2023-03-01' };

/** Every GET route the api documents. `ical` is public; its token is made by the caller in the test. */
const MATRIX: Record<string, readonly Geval[]> = {
  '/health': [{ params: {}, status: ALLE }],
  '/health/details': [{ params: {}, status: [200, 200, 403, 403, 403, 403] }],
  '/ik': [{ params: {}, status: ALLE }],
  '/sleutels': [{ params: {}, status: [200, 200, 403, 403, 403, 403] }],
  '/afspraken': [{ params: {}, status: ALLE }, { params: {}, query: { partij: 'sbb' }, status: ALLE }, { params: {}, query: PEILING, status: ALLE }],
  '/afspraken/{afspraakId}': afspraakGevallen(),
  '/afspraken/{afspraakId}/geschiedenis': [...afspraakGevallen(), ...afspraakGevallen({ formaat: 'csv' })],
  '/audit/afspraken/{afspraakId}/stand': [...afspraakGevallen(PEILING), ...afspraakGevallen({ ...PEILING, zoals: 'gecorrigeerd' })],
  '/programmas': [{ params: {}, status: ALLE }],
  '/programmas/{programmaId}': programmaGevallen(),
  '/programmas/{programmaId}/indicatoren': programmaGevallen(),
  '/programmas/{programmaId}/overzicht': [...programmaGevallen(), ...programmaGevallen({ ...PEILING, zoals: 'vastgelegd' })],
  '/audit/programmas/{programmaId}/stand': programmaGevallen(PEILING),
  '/programmas/{programmaId}/bestuurlijk-overleg/agenda': programmaGevallen({ datum: '2023-03-31' }, { taz: [200, 200, 403, 403, 200, 200], ander: [200, 403, 403, 403, 200, 403] }),
  '/audit/programmas/{programmaId}/rapport': programmaGevallen(PEILING, { taz: [200, 200, 403, 403, 200, 200], ander: [200, 403, 403, 403, 200, 403] }),
  // The audit tree: the public key for anyone, heads and consistency are hashes only; a proof concerns one event.
  '/audit/sleutel': [{ params: {}, status: ALLE }],
  '/audit/boomhoofd': [{ params: {}, status: ALLE }],
  '/audit/consistentie': [{ params: {}, query: { van: '1', tot: '2' }, status: ALLE }],
  '/audit/bewijs/{eventId}': [
    { params: { eventId: 'eerste event van TEST-1' }, status: ALLE },
    { params: { eventId: 'eerste event van TEST-2' }, status: [200, 200, 403, 403, 200, 200] },
    { params: { eventId: 'eerste event van ANDER-1' }, status: BINNEN_TAZ },
  ],
  '/audit/verificatie': [{ params: {}, status: [200, 200, 403, 403, 200, 200] }],
  '/partijen/{partijId}': [{ params: { partijId: 'vws' }, status: ALLE }, { params: { partijId: 'sbb' }, status: ALLE }],
  '/partijen/{partijId}/afspraken': [{ params: { partijId: 'vws' }, status: ALLE }, { params: { partijId: 'sbb' }, status: ALLE }],
  '/partijen/{partijId}/inbox': [{ params: { partijId: 'vws' }, status: ALLE }, { params: { partijId: 'sbb' }, status: [200, 200, 403, 403, 200, 200] }],
  // The token is made (POST) by the caller itself for vws; an auditor may not make one.
  '/ical/{token}': [{ params: { token: 'van de aanroeper' }, status: [200, 200, 200, 200, 403, 403] }],
};

const pad = (sjabloon: string, params: Readonly<Record<string, string>>): string =>
  sjabloon.replace(/\{(\w+)\}/g, (_, naam: string) => {
    if (!(naam in params)) throw new Error(`${sjabloon}: geen waarde voor {${naam}}`);
    return encodeURIComponent(params[naam]);
  });

describe('Leesrecht: elke GET-route × zes soorten aanroepers (uit het OpenAPI-document)', () => {
  let t: SecurityApp;
  const sleutels = new Map<Wie, string>();

  beforeAll(async () => {
    t = await startSecurityApp();
    const coordinator = await t.key('coordinator');
    await seed(t, coordinator);
    const post = async (path: string, key: string, body: object) => {
      const res = await t.http.post(path).set(auth(key)).send(body);
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    };
    await post('/afspraken', coordinator, {
      afspraakId: 'TEST-2',
      programmaId: 'TAZ',
      titel: 'Afspraak van SBB alleen',
      tekst: 'SBB werkt dit uit.',
      trekker: 'sbb',
      betrokken: [],
      deadlines: [{ omschrijving: 'Uitgewerkt', phrase: 'uiterlijk Q2 2023' }],
    });
    await post('/afspraken/TEST-2/voortgang', await t.key('partij', { partijId: 'sbb' }), { partijId: 'sbb', percentage: 20, toelichting: 'GEHEIM-SBB voortgang' });
    await post('/afspraken/ANDER-1/voortgang', await t.key('partij', { partijId: 'vws' }), { partijId: 'vws', percentage: 30, toelichting: 'GEHEIM-ANDER voortgang' });
    for (const w of WIE) sleutels.set(w.wie, await t.key(w.rol, { partijId: w.partijId, programmaId: w.programmaId }));
    // A report needs a peildatum that is over.
    t.clock.advance(2 * 86_400_000);
  });
  afterAll(() => t?.close());

  it('kent elke GET-route van het OpenAPI-document, en geen route die er niet (meer) is', async () => {
    const res = await t.http.get('/docs/openapi.json');
    expect(res.status).toBe(200);
    const gedocumenteerd = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .filter(([, methoden]) => 'get' in methoden)
      .map(([p]) => p);
    const onbekend = gedocumenteerd.filter((p) => !(p in MATRIX));
    if (onbekend.length) throw new Error(`GET-routes zonder rij in de leesmatrix (test/security/leesrecht-matrix.e2e.spec.ts): ${onbekend.join(', ')}`);
    expect(Object.keys(MATRIX).filter((p) => !gedocumenteerd.includes(p))).toEqual([]);
  });

  for (const [sjabloon, gevallen] of Object.entries(MATRIX)) {
    describe(sjabloon, () => {
      for (const geval of gevallen) {
        WIE.forEach(({ wie }, i) => {
          const verwacht = geval.status[i];
          const query = geval.query ? `?${new URLSearchParams(geval.query)}` : '';
          it(`${wie} → ${verwacht}: ${pad(sjabloon, geval.params)}${query}`, async () => {
            const key = sleutels.get(wie)!;
            let url = `${pad(sjabloon, geval.params)}${query}`;
            if (sjabloon === '/audit/bewijs/{eventId}') {
              const afspraakId = geval.params.eventId.replace('eerste event van ', '');
              const [eerste] = await t.storage.events.readStream(`afspraak-${afspraakId}`);
              url = `/audit/bewijs/${eerste.id}${query}`;
            }
            if (sjabloon === '/ical/{token}') {
              const gemaakt = await t.http.post('/partijen/vws/ical-tokens').set(auth(key));
              if (gemaakt.status !== 201) return expect(gemaakt.status).toBe(verwacht);
              url = new URL(gemaakt.body.url).pathname;
            }
            const res = await t.http.get(url).set(auth(key)).buffer(true);
            expect({ url, status: res.status }).toEqual({ url, status: verwacht });
            // A refusal may name what was asked for; an answer may not show what the caller may not read.
            if (res.status >= 300) return;
            const tekst = res.text ?? (Buffer.isBuffer(res.body) ? res.body.toString('latin1') : JSON.stringify(res.body));
            for (const woord of [...VERBODEN[wie], ...NOOIT]) {
              if (tekst.includes(woord)) throw new Error(`${wie} ziet "${woord}" in ${url}: ${tekst.slice(0, 400)}`);
            }
          });
        });
      }
    });
  }
});
