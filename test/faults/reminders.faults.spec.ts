import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { SmtpOntvanger } from '@afspraken/herinneringen/testing/ontvangers';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { runCli, startApi, startWorker, type ApiProcess, type WorkerProcess } from './support/api-process';

/*
 * Reminders under faults, with a Redis of this test's own (so it can be killed and emptied) and an
 * SMTP receiver in the test process:
 *   1. the worker is killed with SIGKILL while it sends: after a restart every reminder has arrived
 *      under exactly one Message-ID (a send cut off by the kill is taken over once its claim expires,
 *      with the same Message-ID) and is confirmed once;
 *   2. Redis is killed and restarted empty in the middle of a run: `herinneringen herplan` rebuilds
 *      the schedule from the event log; nothing lost, nothing doubled.
 * Each afspraak is due in 3 days, so its "7 days before" rung is already due and fires at once.
 */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });

const startRedis = async (port: number): Promise<ChildProcess> => {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = require('node:net').connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
};

const until = async (probe: () => Promise<boolean> | boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!(await probe()) && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
};

describe('reminders under faults (own Redis, SMTP receiver)', () => {
  const schema = uniqueSchema('fault_rem');
  const db = openTestDatabase();
  const smtp = new SmtpOntvanger();
  let redis: ChildProcess;
  let env: Record<string, string>;
  let api: ApiProcess;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    const redisPort = await freePort();
    redis = await startRedis(redisPort);
    const smtpUrl = await smtp.start();
    env = { DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema, REDIS_URL: `redis://127.0.0.1:${redisPort}`, SMTP_URL: smtpUrl, WORKER_IN_PROCESS: 'false' };
    api = await startApi(env);
  }, 120_000);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.stop();
    redis?.kill('SIGKILL');
    await smtp.stop();
    await dropSchema(db, schema);
    await db.close();
  });

  const auth = () => ({ Authorization: `Bearer ${api.coordinatorKey}`, 'Content-Type': 'application/json' });
  const post = async (path: string, body: object) => {
    const res = await fetch(`${api.url}${path}`, { method: 'POST', headers: auth(), body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  };
  const due = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(
    new Date(Date.now() + 3 * 86_400_000),
  );
  const register = async (prefix: string, count: number): Promise<string[]> => {
    const ids = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
    for (const afspraakId of ids) {
      await post('/afspraken', {
        afspraakId,
        programmaId: 'TAZ',
        opgaveId: 'TAZ-O5',
        titel: `Proef ${afspraakId}`,
        tekst: 'Een afspraak om herinneringen onder storingen te testen.',
        trekker: 'fault-partij',
        betrokken: [],
        deadlines: [{ omschrijving: 'Opgeleverd', phrase: `uiterlijk ${due}` }],
      });
    }
    return ids;
  };

  /**
   * Per afspraak: the distinct messages received (by Message-ID: a resend after a crash carries the
   * same one, and a mailbox shows it once), and the sends recorded as confirmed or interrupted.
   */
  const tally = async (ids: string[]) => {
    const mails = new Map<string, Set<string>>();
    let deliveries = 0;
    for (const mail of smtp.mails) {
      const id = ids.find((a) => (mail.subject ?? '').includes(a) || (mail.text ?? '').includes(a));
      if (!id) continue;
      deliveries++;
      if (!mails.has(id)) mails.set(id, new Set());
      mails.get(id)!.add(String(mail.messageId));
    }
    const { rows } = await db.query<{ stream_id: string; verstuurd: string; gestart: string }>(
      `SELECT stream_id, count(DISTINCT data->>'verzendingId') FILTER (WHERE type = 'HerinneringVerstuurd') AS verstuurd,
              count(DISTINCT data->>'verzendingId') FILTER (WHERE type = 'HerinneringVerzendingGestart') AS gestart
         FROM "${schema}".events WHERE stream_id = ANY($1::text[]) GROUP BY stream_id`,
      [ids.map((id) => `herinneringen-${id}`)],
    );
    const recorded = new Map(rows.map((r) => [r.stream_id.replace('herinneringen-', ''), { verstuurd: Number(r.verstuurd), gestart: Number(r.gestart) }]));
    const received = ids.map((id) => mails.get(id)?.size ?? 0);
    return {
      deliveries,
      received: received.filter((n) => n === 1).length,
      doubled: ids.filter((_, i) => received[i] > 1),
      // every delivery started for the afspraak (mail and inbox) is confirmed
      confirmed: ids.filter((id) => (recorded.get(id)?.verstuurd ?? 0) > 0 && recorded.get(id)?.verstuurd === recorded.get(id)?.gestart).length,
      interrupted: ids.filter((id) => (recorded.get(id)?.gestart ?? 0) > (recorded.get(id)?.verstuurd ?? 0)),
      missing: ids.filter((_, i) => received[i] === 0),
    };
  };

  it('sends each reminder once when the worker is killed while sending', async () => {
    await post('/partijen', { partijId: 'fault-partij', naam: 'Storingspartij', soort: 'ministerie', aliassen: [] });
    await post('/partijen/fault-partij/contacten', { contactId: 'c1', naam: 'Contact', email: 'contact@example.org' });
    const ids = await register('FK', 120);

    worker = await startWorker(env);
    await until(() => smtp.mails.length >= 25, 60_000);
    await worker.stop('SIGKILL');
    const atKill = smtp.mails.length;
    worker = await startWorker(env);
    // Jobs the killed worker held come back once their locks lapse (15 s + the 5 s stalled check).
    await until(async () => (await tally(ids)).missing.length === 0 && (await tally(ids)).confirmed === 120, 200_000);
    await new Promise((r) => setTimeout(r, 2_000)); // anything doubled would arrive now
    const t = await tally(ids);

    expect(atKill).toBeGreaterThanOrEqual(25);
    expect(atKill).toBeLessThan(120); // the kill really came mid-run
    expect(t.doubled).toEqual([]);
    expect(t.missing).toEqual([]);
    expect(t.received).toBe(120);
    expect(t.confirmed).toBe(120);
    process.stdout.write(
      `Worker kill -9 while sending: ${atKill} mails before the kill; afterwards 120/120 reminders received, each under exactly one Message-ID (${t.deliveries - 120} resent after the crash with their original Message-ID), 120 confirmed\n`,
    );
  }, 330_000);

  it('rebuilds the schedule from the event log after Redis restarts empty mid-run', async () => {
    const ids = await register('RF', 120);
    await until(async () => (await tally(ids)).received >= 20, 60_000);
    const port = Number(new URL(env.REDIS_URL).port);
    redis.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    redis = await startRedis(port); // empty: no persistence
    const beforeHerplan = (await tally(ids)).received;
    const herplan = await runCli(['herinneringen', 'herplan'], env);
    expect(herplan.code).toBe(0);
    await until(async () => (await tally(ids)).missing.length === 0 && (await tally(ids)).confirmed === 120, 200_000);
    await new Promise((r) => setTimeout(r, 2_000));
    const t = await tally(ids);

    expect(beforeHerplan).toBeLessThan(120); // the flush really came mid-run
    expect(t.doubled).toEqual([]);
    expect(t.missing).toEqual([]);
    expect(t.received).toBe(120);
    process.stdout.write(
      `Redis killed and restarted empty after ${beforeHerplan}/120 mails; herplan: "${herplan.out.trim()}"; afterwards ${t.received}/120 received exactly once (${t.deliveries} deliveries), 0 doubled\n`,
    );
  }, 300_000);
});
