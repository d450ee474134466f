import { randomUUID } from 'node:crypto';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { runCli, startApi, startWorker, type ApiProcess, type WorkerProcess } from './support/api-process';

/*
 * Scale-out on one machine with the PostgreSQL store: 2 api processes and 3 workers share one
 * PostgreSQL (and one Redis). 1,000 commands arrive concurrently, spread over both apis, a tenth
 * of them retried on the other api with the same Idempotency-Key. No event may be lost or
 * duplicated, and the read models the three workers keep must equal a rebuild from position 0.
 */
describe('scale-out: 2 api + 3 worker processes on one PostgreSQL', () => {
  const schema = uniqueSchema('scale');
  const db = openTestDatabase();
  const env = { DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema, WORKER_IN_PROCESS: 'false', RATE_LIMIT_PER_MINUTE: '1000000' };
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    apis.push(await startApi(env)); // imports TAZ into the empty store and prints the first key
    apis.push(await startApi(env));
    for (let i = 0; i < 3; i++) workers.push(await startWorker(env));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...workers, ...apis].map((p) => p.stop()));
    await dropSchema(db, schema);
    await db.close();
  });

  const dump = async (): Promise<string> => {
    const parts: string[] = [];
    for (const table of ['rm_afspraken', 'rm_programmas', 'rm_partijen']) {
      const { rows } = await db.query(`SELECT to_jsonb(t) AS row FROM "${schema}".${table} t`);
      parts.push(`${table}:${JSON.stringify(rows.map((r) => JSON.stringify(r.row)).sort())}`);
    }
    return parts.join('\n');
  };

  it('loses and duplicates no event under 1,000 concurrent commands, and the projections agree with a rebuild', async () => {
    const key = apis[0].coordinatorKey;
    expect(key).toMatch(/^afs_/);
    const auth = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
    const ids = [
      ...Array.from({ length: 14 }, (_, i) => `TAZ-A${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 92 }, (_, i) => `TAZ-W${String(i + 1).padStart(3, '0')}`),
    ];
    const trekker = new Map<string, string>();
    for (const id of ids) {
      const body = (await (await fetch(`${apis[1].url}/afspraken/${id}`, { headers: auth })).json()) as { afspraak: { trekker: string } };
      trekker.set(id, body.afspraak.trekker);
    }

    const commands = Array.from({ length: 1000 }, (_, i) => ({ i, id: ids[i % ids.length], key: `scale-${i}-${randomUUID()}` }));
    const acknowledged = new Set<string>();
    const statuses = new Map<number, number>();
    const send = async (api: ApiProcess, c: (typeof commands)[number]) => {
      const res = await fetch(`${api.url}/afspraken/${c.id}/voortgang`, {
        method: 'POST',
        headers: { ...auth, 'Idempotency-Key': c.key },
        body: JSON.stringify({ partijId: trekker.get(c.id), percentage: c.i % 101, toelichting: `opdracht ${c.i}` }),
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.ok) acknowledged.add(c.key);
      await res.arrayBuffer();
    };
    // 64 in flight at a time, alternating apis; every tenth command is sent again to the other api.
    let next = 0;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < commands.length) {
          const c = commands[next++];
          await send(apis[c.i % 2], c);
          if (c.i % 10 === 0) await send(apis[(c.i + 1) % 2], c);
        }
      }),
    );
    expect(Object.fromEntries(statuses)).toEqual({ 200: 1100 });
    expect(acknowledged.size).toBe(1000);

    const { rows } = await db.query<{ key: string; n: string }>(
      `SELECT metadata->>'idempotencyKey' AS key, count(*) AS n FROM "${schema}".events WHERE type = 'VoortgangGerapporteerd' GROUP BY 1`,
    );
    expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]); // no duplicates
    expect(new Set(rows.map((r) => r.key))).toEqual(acknowledged); // none lost, none extra

    // The three workers share the projections (one active per projection); wait until caught up.
    const head = Number((await db.query<{ max: string }>(`SELECT max(position) AS max FROM "${schema}".events`)).rows[0].max);
    const caughtUp = async () =>
      (await db.query<{ positie: string }>(`SELECT positie FROM "${schema}".projectie_checkpoints`)).rows.every((r) => Number(r.positie) >= head);
    const until = Date.now() + 60_000;
    while (!(await caughtUp()) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect(await caughtUp()).toBe(true);
    const live = await dump();
    const rebuild = await runCli(['projecties', 'herbouw'], env);
    expect(rebuild.code).toBe(0);
    expect(await dump()).toBe(live);
    process.stdout.write(`Scale-out: 1,100 requests (1,000 commands + 100 retries) over 2 apis, 3 workers: ${rows.length} events, none lost or doubled; projections equal a rebuild\n`);
  }, 300_000);
});
