import type { RecordedEvent, SqlExecutor } from '@afspraken/event-store';
import { SqlEventStore } from '@afspraken/event-store';
import { dropSchema, openTestDatabase, uniqueSchema } from '@afspraken/event-store/testing/test-database';
import type { PgDatabase } from '@afspraken/event-store';
import { ALLE_PROJECTIES } from '../index';
import type { Projectie, Tabellen } from '../projectie';
import { schrijf, voorbeeldStromen } from '../testing/voorbeeld-events';
import { ProjectieRunner } from './projectie-runner';

const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts how often each event was applied: exactly once means every count is 1. */
const telProjectie = (faalNa?: { batch: number; events: number }): Projectie & { batches: number } => {
  const p = {
    naam: 'telling',
    tabellen: ['rm_telling'],
    batches: 0,
    async maakTabellen(tx: SqlExecutor, t: Tabellen) {
      await tx.exec(`CREATE TABLE IF NOT EXISTS ${t.rm_telling} (event_id uuid PRIMARY KEY, positie bigint NOT NULL, aantal int NOT NULL)`);
    },
    async verwerk(tx: SqlExecutor, events: readonly RecordedEvent[], t: Tabellen) {
      p.batches++;
      for (const [i, e] of events.entries()) {
        if (faalNa && p.batches === faalNa.batch && i === faalNa.events) throw new Error('proces valt om midden in een batch');
        await tx.query(`INSERT INTO ${t.rm_telling} VALUES ($1, $2, 1) ON CONFLICT (event_id) DO UPDATE SET aantal = ${t.rm_telling}.aantal + 1`, [e.id, e.position]);
      }
    },
  };
  return p;
};

