import { randomUUID } from 'node:crypto';
import { streams } from '@afspraken/domain';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { startApi, type ApiProcess } from './support/api-process';
import { TcpProxy } from './support/tcp-proxy';

/*
 * PostgreSQL goes away for a few seconds while clients keep sending commands. The api must say
 * 503 with Retry-After (never 500), recover by itself, and every command it acknowledged with a
 * 2xx must have its event in the store.
 */
describe('PostgreSQL outage under load', () => {
  const schema = uniqueSchema('fault_pg');
  const db = openTestDatabase();
  let proxy: TcpProxy;
  let api: ApiProcess;

  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.port = String(proxy.port);
    api = await startApi({ DATABASE_URL: viaProxy.toString(), DB_SCHEMA: schema, DB_POOL_SIZE: '8' });
  });

  afterAll(async () => {
    await api?.stop();
    await proxy?.close();
    await dropSchema(db, schema);
    await db.close();
  });

  it('answers 503 with Retry-After while it is down, recovers, and loses no acknowledged command', async () => {
    expect(api.coordinatorKey).toMatch(/^afs_/);
    const afspraken = ['TAZ-A01', 'TAZ-A02', 'TAZ-A03', 'TAZ-A04', 'TAZ-A05', 'TAZ-A06', 'TAZ-A07', 'TAZ-A08'];
    const acknowledged: Array<{ afspraakId: string; key: string }> = [];
    const statuses = new Map<number, number>();
    const without503RetryAfter: number[] = [];
    let phase: 'before' | 'down' | 'after' = 'before';
    const okAfterRestore = { count: 0 };
    let running = true;

    const trekkers = new Map<string, string>();
    for (const id of afspraken) {
      const res = await fetch(`${api.url}/afspraken/${id}`, { headers: { Authorization: `Bearer ${api.coordinatorKey}` } });
      trekkers.set(id, ((await res.json()) as { afspraak: { trekker: string } }).afspraak.trekker);
    }

    const client = async (afspraakId: string) => {
      let n = 0;
      while (running) {
        const key = `fault-${afspraakId}-${n++}-${randomUUID()}`;
        let status: number;
        let retryAfter: string | null = null;
        try {
          const res = await fetch(`${api.url}/afspraken/${afspraakId}/voortgang`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${api.coordinatorKey}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
            body: JSON.stringify({ partijId: trekkers.get(afspraakId), percentage: n % 100, toelichting: `meting ${n}` }),
            signal: AbortSignal.timeout(15_000),
          });
          status = res.status;
          retryAfter = res.headers.get('retry-after');
          await res.arrayBuffer();
        } catch {
          status = 0; // no answer at all
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 200 && status < 300) {
          acknowledged.push({ afspraakId, key });
          if (phase === 'after') okAfterRestore.count++;
        }
        if (status === 503 && !retryAfter) without503RetryAfter.push(status);
        if (status === 503 || status === 0) await new Promise((r) => setTimeout(r, 100));
      }
    };

    const load = Promise.all(afspraken.map(client));
    await new Promise((r) => setTimeout(r, 2_000));
    phase = 'down';
    proxy.cut();
    await new Promise((r) => setTimeout(r, 4_000));
    proxy.restore();
    phase = 'after';
    // Recovery is the api's job: give it a bounded while, then stop the load.
    const recoverBy = Date.now() + 20_000;
    while (okAfterRestore.count < 20 && Date.now() < recoverBy) await new Promise((r) => setTimeout(r, 200));
    running = false;
    await load;

    const summary = Object.fromEntries(statuses);
    expect(summary[503]).toBeGreaterThan(0); // the outage was seen
    expect(Object.keys(summary).map(Number).filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(summary[0] ?? 0).toBe(0); // it always answered
    expect(without503RetryAfter).toEqual([]);
    expect(okAfterRestore.count).toBeGreaterThanOrEqual(20);

    // Every acknowledged command has its event (read straight from PostgreSQL, not through the proxy).
    const { rows } = await db.query<{ key: string }>(
      `SELECT metadata->>'idempotencyKey' AS key FROM "${schema}".events WHERE stream_id = ANY($1::text[]) AND type = 'VoortgangGerapporteerd'`,
      [afspraken.map((id) => streams.afspraak(id))],
    );
    const stored = new Set(rows.map((r) => r.key));
    expect(acknowledged.filter((a) => !stored.has(a.key))).toEqual([]);
    process.stdout.write(`PostgreSQL outage: answers ${JSON.stringify(summary)}, ${acknowledged.length} acknowledged, all stored\n`);
  }, 120_000);
});
