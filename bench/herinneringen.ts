/**
 * Reminders: scheduling throughput through our workflow + planner vs raw BullMQ addBulk of the
 * same jobs, side by side in one run on one Redis; then the lateness of reminders that fall due
 * within a few seconds, fired and fanned out by the real workers on the real PostgreSQL.
 *
 *   npx tsx bench/herinneringen.ts     (BENCH_AFSPRAKEN=25000 BENCH_ROUNDS=2 BENCH_LAAT=2000 BENCH_SPREIDING_MS=3000)
 *
 * Each afspraak gets four rungs (30 and 7 days before, the due date, +1 working day). Queues use
 * a prefix of their own and are removed afterwards; the PostgreSQL schema too.
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { CommandExecutor, ManualClock } from '@afspraken/application';
import {
  afspraakDecider,
  evolve,
  gewensteHerinneringen,
  initialAfspraak,
  parseDeadline,
  programmaDecider,
  streams,
  STANDAARD_BELEID,
  type Afspraak,
  type AfspraakCommand,
  type GeplandeHerinnering,
  type ProgrammaCommand,
  type ProgrammaContext,
} from '@afspraken/domain';
import { PgDatabase, SqlEventStore } from '@afspraken/event-store';
import { HerinneringenRuntime, HerinneringPlanner, HerinneringQueues, openRedis, verwijderPrefix } from '@afspraken/herinneringen';
import { wachtTotStil } from '@afspraken/herinneringen/testing/klok';

const envInt = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const AFSPRAKEN = envInt('BENCH_AFSPRAKEN', 25_000);
const ROUNDS = envInt('BENCH_ROUNDS', 2);
const LAAT = envInt('BENCH_LAAT', 2_000);
const SPREIDING_MS = envInt('BENCH_SPREIDING_MS', 3_000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const BELEID = { ...STANDAARD_BELEID, dagenVoor: [30, 7], bestuurlijkOverlegNaDagen: null };
const CONTEXT: ProgrammaContext = { programmaId: 'BENCH', beleid: BELEID, bestuurlijkOverleggen: [], eigenaar: 'vws' };
const NU = '2030-01-02T09:00:00.000Z';

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const median = (values: number[]): number => percentile(values, 50);
const printTable = (rows: string[][]): void => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [i, row] of rows.entries()) {
    process.stdout.write(`| ${row.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join(' | ')} |\n`);
    if (i === 0) process.stdout.write(`|${widths.map((w, j) => (j === 0 ? ':' : '-') + '-'.repeat(w) + (j === 0 ? '-' : ':')).join('|')}|\n`);
  }
};

const deadlines = ['uiterlijk Q2 2030', 'uiterlijk Q3 2030', 'per 1 januari 2031', 'uiterlijk Q4 2030'].map((phrase) => parseDeadline(phrase));

/** An afspraak as the reactor holds it, without the store: the scheduling bench measures scheduling. */
const afspraak = (i: number): Afspraak =>
  [
    {
      type: 'AfspraakVastgelegd' as const,
      data: {
        afspraakId: `B${i}`, soort: 'afspraak' as const, programmaId: 'BENCH', programmalijnId: null, opgaveId: null, nummer: null, niveau: null,
        titel: `Afspraak ${i}`, tekst: '…', bronCitaat: '…', trekker: 'vws', betrokken: ['ocw'], vastgelegdOp: NU,
      },
    },
    { type: 'DeadlineVastgelegd' as const, data: { afspraakId: `B${i}`, deadlineId: 'd1', omschrijving: 'Mijlpaal', deadline: deadlines[i % deadlines.length], vastgelegdOp: NU } },
  ].reduce(evolve, initialAfspraak);

const schedulingBench = async (): Promise<string[][]> => {
  const redis = openRedis(REDIS_URL);
  const states = Array.from({ length: AFSPRAKEN }, (_, i) => afspraak(i));
  const nu = new Date(NU);
  const ons: number[] = [];
  const raw: number[] = [];
  let jobs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const contenders: Array<[string, (prefix: string) => Promise<number>]> = [
      [
        'ons',
        async (prefix) => {
          const queues = new HerinneringQueues(redis, prefix);
          const planner = new HerinneringPlanner(queues);
          const start = process.hrtime.bigint();
          // The reactor's work per afspraak: the pure ladder, then the planner (addBulk per 1000).
          const alle: GeplandeHerinnering[] = [];
          for (const a of states) alle.push(...gewensteHerinneringen(a, CONTEXT, NU));
          await planner.plan(alle, nu);
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          jobs = alle.length;
          await queues.close();
          await verwijderPrefix(redis, prefix);
          return ms;
        },
      ],
      [
        'raw',
        async (prefix) => {
          // The same jobs (ids, data, delays) prepared beforehand: only Redis time is measured.
          const alle = states.flatMap((a) => gewensteHerinneringen(a, CONTEXT, NU));
          const queue = new Queue<GeplandeHerinnering>('herinneringen', { connection: redis, prefix });
          const start = process.hrtime.bigint();
          for (let i = 0; i < alle.length; i += 1000) {
            await queue.addBulk(alle.slice(i, i + 1000).map((h) => ({ name: h.trede, data: h, opts: { jobId: h.herinneringId, delay: Date.parse(h.moment) - nu.getTime() } })));
          }
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          await queue.close();
          await verwijderPrefix(redis, prefix);
          return ms;
        },
      ],
    ];
    // Alternate who goes first so neither always meets a warmer Redis.
    if (round % 2 === 1) contenders.reverse();
    for (const [naam, run] of contenders) {
      const ms = await run(`bench-herinn-${randomBytes(4).toString('hex')}`);
      (naam === 'ons' ? ons : raw).push(ms);
    }
  }
  await redis.quit();
  const onsPerS = (jobs / median(ons)) * 1000;
  const rawPerS = (jobs / median(raw)) * 1000;
  return [
    ['plannen', 'afspraken', 'jobs', 'median ms', 'jobs/s', 'vs raw BullMQ'],
    ['raw BullMQ addBulk', fmt(AFSPRAKEN), fmt(jobs), fmt(median(raw)), fmt(rawPerS), '1.00'],
    ['workflow + planner (ons)', fmt(AFSPRAKEN), fmt(jobs), fmt(median(ons)), fmt(onsPerS), fmt(onsPerS / rawPerS, 2)],
  ];
};

