import type { RecordedEvent, SqlExecutor } from '@afspraken/event-store';
import { SqlEventStore } from '@afspraken/event-store';
import { dropSchema, openTestDatabase, uniqueSchema } from '@afspraken/event-store/testing/test-database';
import { waitUntil } from '@afspraken/event-store/testing/wait-until';
import type { PgDatabase } from '@afspraken/event-store';
import { ALLE_PROJECTIES } from '../index';
import { documentProjectie } from '../document-projectie';
import type { Projectie, Tabellen } from '../projectie';
import { alsTeSchrijven, schrijf, voorbeeldStromen, type Stroom } from '../testing/voorbeeld-events';
import { ProjectionRunner } from './projection-runner';

const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Appends the events of `venster` streams at a time round-robin, as months of daily work would:
 * one document's events then lie on many pages, near each other.
 */
const schrijfDoorElkaar = async (store: SqlEventStore, stromen: readonly Stroom[], venster: number): Promise<{ aantal: number; positie: number }> => {
  let aantal = 0;
  let positie = -1;
  for (let i = 0; i < stromen.length; i += venster) {
    const groep = stromen.slice(i, i + venster);
    for (let revision = 0; groep.some((s) => s.events[revision]); revision++) {
      for (const s of groep) {
        const event = s.events[revision];
        if (!event) continue;
        positie = (await store.appendToStream(s.streamId, alsTeSchrijven([event]), { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 })).position;
        aantal++;
      }
    }
  }
  return { aantal, positie };
};

/** Counts events per key and deletes the document on `Weg`: a read model whose documents come and go. */
const tellerProjectie = documentProjectie<{ n: number; laatste: string }, RecordedEvent>({
  naam: 'teller',
  tabel: 'rm_teller',
  kolommen: { n: 'bigint' },
  // Counts raw events of any type, so it reads them undecoded.
  decode: (recorded: RecordedEvent) => recorded,
  sleutel: (e) => (e.streamId.startsWith('teller-') ? e.streamId : null),
  evolve: (document, e) => (e.type === 'Weg' ? null : { n: (document?.n ?? 0) + 1, laatste: e.id }),
  kolomwaarden: (d) => ({ n: d.n }),
});

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

