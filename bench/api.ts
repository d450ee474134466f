/**
 * The api under 50 concurrent connections on loopback (autocannon): commands/s and latency of a
 * command (report progress: decide + append with hash chain), side by side with a read of the
 * same afspraak and with /health (the HTTP stack alone), all in one run on one process.
 *
 *   npm run bench:api            (BENCH_SECONDS=10 BENCH_CONNECTIONS=50)
 */
import autocannon from 'autocannon';
import { startApi } from '../test/faults/support/api-process';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '../libs/event-store/src/testing/test-database';
import { envInt, fmt, printTable } from './support';

const SECONDS = envInt('BENCH_SECONDS', 10);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);

const main = async () => {
  const schema = uniqueSchema('bench_api');
  const db = openTestDatabase();
  const api = await startApi({ DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema, DB_POOL_SIZE: '20', RATE_LIMIT_PER_MINUTE: '1000000' });
  const auth = { Authorization: `Bearer ${api.coordinatorKey}` };
  // All 14 afspraken and 92 werkagenda actions: 50 connections on 106 streams, few collisions.
  const afspraken = [
    ...Array.from({ length: 14 }, (_, i) => `TAZ-A${String(i + 1).padStart(2, '0')}`),
    ...Array.from({ length: 92 }, (_, i) => `TAZ-W${String(i + 1).padStart(3, '0')}`),
  ];
  const trekkers = new Map<string, string>();
  for (const id of afspraken) {
    const res = await fetch(`${api.url}/afspraken/${id}`, { headers: auth });
    trekkers.set(id, ((await res.json()) as { afspraak: { trekker: string } }).afspraak.trekker);
  }
  // autocannon starts every connection at the same request; a shared counter spreads them over the streams.
  let next = 0;
  const spread = (make: (id: string) => autocannon.Request): autocannon.Request[] => [
    { setupRequest: (req: autocannon.Request) => ({ ...req, ...make(afspraken[next++ % afspraken.length]) }) } as autocannon.Request,
  ];
  const scenarios: Array<[string, autocannon.Request[]]> = [
    [
      'command: POST /afspraken/:id/voortgang',
      spread((id) => ({
        method: 'POST',
        path: `/afspraken/${id}/voortgang`,
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ partijId: trekkers.get(id), percentage: 50, toelichting: 'Gemeten in de benchmark' }),
      })),
    ],
    ['read: GET /afspraken/:id', spread((id) => ({ method: 'GET', path: `/afspraken/${id}`, headers: auth }))],
    ['baseline: GET /health', [{ method: 'GET', path: '/health' }]],
  ];
  const rows: (string | number)[][] = [];
  try {
    for (const [name, requests] of scenarios) {
      const result = await autocannon({ url: api.url, connections: CONNECTIONS, duration: SECONDS, requests });
      const codes = Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, stats]) => `${code}×${(stats as { count: number }).count}`);
      if (result.errors + result.timeouts) codes.push(`errors×${result.errors + result.timeouts}`);
      rows.push([name, fmt(result.requests.average), fmt(result.latency.p50, 1), fmt(result.latency.p99, 1), codes.join(' ') || '0']);
    }
  } finally {
    await api.stop();
    await dropSchema(db, schema);
    await db.close();
  }
  printTable(
    `API on PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s per scenario, one api process, loopback`,
    ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx'],
    rows,
  );
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
