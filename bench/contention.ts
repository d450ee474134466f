/**
 * Many writers on one afspraak without If-Match: how many land, how many are told to come back
 * (503 + Retry-After), how many get a 409 they did not ask for, and how long they wait. Two
 * contenders in one run, each an api process on PostgreSQL: the retry budget with jittered
 * backoff (the default) and the old behaviour (5 tries straight after each other, then 409).
 *
 *   npm run bench:contention     (BENCH_REQUESTS=10 reports per writer, back to back)
 */
import { startApi } from '../test/faults/support/api-process';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '../libs/event-store/src/testing/test-database';
import { envInt, fmt, percentile, printTable } from './support';

const REQUESTS = envInt('BENCH_REQUESTS', 10);
const WRITERS = [1, 10, 20];

const CONTENDERS: Array<[string, Record<string, string>]> = [
  ['budget 2 s, jittered backoff', {}],
  ['old: 5 tries, no backoff', { COMMAND_RETRY_MAX_ATTEMPTS: '5' }],
];

const main = async () => {
  const rows: (string | number)[][] = [];
  const db = openTestDatabase();
  try {
    for (const [name, env] of CONTENDERS) {
      const schema = uniqueSchema('bench_contention');
      // The first start imports TAZ: 14 afspraken and 92 actions, one afspraak per writer count.
      const api = await startApi({ DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema, DB_POOL_SIZE: '20', PORT: process.env.BENCH_PORT ?? '41737', ...env });
      const headers = { Authorization: `Bearer ${api.coordinatorKey}`, 'Content-Type': 'application/json' };
      try {
        for (const [i, writers] of WRITERS.entries()) {
          const afspraakId = `TAZ-A${String(i + 1).padStart(2, '0')}`;
          const trekker = ((await (await fetch(`${api.url}/afspraken/${afspraakId}`, { headers })).json()) as { afspraak: { trekker: string } }).afspraak.trekker;
          const statuses = new Map<number, number>();
          const latencies: number[] = [];
          const started = performance.now();
          await Promise.all(
            Array.from({ length: writers }, async (_, w) => {
              for (let r = 0; r < REQUESTS; r++) {
                const t0 = performance.now();
                const res = await fetch(`${api.url}/afspraken/${afspraakId}/voortgang`, {
                  method: 'POST',
                  headers,
                  body: JSON.stringify({ partijId: trekker, percentage: r, toelichting: `schrijver ${w} verzoek ${r}` }),
                });
                await res.arrayBuffer();
                latencies.push(performance.now() - t0);
                statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              }
            }),
          );
          const seconds = (performance.now() - started) / 1000;
          const other = [...statuses].filter(([s]) => ![200, 503, 409].includes(s)).map(([s, c]) => `${s}×${c}`);
          rows.push([
            `${writers} × ${name}`,
            statuses.get(200) ?? 0,
            statuses.get(503) ?? 0,
            statuses.get(409) ?? 0,
            fmt(percentile(latencies, 50), 1),
            fmt(percentile(latencies, 99), 1),
            fmt((statuses.get(200) ?? 0) / seconds),
            other.join(' ') || '0',
          ]);
        }
      } finally {
        await api.stop();
        await dropSchema(db, schema);
      }
    }
  } finally {
    await db.close();
  }
  printTable(
    `${REQUESTS} reports per writer, back to back, all writers on one afspraak without If-Match (PostgreSQL, one api process per contender)`,
    ['writers × retry', '200', '503', '409', 'p50 ms', 'p99 ms', 'stored/s', 'other'],
    rows,
  );
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
