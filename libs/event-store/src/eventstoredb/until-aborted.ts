import type { Readable } from 'node:stream';

const PAUSE_AT = 512;
const RESUME_AT = 128;

/**
 * An object-mode stream as an async iterable that also ends, without error, the moment `signal`
 * aborts. Node's own stream iterator would wait for the next item before noticing, and throws
 * ERR_STREAM_PREMATURE_CLOSE when the stream is destroyed under it.
 */
export async function* untilAborted<T>(source: Readable, signal?: AbortSignal): AsyncGenerator<T> {
  const buffered: T[] = [];
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake = (): void => undefined;
  const notify = (): void => wake();

  const onData = (item: T): void => {
    buffered.push(item);
    if (buffered.length >= PAUSE_AT) source.pause();
    notify();
  };
  const onEnd = (): void => {
    ended = true;
    notify();
  };
  const onError = (error: unknown): void => {
    failure ??= { error };
    notify();
  };

  source.on('data', onData);
  source.on('end', onEnd);
  source.on('close', onEnd);
  source.on('error', onError);
  signal?.addEventListener('abort', notify);
  try {
    for (;;) {
      if (signal?.aborted) return;
      const next = buffered.shift();
      if (next !== undefined) {
        if (source.isPaused() && buffered.length <= RESUME_AT) source.resume();
        yield next;
        continue;
      }
      if (failure) throw failure.error;
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = () => undefined;
    }
  } finally {
    signal?.removeEventListener('abort', notify);
    source.off('data', onData);
    source.off('end', onEnd);
    source.off('close', onEnd);
    source.off('error', onError);
  }
}
