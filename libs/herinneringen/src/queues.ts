import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import IORedis, { type Redis } from 'ioredis';
import type { GeplandeHerinnering, Verzending } from '@afspraken/domain';
import type { Bericht } from './bericht';

export const HERINNERINGEN_QUEUE = 'herinneringen';
export const VERZENDINGEN_QUEUE = 'verzendingen';
export const OVERZICHTEN_QUEUE = 'overzichten';

/** A connection BullMQ accepts for workers too (blocking commands must not time out). */
export const openRedis = (url: string): Redis => new IORedis(url, { maxRetriesPerRequest: null });

/** One delivery to do: the recipient and everything the message says, fixed when the rung fired. */
export interface VerzendOpdracht {
  readonly verzending: Verzending;
  readonly herinnering: GeplandeHerinnering;
  /** Composed beforehand (the weekly digest); otherwise written from the afspraak at send time. */
  readonly bericht?: Bericht;
}

export const verzendJobId = (verzendingId: string): string => `verzending-${verzendingId}`;

const HERINNERING_JOB: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed ids are kept a while so a re-add of a reminder that already fired is a no-op.
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export const VERZEND_JOB: JobsOptions = {
  // 2 s … 256 s apart: enough to outlast a dead sender's claim (CLAIM_TERMIJN_MS) several times over.
  attempts: 9,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** The two queues: reminders waiting for their moment, and deliveries to send now. */
export class HerinneringQueues {
  readonly herinneringen: Queue<GeplandeHerinnering>;
  readonly verzendingen: Queue<VerzendOpdracht>;
  readonly overzichten: Queue;

  constructor(
    readonly connection: ConnectionOptions,
    readonly prefix: string,
  ) {
    this.herinneringen = new Queue(HERINNERINGEN_QUEUE, { connection, prefix });
    this.verzendingen = new Queue(VERZENDINGEN_QUEUE, { connection, prefix });
    this.overzichten = new Queue(OVERZICHTEN_QUEUE, { connection, prefix });
  }

  async close(): Promise<void> {
    await Promise.all([this.herinneringen.close(), this.verzendingen.close(), this.overzichten.close()]);
  }
}

/** Executes the workflow's schedule: delayed jobs whose id is the reminder's identity. */
export class HerinneringPlanner {
  constructor(private readonly queues: HerinneringQueues) {}

  /** Adds reminders; an id that is already queued is left as it is (BullMQ dedupes on jobId). */
  async plan(herinneringen: readonly GeplandeHerinnering[], nu: Date): Promise<void> {
    for (let i = 0; i < herinneringen.length; i += 1000) {
      await this.queues.herinneringen.addBulk(
        herinneringen.slice(i, i + 1000).map((h) => ({
          name: h.trede,
          data: h,
          opts: { ...HERINNERING_JOB, jobId: h.herinneringId, delay: Math.max(0, Date.parse(h.moment) - nu.getTime()) },
        })),
      );
    }
  }

  /** Removes a waiting reminder. One that is running now cannot be removed; it re-checks the afspraak itself. */
  async annuleer(herinneringId: string): Promise<void> {
    await this.queues.herinneringen.remove(herinneringId);
  }
}

/** Removes every key of a prefix (tests and benches clean up after themselves; never for production data). */
export const verwijderPrefix = async (redis: Redis, prefix: string): Promise<void> => {
  let cursor = '0';
  do {
    const [volgende, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = volgende;
  } while (cursor !== '0');
};
