/**
 * Appends/s through our store port vs emmett-postgresql and vs a raw INSERT with the same
 * uniqueness guarantee, on one PostgreSQL, same workload, measured side by side in one run;
 * then the embedded (PGlite) store on the same workload.
 *
 *   npm run bench:appends            (BENCH_APPENDS=16000 BENCH_WRITERS=8 BENCH_ROUNDS=3)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PgDatabase, PgliteDatabase, SqlEventStore, type SqlDatabase, type SqlEventStoreOptions } from '@afspraken/event-store';
import { createScratchDatabase, envInt, fmt, median, printTable } from './support';

const TOTAL = envInt('BENCH_APPENDS', 16_000);
const WRITERS = envInt('BENCH_WRITERS', 8);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const PER_WRITER = Math.ceil(TOTAL / WRITERS);

type AppendOne = (writer: number, stream: string, revision: number) => Promise<void>;

const payload = (i: number) => ({ afspraakId: `BENCH-${i}`, percentage: i % 100, toelichting: 'Voortgang gemeld in de benchmark' });
const metadata = { actor: 'bench', rol: 'coordinator', recordedAt: '2026-01-01T00:00:00.000Z' };

/** WRITERS concurrent loops, each appending single events to its own fresh stream with the expected revision. */
const run = async (round: number, label: string, appendOne: AppendOne): Promise<number> => {
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const stream = `afspraak-bench-${round}-${label}-${w}-${randomUUID().slice(0, 8)}`;
      for (let r = 0; r < PER_WRITER; r++) await appendOne(w, stream, r);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (WRITERS * PER_WRITER) / seconds;
};

/** Our store through its port: single-event appends with the expected revision. */
const storePort = async (db: SqlDatabase, options: SqlEventStoreOptions) => {
  const store = await SqlEventStore.create(db, options);
  const append: AppendOne = async (_w, stream, revision) => {
    await store.appendToStream(stream, [{ id: randomUUID(), type: 'VoortgangGerapporteerd', data: payload(revision), metadata }], {
      expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
    });
  };
  return { append, close: () => store.close().then(() => db.close()) };
};

const ours = (url: string) => storePort(new PgDatabase({ connectionString: url, max: WRITERS }), { schema: 'ours', adapter: 'postgres' });

const emmett = async (url: string) => {
  const peer = createRequire(join(__dirname, 'peer', 'package.json'));
  const { getPostgreSQLEventStore } = peer('@event-driven-io/emmett-postgresql');
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true } });
  const versions = new Map<string, bigint>();
  const append: AppendOne = async (_w, stream, revision) => {
    const result = await store.appendToStream(stream, [{ type: 'VoortgangGerapporteerd', data: payload(revision), metadata }], {
      expectedStreamVersion: versions.get(stream) ?? 0n,
    });
    versions.set(stream, result.nextExpectedStreamVersion);
  };
  // Its schema is created on the first append; do that outside the measurement.
  await append(0, `warm-up-${randomUUID()}`, 0);
  return { append, close: () => store.close() };
};

/** What any store must at least do: one INSERT, unique (stream, revision) and unique event id. */
const raw = async (url: string) => {
  const pool = new Pool({ connectionString: url, max: WRITERS });
  await pool.query(`CREATE TABLE raw_events (
    position bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL, revision bigint NOT NULL,
    type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (stream_id, revision))`);
  const append: AppendOne = async (_w, stream, revision) => {
    await pool.query('INSERT INTO raw_events (event_id, stream_id, revision, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)', [
      randomUUID(),
      stream,
      revision,
      'VoortgangGerapporteerd',
      JSON.stringify(payload(revision)),
      JSON.stringify(metadata),
    ]);
  };
  return { append, close: () => pool.end() };
};

const embedded = async (dir: string) => storePort(await PgliteDatabase.open(join(dir, 'db')), { adapter: 'embedded' });

const main = async () => {
  const scratch = await createScratchDatabase('bench_appends');
  const dir = mkdtempSync(join(tmpdir(), 'afspraken-bench-'));
  const contenders = {
    'store port, PostgreSQL': await ours(scratch.url),
    'emmett-postgresql 0.42.0': await emmett(scratch.url),
    'raw INSERT (same uniqueness)': await raw(scratch.url),
    'store port, embedded (PGlite)': await embedded(dir),
  };
  const rates = new Map<string, number[]>(Object.keys(contenders).map((k) => [k, []]));
  try {
    // Rounds interleave the contenders so drift of the machine hits all of them alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, c] of Object.entries(contenders)) rates.get(name)!.push(await run(round, name.replace(/\W+/g, ''), c.append));
    }
  } finally {
    for (const c of Object.values(contenders)) await c.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const m = (name: string) => median(rates.get(name)!);
  const oursRate = m('store port, PostgreSQL');
  printTable(
    `Appends: ${WRITERS} writers, distinct streams, single-event appends with expected revision, ${fmt(WRITERS * PER_WRITER)} events per run, median of ${ROUNDS} interleaved rounds`,
    ['contender', 'events/s', 'store port (PostgreSQL) ÷ this'],
    [...rates.keys()].map((name) => [name, fmt(m(name)), `${fmt(oursRate / m(name), 2)}×`]),
  );
  process.stdout.write(
    `\nstore port vs emmett: ${fmt(oursRate / m('emmett-postgresql 0.42.0'), 2)}× (target ≥ 3×); store port vs raw INSERT: ${fmt((100 * oursRate) / m('raw INSERT (same uniqueness)'))}% (target ≥ 70%)\n`,
  );
  await scratch.drop();
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
