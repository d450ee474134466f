import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '../errors';
import type { EventToAppend } from '../port';
import { dropSchema, openTestDatabase, uniqueSchema } from '../testing/test-database';
import { PgliteDatabase, type PgDatabase, type SqlDatabase } from './database';
import { SqlEventStore } from './sql-event-store';

// Concurrent single-event appends share one statement and one commit (group commit). Each must
// still succeed, conflict or repeat exactly as it would on its own.

const event = (type: string, data: object = {}): EventToAppend => ({ id: randomUUID(), type, data, metadata: { door: 'test' } });
const transactieVan = (position: number) => Math.floor(position / 4096);

const omgevingen: [string, () => Promise<{ db: SqlDatabase; store: SqlEventStore; opruimen: () => Promise<void> }>][] = [
  [
    'PostgreSQL',
    async () => {
      const db: PgDatabase = openTestDatabase();
      const schema = uniqueSchema('groep');
      const store = await SqlEventStore.create(db, { schema, adapter: 'postgres' });
      return { db, store, opruimen: async () => (await dropSchema(db, schema), await db.close()) };
    },
  ],
  [
    'ingebouwd (PGlite)',
    async () => {
      const db = await PgliteDatabase.open();
      return { db, store: await SqlEventStore.create(db, { adapter: 'embedded' }), opruimen: () => db.close() };
    },
  ],
];

describe.each(omgevingen)('group commit (%s)', (_naam, open) => {
  let store: SqlEventStore;
  let opruimen: () => Promise<void>;

  beforeEach(async () => {
    ({ store, opruimen } = await open());
  });
  afterEach(() => opruimen());

  it('schrijft veel gelijktijdige appends samen, elk met zijn eigen resultaat', async () => {
    const stromen = Array.from({ length: 40 }, (_, i) => `afspraak-G${i}-${randomUUID()}`);
    const resultaten = await Promise.all(stromen.map((s) => store.appendToStream(s, [event('Eerste')], { expectedRevision: 'no_stream' })));
    expect(resultaten.map((r) => r.nextExpectedRevision)).toEqual(stromen.map(() => 0));
    for (const [i, s] of stromen.entries()) {
      const [gelezen] = await store.readStream(s);
      expect(gelezen.position).toBe(resultaten[i].position);
    }
    // Fewer transactions than appends: they really went together.
    expect(new Set(resultaten.map((r) => transactieVan(r.position))).size).toBeLessThan(stromen.length);
    expect(new Set(resultaten.map((r) => r.position)).size).toBe(stromen.length);
  });

  it('houdt een groep klein: grote events gaan in meer groepen', async () => {
    const groot = 'x'.repeat(1024 * 1024);
    const stromen = Array.from({ length: 10 }, (_, i) => `afspraak-GR${i}-${randomUUID()}`);
    const resultaten = await Promise.all(stromen.map((s) => store.appendToStream(s, [event('Groot', { groot })], { expectedRevision: 'no_stream' })));
    // At most 4 MB of statement per group: 1 MB events go at most three together.
    expect(new Set(resultaten.map((r) => transactieVan(r.position))).size).toBeGreaterThanOrEqual(4);
    for (const s of stromen) expect(((await store.readStream(s))[0].data as { groot: string }).groot).toHaveLength(groot.length);
  });

  it('laat van gelijktijdige appends op dezelfde revisie er precies één winnen', async () => {
    const s = `afspraak-W-${randomUUID()}`;
    await store.appendToStream(s, [event('Eerste')], { expectedRevision: 'no_stream' });
    const uitkomsten = await Promise.allSettled(Array.from({ length: 10 }, () => store.appendToStream(s, [event('Tweede')], { expectedRevision: 0 })));
    expect(uitkomsten.filter((u) => u.status === 'fulfilled')).toHaveLength(1);
    const geweigerd = uitkomsten.filter((u): u is PromiseRejectedResult => u.status === 'rejected');
    expect(geweigerd).toHaveLength(9);
    for (const u of geweigerd) expect(u.reason).toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream(s)).toHaveLength(2);
  });

  it('schrijft appends op dezelfde stroom die niet op elkaar wachten na elkaar, in volgorde', async () => {
    const s = `afspraak-V-${randomUUID()}`;
    const resultaten = await Promise.all([0, 1, 2, 3].map((r) => store.appendToStream(s, [event(`E${r}`)], { expectedRevision: r === 0 ? 'no_stream' : r - 1 })));
    expect(resultaten.map((r) => r.nextExpectedRevision)).toEqual([0, 1, 2, 3]);
    expect((await store.readStream(s)).map((e) => e.type)).toEqual(['E0', 'E1', 'E2', 'E3']);
  });

  it('behandelt een herhaling in dezelfde groep als een no-op met het eerste resultaat, ook met een id in hoofdletters', async () => {
    const s = `afspraak-H-${randomUUID()}`;
    const e = { ...event('Eenmaal'), id: randomUUID().toUpperCase() };
    const [a, b] = await Promise.all([store.appendToStream(s, [e], { expectedRevision: 'no_stream' }), store.appendToStream(s, [e], { expectedRevision: 'no_stream' })]);
    expect(b).toEqual(a);
    expect(await store.appendToStream(s, [e], { expectedRevision: 'no_stream' })).toEqual(a);
    expect(await store.readStream(s)).toHaveLength(1);
  });

  it('laat één append die PostgreSQL weigert alleen zichzelf mislukken, niet de rest van de groep', async () => {
    const goed = Array.from({ length: 9 }, (_, i) => `afspraak-OK${i}-${randomUUID()}`);
    const fout = `afspraak-FOUT-${randomUUID()}`;
    const uitkomsten = await Promise.allSettled([
      ...goed.map((s) => store.appendToStream(s, [event('Goed')], { expectedRevision: 'no_stream' })),
      // jsonb refuses the NUL character.
      store.appendToStream(fout, [event('Fout', { tekst: 'a\u0000b' })], { expectedRevision: 'no_stream' }),
    ]);
    expect(uitkomsten.slice(0, 9).every((u) => u.status === 'fulfilled')).toBe(true);
    expect(uitkomsten[9].status).toBe('rejected');
    for (const s of goed) expect(await store.readStream(s)).toHaveLength(1);
    expect(await store.readStream(fout)).toHaveLength(0);
  });
});
