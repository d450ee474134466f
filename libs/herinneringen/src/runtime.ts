import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  decodeEvent,
  gewensteHerinneringen,
  isHerinneringEvent,
  verzendlog,
  type HerinneringEvent,
  type VerzendStatus,
} from '@afspraken/domain';
import type { Clock } from '@afspraken/application';
import type { EventStore, SqlDatabase } from '@afspraken/event-store';
import { Afloop } from './afloop';
import type { HerinneringenInstellingen } from './instellingen';
import { InboxKanaal } from './kanalen/inbox.kanaal';
import { SmtpKanaal } from './kanalen/smtp.kanaal';
import { WebhookKanaal } from './kanalen/webhook.kanaal';
import { HERINNERINGEN_QUEUE, HerinneringPlanner, HerinneringQueues, openRedis, OVERZICHTEN_QUEUE, VERZENDINGEN_QUEUE } from './queues';
import { OVERZICHT_PATROON, Weekoverzicht } from './overzicht';
import { HerinneringenReactor } from './reactor';
import { Werkvoorraad } from './toestand';
import { Verzender, type VerzenderHooks } from './verzender';

/** Rebuilds the whole schedule from the event log, e.g. after Redis lost its data. Returns the reminders planned. */
export const herplan = async (store: EventStore, planner: HerinneringPlanner, clock: Clock): Promise<number> => {
  const { voorraad } = await Werkvoorraad.lees(store);
  const nu = clock.now();
  const alle = [...voorraad.afspraken.values()].flatMap((a) =>
    a.status === 'onbekend' ? [] : gewensteHerinneringen(a, voorraad.context(a.programmaId), nu.toISOString()),
  );
  await planner.plan(alle, nu);
  return alle.length;
};

export interface VerzendRegel {
  readonly verzendingId: string;
  readonly status: VerzendStatus['status'];
  readonly detail: string;
}

/** Every delivery the log knows, with its state; `onbevestigd` ones were interrupted mid-send. */
export const verzendoverzicht = async (store: EventStore): Promise<VerzendRegel[]> => {
  const events: HerinneringEvent[] = [];
  let positie = -1;
  for (;;) {
    const page = await store.readAll({ after: positie, maxCount: 1000 });
    for (const recorded of page) {
      const event = decodeEvent(recorded);
      if (event && isHerinneringEvent(event)) events.push(event);
    }
    if (page.length) positie = page[page.length - 1].position;
    if (page.length < 1000) break;
  }
  return [...verzendlog(events)].map(([verzendingId, s]) => ({
    verzendingId,
    status: s.status === 'geclaimd' ? 'geclaimd' : s.status,
    detail:
      s.status === 'verstuurd' ? `verstuurd ${s.verstuurdOp} (${s.berichtId})`
      : s.status === 'geclaimd' ? `onbevestigd: gestart ${s.gestartOp}, niet bevestigd — controleer of het bericht aankwam`
      : s.status === 'mislukt' ? `mislukt: ${s.reden}`
      : `opnieuw te proberen (poging ${s.pogingen + 1})`,
  }));
};

export interface RuntimeOpties {
  readonly hooks?: VerzenderHooks;
  /** Firing is I/O-bound (a few stream reads and one addBulk): many at once keeps lateness low. */
  readonly afloopConcurrency?: number;
  readonly verzendConcurrency?: number;
}

/**
 * Everything of the reminders in one place, for the worker module, the CLI, tests and benches:
 * queues, the reactor, and (when started) the BullMQ workers that fire and send.
 */
export class HerinneringenRuntime {
  readonly redis: Redis;
  readonly queues: HerinneringQueues;
  readonly planner: HerinneringPlanner;
  readonly reactor: HerinneringenReactor;
  readonly inbox: InboxKanaal;
  readonly smtp: SmtpKanaal;
  readonly afloop: Afloop;
  readonly verzender: Verzender;
  readonly weekoverzicht: Weekoverzicht;
  private workers: Worker[] = [];

  constructor(
    readonly store: EventStore,
    readonly db: SqlDatabase,
    readonly clock: Clock,
    readonly instellingen: HerinneringenInstellingen,
    opties: RuntimeOpties = {},
  ) {
    this.redis = openRedis(instellingen.redisUrl);
    this.queues = new HerinneringQueues(this.redis, instellingen.queuePrefix);
    this.planner = new HerinneringPlanner(this.queues);
    this.reactor = new HerinneringenReactor(store, db, instellingen.schema, this.planner, clock);
    const now = () => clock.now();
    this.inbox = new InboxKanaal(db, instellingen.schema, now);
    this.smtp = new SmtpKanaal(instellingen.smtpUrl, instellingen.mailFrom);
    this.afloop = new Afloop(store, this.queues, clock);
    this.verzender = new Verzender(
      store,
      { email: this.smtp, webhook: new WebhookKanaal(instellingen.webhookGeheim, now, undefined, instellingen.webhookToegestaneHosts ?? []), inbox: this.inbox },
      clock,
      instellingen.publicUrl,
      opties.hooks,
    );
    this.weekoverzicht = new Weekoverzicht(store, this.queues, clock, instellingen.publicUrl);
    this.afloopConcurrency = opties.afloopConcurrency ?? 50;
    this.verzendConcurrency = opties.verzendConcurrency ?? 20;
  }

  private readonly afloopConcurrency: number;
  private readonly verzendConcurrency: number;

  async init(): Promise<void> {
    await this.inbox.init();
    await this.reactor.init();
  }

  herplan(): Promise<number> {
    return herplan(this.store, this.planner, this.clock);
  }

  /** The weekly digest, every Monday 08:00 Amsterdam time (one scheduler however many workers run). */
  async planWeekoverzicht(): Promise<void> {
    await this.queues.overzichten.upsertJobScheduler('wekelijks-overzicht', { pattern: OVERZICHT_PATROON, tz: 'Europe/Amsterdam' }, { name: 'overzicht' });
  }

  /** Starts the BullMQ workers: one fires reminders at their moment, one sends, one makes the weekly digests. */
  startWorkers(): void {
    // A worker killed mid-job leaves it active with a lock that is no longer renewed; another worker
    // takes it over within lockDuration + stalledInterval. A send that outlives its lock is re-run,
    // and the claim protocol keeps that from sending twice.
    const opts = { connection: this.redis, prefix: this.instellingen.queuePrefix, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 3 };
    this.workers = [
      new Worker(HERINNERINGEN_QUEUE, (job) => this.afloop.verwerk(job.data), { ...opts, concurrency: this.afloopConcurrency }),
      new Worker(VERZENDINGEN_QUEUE, (job) => this.verzender.verwerk(job.data), { ...opts, concurrency: this.verzendConcurrency }),
      new Worker(OVERZICHTEN_QUEUE, () => this.weekoverzicht.verwerk(), { ...opts, concurrency: 1 }),
    ];
  }

  async stopWorkers(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers = [];
  }

  async close(): Promise<void> {
    await this.reactor.stop();
    await this.stopWorkers();
    await this.queues.close();
    this.smtp.close();
    await this.redis.quit().catch(() => undefined);
  }
}
