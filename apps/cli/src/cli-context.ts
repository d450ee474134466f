import type { INestApplicationContext } from '@nestjs/common';
import type { Actor } from '@afspraken/domain';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** What every CLI command gets: output, the application (opened lazily) and the acting user. */
export interface CliContext {
  readonly io: CliIo;
  /** Wraps an action so it runs with the application open, and closes it afterwards. */
  withApp<A extends unknown[]>(work: (app: INestApplicationContext, ...args: A) => Promise<void>): (...args: A) => Promise<void>;
  /** Whoever runs the CLI has the database in hand; their actions are recorded under their login. */
  actor(): Actor;
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