describe('ProjectionRunner (PostgreSQL)', () => {
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
    const live = new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema, batchGrootte: 7 });
    await live.migreer();
    for (const p of ALLE_PROJECTIES) await live.werkBij(p.naam);
    const voor = await dumpAlles();
    expect(JSON.parse(voor.rm_afspraken)).toHaveLength(60);
    expect(JSON.parse(voor.rm_partijen)).toHaveLength(3);

    const herbouwer = new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema, herbouwBatchGrootte: 13 });
    for (const p of ALLE_PROJECTIES) expect(await herbouwer.herbouw(p.naam)).toMatchObject({ events: totaal, positie: laatste });
    expect(await dumpAlles()).toEqual(voor);
    // A second rebuild swaps again without clashing index or constraint names.
    await herbouwer.herbouw('afspraak-status');
    expect(await dumpAlles()).toEqual(voor);
  });

  it('een herbouw met documenten over veel pagina\'s en meerdere schrijvers tegelijk is byte-identiek aan live', async () => {
    // 40 more afspraken, four at a time interleaved: consecutive pages share documents.
    const { positie } = await schrijfDoorElkaar(store, voorbeeldStromen(100, 8).slice(4 + 60), 4);
    const live = new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema, batchGrootte: 9 });
    await live.migreer();
    await live.werkBij('afspraak-status');
    const voor = await dump('rm_afspraken');
    expect(JSON.parse(voor)).toHaveLength(100);
    for (const [pagina, schrijvers] of [[5, 3], [3, 8], [11, 1]]) {
      const herbouwer = new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema, herbouwBatchGrootte: pagina, herbouwSchrijvers: schrijvers });
      expect(await herbouwer.herbouw('afspraak-status')).toMatchObject({ positie });
      expect(await dump('rm_afspraken')).toEqual(voor);
    }
  });

  it('een herbouw van documenten die verdwijnen en terugkomen is gelijk aan live', async () => {
    // Six counters; "Weg" deletes one, the next event brings it back.
    const stromen: Stroom[] = Array.from({ length: 6 }, (_, k) => ({
      streamId: `teller-${k}`,
      events: Array.from({ length: 12 }, (_, i) => ({ type: (i + k) % 5 === 4 ? 'Weg' : 'Geteld', data: {} })),
    }));
    await schrijfDoorElkaar(store, stromen, 3);
    const live = new ProjectionRunner(db, store, [tellerProjectie], { schema, batchGrootte: 4 });
    await live.migreer();
    await live.werkBij('teller');
    const voor = await dump('rm_teller');
    // Counters whose last event is "Weg" are gone: 6 - 1.
    expect(JSON.parse(voor)).toHaveLength(5);
    for (const schrijvers of [1, 4]) {
      await new ProjectionRunner(db, store, [tellerProjectie], { schema, herbouwBatchGrootte: 2, herbouwSchrijvers: schrijvers }).herbouw('teller');
      expect(await dump('rm_teller')).toEqual(voor);
    }
  });

  it('een herbouw die halverwege faalt laat het live leesmodel en het checkpoint staan', async () => {
    const live = new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema, batchGrootte: 50 });
    await live.migreer();
    await live.werkBij('afspraak-status');
    const voor = await dump('rm_afspraken');
    const checkpoint = await live.checkpoints.positie(db, 'afspraak-status');
    // The same read model, but its fold breaks on the 100th event it meets.
    let gezien = 0;
    const echte = ALLE_PROJECTIES.find((p) => p.naam === 'afspraak-status') as Projectie & { definitie: Parameters<typeof documentProjectie>[0] };
    const rest = ALLE_PROJECTIES.filter((p) => p !== echte);
    const def = echte.definitie;
    const breekt = documentProjectie({
      ...def,
      evolve: (document, event) => {
        if (++gezien === 100) throw new Error('fout in de fold');
        return def.evolve(document, event);
      },
    });
    const herbouwer = new ProjectionRunner(db, store, [breekt, ...rest], { schema, herbouwBatchGrootte: 7, herbouwSchrijvers: 3 });
    await expect(herbouwer.herbouw('afspraak-status')).rejects.toThrow('fout in de fold');
    expect(await dump('rm_afspraken')).toEqual(voor);
    expect(await live.checkpoints.positie(db, 'afspraak-status')).toBe(checkpoint);
    // The next rebuild starts over and succeeds.
    await new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema, herbouwBatchGrootte: 7 }).herbouw('afspraak-status');
    expect(await dump('rm_afspraken')).toEqual(voor);
  });

  it('een leesmodel van een eerdere versie (document jsonb) wordt verder bijgewerkt en bij herbouw json', async () => {
    const runner = new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema, batchGrootte: 50 });
    await db.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await db.exec(`CREATE TABLE "${schema}".rm_afspraken (sleutel text PRIMARY KEY, positie bigint NOT NULL, programma_id text, programmalijn_id text,
      opgave_id text, soort text, levenscyclus text, partijen text[], eerstvolgende_due_at timestamptz, kwartalen text[], document jsonb NOT NULL)`);
    await runner.migreer();
    await runner.werkBij('afspraak-status');
    const type = async () =>
      (await db.query<{ t: string }>(`SELECT atttypid::regtype::text AS t FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'document'`, [`"${schema}".rm_afspraken`]))
        .rows[0].t;
    expect(await type()).toBe('jsonb');
    const documenten = async () => (await db.query<{ document: object }>(`SELECT document FROM "${schema}".rm_afspraken ORDER BY sleutel`)).rows.map((r) => r.document);
    const voor = await documenten();
    expect(voor).toHaveLength(60);
    await runner.herbouw('afspraak-status');
    expect(await type()).toBe('json');
    expect(await documenten()).toEqual(voor);
  });

  it('een herbouw terwijl de runner live doorloopt: lezers zien steeds een volledig model, het eind is gelijk aan een verse opbouw', async () => {
    const live = new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema, batchGrootte: 25, wachtMs: 10 });
    await live.migreer();
    live.start();
    await waitUntil(`afspraak-status live op positie ${laatste}`, async () => (await live.checkpoints.positie(db, 'afspraak-status')) >= laatste);
    const herbouw = new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema, herbouwBatchGrootte: 10 }).herbouw('afspraak-status');
    const erbij = schrijf(store, voorbeeldStromen(80, 6).slice(4 + 60)); // 20 new afspraken while rebuilding
    const aantallen: number[] = [];
    while (!(await Promise.race([herbouw.then(() => true), wacht(5).then(() => false)]))) {
      aantallen.push(Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".rm_afspraken`)).rows[0].n));
    }
    const { positie: head } = await erbij;
    await waitUntil(`afspraak-status live op positie ${head}`, async () => (await live.checkpoints.positie(db, 'afspraak-status')) >= head);
    await live.stop();
    // Never a half-built model: all 60 afspraken that were there before the rebuild stay visible.
    expect(aantallen.length).toBeGreaterThan(0);
    expect(Math.min(...aantallen)).toBeGreaterThanOrEqual(60);
    const naLive = await dump('rm_afspraken');
    expect(JSON.parse(naLive)).toHaveLength(80);
    await new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema }).herbouw('afspraak-status');
    expect(await dump('rm_afspraken')).toEqual(naLive);
  });

  it('een proces dat midden in een batch omvalt: na herstart is elk event precies één keer verwerkt', async () => {
    const eerste = telProjectie({ batch: 3, events: 5 });
    const a = new ProjectionRunner(db, store, [eerste], { schema, batchGrootte: 20 });
    await a.migreer();
    expect(await a.neemLease('telling')).toBe(true);
    expect(await a.verwerkBatch(eerste)).toBe(20);
    expect(await a.verwerkBatch(eerste)).toBe(20);
    await expect(a.verwerkBatch(eerste)).rejects.toThrow('proces valt om');
    expect(Number((await telling()).n)).toBe(40); // the third batch rolled back with its checkpoint

    // Process a is gone without releasing its lease; b takes over once it runs out.
    const tweede = telProjectie();
    const b = new ProjectionRunner(db, store, [tweede], { schema, batchGrootte: 20 });
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
    const a = new ProjectionRunner(db, store, [telProjectie()], { schema, batchGrootte: 15, wachtMs: 5, standbyMs: 20 });
    const b = new ProjectionRunner(db, store, [telProjectie()], { schema, batchGrootte: 15, wachtMs: 5, standbyMs: 20 });
    await Promise.all([a.migreer(), b.migreer()]);
    a.start();
    b.start();
    const { aantal: erbij, positie: head } = await schrijf(store, voorbeeldStromen(90, 6).slice(4 + 60));
    await waitUntil(`telling op positie ${head}`, async () => (await a.checkpoints.positie(db, 'telling')) >= head);
    const [standA, ...rest] = await a.status();
    expect(rest).toEqual([]);
    expect([a.eigenaar, b.eigenaar]).toContain(standA.eigenaar);
    await Promise.all([a.stop(), b.stop()]);
    expect(await telling()).toEqual({ n: String(totaal + erbij), max: 1, min: 1 });
  });
});
