import type { ReadAllOptions, RecordedEvent } from './port';

export interface PollingOptions {
  readonly after?: number;
  readonly signal?: AbortSignal;
  readonly batchSize: number;
  /** How long to wait when caught up, unless woken earlier. */
  readonly idleMs: number;
  /** Lets an in-process append wake the subscriber at once. */
  readonly onWake?: (wake: () => void) => () => void;
}

/** Resolves after `ms`, or earlier when woken or aborted. */
const pause = (ms: number, signal: AbortSignal | undefined, onWake: PollingOptions['onWake']): Promise<void> =>
  new Promise((resolve) => {
    let unsubscribe: () => void = () => undefined;
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    if (onWake) unsubscribe = onWake(done);
  });

/** Catch-up subscription for stores that can only be polled: read pages, then wait, then read again. */
export async function* pollAll(
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
  options: PollingOptions,
): AsyncGenerator<RecordedEvent> {
  let after = options.after;
  while (!options.signal?.aborted) {
    const page = await readAll({ after, maxCount: options.batchSize });
    for (const event of page) {
      if (options.signal?.aborted) return;
      yield event;
      after = event.position;
    }
    if (page.length < options.batchSize) await pause(options.idleMs, options.signal, options.onWake);
  }
}
