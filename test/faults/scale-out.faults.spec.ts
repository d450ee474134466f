import { randomUUID } from 'node:crypto';
import { openRedis, verwijderPrefix } from '@afspraken/herinneringen';
import { SmtpOntvanger } from '@afspraken/herinneringen/testing/ontvangers';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { dumpReadModels, runCli, startApi, startWorker, type ApiProcess, type WorkerProcess } from './support/api-process';

/*
 * Scale-out on one machine with the PostgreSQL store: 2 api processes and 3 workers share one
 * PostgreSQL (and one Redis). 1,000 commands arrive concurrently, spread over both apis, a tenth
 * of them retried on the other api with the same Idempotency-Key. No event may be lost or
 * duplicated, and the read models the three workers keep must equal a rebuild from position 0.
 * Then 500 reminders fall due at once: the three workers share the sending, each arrives once.
 */
describe('scale-out: 2 api + 3 worker processes on one PostgreSQL', () => {
  const schema = uniqueSchema('scale');
  const db = openTestDatabase();
  const smtp = new SmtpOntvanger();
  let env: Record<string, string>;
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    env = { DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema, QUEUE_PREFIX: schema, SMTP_URL: smtpUrl, WORKER_IN_PROCESS: 'false', RATE_LIMIT_PER_MINUTE: '1000000' };
    apis.push(await startApi(env)); // imports TAZ into the empty store and prints the first key
    apis.push(await startApi(env));
    for (let i = 0; i < 3; i++) workers.push(await startWorker(env));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...workers, ...apis].map((p) => p.stop()));
    await smtp.stop();
    const redis = openRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await verwijderPrefix(redis, schema);
    await redis.quit();
    await dropSchema(db, schema);
    await db.close();
  });

  const dump = () => dumpReadModels(db, schema);

  it('loses and duplicates no event under 1,000 concurrent commands, and the projections agree with a rebuild', async () => {
    const key = apis[0].coordinatorKey;
    expect(key).toMatch(/^afs_/);
    const auth = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
    const ids = [
      ...Array.from({ length: 14 }, (_, i) => `TAZ-A${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 92 }, (_, i) => `TAZ-W${String(i + 1).padStart(3, '0')}`),
      'TAZ-W056a',
      'TAZ-W056b',
      'TAZ-W056c',
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

  it('sends each of 500 reminders that fall due at once exactly once, with three workers running', async () => {
    const auth = { Authorization: `Bearer ${apis[0].coordinatorKey}`, 'Content-Type': 'application/json' };
    const post = async (api: ApiProcess, path: string, body: object) => {
      const res = await fetch(`${api.url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    await post(apis[0], '/partijen', { partijId: 'schaal-partij', naam: 'Schaalpartij', soort: 'ministerie', aliassen: [] });
    await post(apis[0], '/partijen/schaal-partij/contacten', { contactId: 'c1', naam: 'Contact', email: 'schaal@example.org' });
    // Due in 3 days: the "7 days before" rung is already due and fires at once.
    const due = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(
      new Date(Date.now() + 3 * 86_400_000),
    );
    const ids = Array.from({ length: 500 }, (_, i) => `SO-${String(i).padStart(3, '0')}`);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < ids.length) {
          const i = next++;
          await post(apis[i % 2], '/afspraken', {
            afspraakId: ids[i],
            programmaId: 'TAZ',
            opgaveId: 'TAZ-O5',
            titel: `Schaalproef ${ids[i]}`,
            tekst: 'Een afspraak om herinneringen over drie workers te testen.',
            trekker: 'schaal-partij',
            betrokken: [],
            deadlines: [{ omschrijving: 'Opgeleverd', phrase: `uiterlijk ${due}` }],
          });
        }
      }),
    );

    const perAfspraak = () => {
      const seen = new Map<string, Set<string>>();
      for (const mail of smtp.mails) {
        const id = /SO-\d{3}/.exec(mail.subject ?? '')?.[0] ?? /SO-\d{3}/.exec(mail.text ?? '')?.[0];
        if (!id) continue;
        if (!seen.has(id)) seen.set(id, new Set());
        seen.get(id)!.add(String(mail.messageId));
      }
      return seen;
    };
    const end = Date.now() + 180_000;
    while (perAfspraak().size < 500 && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 3_000)); // a double send would arrive now
    const seen = perAfspraak();
    const mails = smtp.mails.filter((m) => /SO-\d{3}/.test(`${m.subject} ${m.text}`));
    expect(seen.size).toBe(500);
    expect([...seen.values()].filter((m) => m.size !== 1)).toEqual([]);
    expect(mails.length).toBe(500);
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(DISTINCT data->>'verzendingId') AS n FROM "${schema}".events WHERE type = 'HerinneringVerstuurd' AND stream_id LIKE 'herinneringen-SO-%'`,
    );
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(500);
    process.stdout.write(`Scale-out reminders: 500 due at once over 3 workers: ${mails.length} mails, each afspraak once, ${rows[0].n} sends confirmed\n`);
  }, 300_000);
});