describe('ProjectieRunner (PostgreSQL)', () => {
  let db: PgDatabase;
  let schema: string;
  let store: SqlEventStore;
  let totaal: number;
  let laatste: number;

  beforeEach(async () => {
    db = openTestDatabase();
    schema = uniqueSchema('proj');
    store = await SqlEventStore.create(db, { schema, adapter: 'postgres', pollIntervalMs: 20 });
    ({ aantal: totaal, positie: laatste } = await schrijf(store, voorbeeldStromen(60, 6)));
  });
  afterEach(async () => {
    await dropSchema(db, schema);
    await db.close();
  });

  const dump = async (tabel: string): Promise<string> => {
    const { rows } = await db.query(`SELECT * FROM "${schema}"."${tabel}" ORDER BY 1`);
    return JSON.stringify(rows);
  };
  const dumpAlles = async () => Object.fromEntries(await Promise.all(ALLE_PROJECTIES.flatMap((p) => p.tabellen).map(async (t) => [t, await dump(t)])));
  const telling = async () =>
    (await db.query<{ n: string; max: number; min: number }>(`SELECT count(*) AS n, max(aantal) AS max, min(aantal) AS min FROM "${schema}".rm_telling`)).rows[0];

  it('een herbouw vanaf positie 0 geeft byte-identieke leesmodellen, hoe de batches ook vallen', async () => {
    const live = new ProjectieRunner(db, store, ALLE_PROJECTIES, { schema, batchGrootte: 7 });
    await live.migreer();
    for (const p of ALLE_PROJECTIES) await live.werkBij(p.naam);
    const voor = await dumpAlles();
    expect(JSON.parse(voor.rm_afspraken)).toHaveLength(60);
    expect(JSON.parse(voor.rm_partijen)).toHaveLength(3);

    const herbouwer = new ProjectieRunner(db, store, ALLE_PROJECTIES, { schema, herbouwBatchGrootte: 13 });
    for (const p of ALLE_PROJECTIES) expect(await herbouwer.herbouw(p.naam)).toMatchObject({ events: totaal, positie: laatste });
    expect(await dumpAlles()).toEqual(voor);
    // A second rebuild swaps again without clashing index or constraint names.
    await herbouwer.herbouw('afspraak-status');
    expect(await dumpAlles()).toEqual(voor);
  });

  it('een herbouw terwijl de runner live doorloopt: lezers zien steeds een volledig model, het eind is gelijk aan een verse opbouw', async () => {
    const live = new ProjectieRunner(db, store, ALLE_PROJECTIES, { schema, batchGrootte: 25, wachtMs: 10 });
    await live.migreer();
    live.start();
    while ((await live.checkpoints.positie(db, 'afspraak-status')) < laatste) await wacht(10);
    const herbouw = new ProjectieRunner(db, store, ALLE_PROJECTIES, { schema, herbouwBatchGrootte: 10 }).herbouw('afspraak-status');
    const erbij = schrijf(store, voorbeeldStromen(80, 6).slice(4 + 60)); // 20 new afspraken while rebuilding
    const aantallen: number[] = [];
    while (!(await Promise.race([herbouw.then(() => true), wacht(5).then(() => false)]))) {
      aantallen.push(Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".rm_afspraken`)).rows[0].n));
    }
    const { positie: head } = await erbij;
    while ((await live.checkpoints.positie(db, 'afspraak-status')) < head) await wacht(10);
    await live.stop();
    // Never a half-built model: all 60 afspraken that were there before the rebuild stay visible.
    expect(aantallen.length).toBeGreaterThan(0);
    expect(Math.min(...aantallen)).toBeGreaterThanOrEqual(60);
    const naLive = await dump('rm_afspraken');
    expect(JSON.parse(naLive)).toHaveLength(80);
    await new ProjectieRunner(db, store, ALLE_PROJECTIES, { schema }).herbouw('afspraak-status');
    expect(await dump('rm_afspraken')).toEqual(naLive);
  });

  it('een proces dat midden in een batch omvalt: na herstart is elk event precies één keer verwerkt', async () => {
    const eerste = telProjectie({ batch: 3, events: 5 });
    const a = new ProjectieRunner(db, store, [eerste], { schema, batchGrootte: 20 });
    await a.migreer();
    expect(await a.neemLease('telling')).toBe(true);
    expect(await a.verwerkBatch(eerste)).toBe(20);
    expect(await a.verwerkBatch(eerste)).toBe(20);
    await expect(a.verwerkBatch(eerste)).rejects.toThrow('proces valt om');
    expect(Number((await telling()).n)).toBe(40); // the third batch rolled back with its checkpoint

    // Process a is gone without releasing its lease; b takes over once it runs out.
    const tweede = telProjectie();
    const b = new ProjectieRunner(db, store, [tweede], { schema, batchGrootte: 20 });
    expect(await b.neemLease('telling')).toBe(false);
    await db.query(`UPDATE "${schema}".projectie_checkpoints SET lease_tot = now() - interval '1 second'`);
    expect(await b.neemLease('telling')).toBe(true);
    await b.werkBij('telling');
    expect(await telling()).toEqual({ n: String(totaal), max: 1, min: 1 });
    expect(await b.checkpoints.positie(db, 'telling')).toBe(laatste);
    // The old process waking up cannot apply anything twice: its lease is gone.
    expect(await a.verwerkBatch(eerste)).toBe(0);
  });

  it('twee processen tegelijk: één verwerkt, de ander staat stand-by, geen event dubbel', async () => {
    const a = new ProjectieRunner(db, store, [telProjectie()], { schema, batchGrootte: 15, wachtMs: 5, standbyMs: 20 });
    const b = new ProjectieRunner(db, store, [telProjectie()], { schema, batchGrootte: 15, wachtMs: 5, standbyMs: 20 });
    await Promise.all([a.migreer(), b.migreer()]);
    a.start();
    b.start();
    const { aantal: erbij, positie: head } = await schrijf(store, voorbeeldStromen(90, 6).slice(4 + 60));
    while ((await a.checkpoints.positie(db, 'telling')) < head) await wacht(10);
    const [standA, ...rest] = await a.status();
    expect(rest).toEqual([]);
    expect([a.eigenaar, b.eigenaar]).toContain(standA.eigenaar);
    await Promise.all([a.stop(), b.stop()]);
    expect(await telling()).toEqual({ n: String(totaal + erbij), max: 1, min: 1 });
  });
});
