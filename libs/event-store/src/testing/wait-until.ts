import { setTimeout as sleep } from 'node:timers/promises';

/**
 * For tests: polls until `condition` holds, or fails after `timeoutMs` naming what it waited for.
 * Well under jest's 30 s, so a test that waits in vain fails with this message, not a bare timeout.
 */
export const waitUntil = async (what: string, condition: () => boolean | Promise<boolean>, { timeoutMs = 10_000, intervalMs = 10 } = {}): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms in vain for: ${what}`);
    await sleep(intervalMs);
  }
};
