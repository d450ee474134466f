import type { Queue } from 'bullmq';
import type { GeplandeHerinnering } from '@afspraken/domain';
import type { HerinneringQueues } from '../queues';

/**
 * BullMQ delays run on the real clock; tests run on a ManualClock. This makes every delayed
 * reminder whose moment the manual clock has reached due now, as time passing would.
 */
export const haalVoor = async (queue: Queue<GeplandeHerinnering>, nu: Date): Promise<string[]> => {
  const vervallen = (await queue.getDelayed(0, -1)).filter((job) => Date.parse(job.data.moment) <= nu.getTime());
  for (const job of vervallen) await job.promote();
  return vervallen.map((job) => job.id as string);
};

/** Waits until neither queue has work waiting or running (delayed jobs may remain). */
export const wachtTotStil = async (queues: HerinneringQueues, maxMs = 20_000): Promise<void> => {
  const tot = Date.now() + maxMs;
  for (;;) {
    const [a, b] = await Promise.all([
      queues.herinneringen.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children'),
      queues.verzendingen.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children', 'delayed'),
    ]);
    const bezig = Object.values(a).reduce((x, y) => x + y, 0) + Object.values(b).reduce((x, y) => x + y, 0);
    if (bezig === 0) return;
    if (Date.now() > tot) throw new Error(`wachtrijen niet stil na ${maxMs} ms: ${JSON.stringify({ a, b })}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