const latenessBench = async (): Promise<string[][]> => {
  const schema = `bench_herinn_${Date.now().toString(36)}`;
  const db = new PgDatabase({ connectionString: DATABASE_URL, max: 20, applicationName: 'bench-herinneringen' });
  const store = await SqlEventStore.create(db, { schema, adapter: 'postgres' });
  const clock = new ManualClock('2030-01-02T09:00:00.000Z');
  const executor = new CommandExecutor(store, clock);
  const actor = { id: 'bench', rol: 'coordinator' as const };
  await executor.execute(programmaDecider, streams.programma('BENCH'), (metadata) => ({ type: 'LegProgrammaVast', data: { programmaId: 'BENCH', naam: 'Bench', eigenaar: 'vws', bron: '' }, metadata }) as ProgrammaCommand, { actor });
  await executor.execute(programmaDecider, streams.programma('BENCH'), (metadata) => ({ type: 'StelHerinneringsbeleidVast', data: { beleid: BELEID }, metadata }) as ProgrammaCommand, { actor });
  const aantal = Math.ceil(LAAT / 4);
  const herinneringen: GeplandeHerinnering[] = [];
  for (let i = 0; i < aantal; i++) {
    const a = afspraak(i);
    if (a.status === 'onbekend') throw new Error('onmogelijk');
    await executor.execute(afspraakDecider, streams.afspraak(a.afspraakId), (metadata) => ({
      type: 'LegAfspraakVast',
      data: { ...a, programmalijnId: null, opgaveId: null, nummer: null, niveau: null, betrokken: [...a.betrokken], ouder: a.ouder, dientAfspraken: [...a.dientAfspraken], deadlines: a.mijlpalen.map((m) => ({ deadlineId: m.deadlineId, omschrijving: m.omschrijving, deadline: m.deadline })) },
      metadata,
    }) as AfspraakCommand, { actor });
    herinneringen.push(...gewensteHerinneringen(a, CONTEXT, NU));
  }
  const gekozen = herinneringen.slice(0, LAAT);
  const runtime = new HerinneringenRuntime(store, db, clock, {
    redisUrl: REDIS_URL, queuePrefix: `bench-herinn-${randomBytes(4).toString('hex')}`, schema, publicUrl: 'http://localhost:3000',
    smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'bench@example.org', webhookGeheim: null,
  });
  await runtime.init();
  runtime.startWorkers();
  // Each reminder falls due somewhere in the next SPREIDING_MS of real time.
  const start = Date.now();
  for (const [i, h] of gekozen.entries()) {
    const over = Math.floor((i / gekozen.length) * SPREIDING_MS);
    await runtime.planner.plan([h], new Date(Date.parse(h.moment) - over - (start - Date.now())));
  }
  const laatheden: number[] = [];
  for (;;) {
    const klaar = await runtime.queues.herinneringen.getCompleted(0, -1);
    if (klaar.length >= gekozen.length) {
      for (const job of klaar) laatheden.push((job.processedOn ?? 0) - (job.timestamp + (job.opts.delay ?? 0)));
      // Let the fanned-out deliveries finish before the queues are removed.
      await wachtTotStil(runtime.queues, 120_000);
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await runtime.stopWorkers();
  await verwijderPrefix(runtime.redis, runtime.instellingen.queuePrefix);
  await runtime.close();
  await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.close();
  return [
    ['laatheid (afvuren + uitzetten)', 'herinneringen', 'binnen ms', 'p50 ms', 'p99 ms', 'max ms', 'doel p99'],
    ['echte workers, PostgreSQL', fmt(laatheden.length), fmt(SPREIDING_MS), fmt(percentile(laatheden, 50)), fmt(percentile(laatheden, 99)), fmt(Math.max(...laatheden)), '< 1000'],
  ];
};

const main = async (): Promise<void> => {
  process.stdout.write(`\nHerinneringen plannen: ${fmt(AFSPRAKEN)} afspraken × 4 treden, ${ROUNDS} ronden, mediaan\n\n`);
  printTable(await schedulingBench());
  process.stdout.write(`\nLaatheid: ${fmt(LAAT)} herinneringen die binnen ${fmt(SPREIDING_MS)} ms vervallen\n\n`);
  printTable(await latenessBench());
  process.stdout.write('\n');
};

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
