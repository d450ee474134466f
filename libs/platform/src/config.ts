import { join } from 'node:path';
import { z } from 'zod';
import { beveiligingConfig } from './beveiliging.config';
import { toEsdbConnectionString } from '@afspraken/event-store';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.string().url().optional());

/** A cluster's host list (esdb://a:2113,b:2113) is no URL, so the adapter's own parser checks it. */
const eventStoreUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .superRefine((v, ctx) => {
    if (v === undefined) return;
    try {
      toEsdbConnectionString(v);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    }
  });

/** Every setting the app reads from the environment; README's configuration table mirrors this. */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: optionalUrl.optional(),
    EVENTSTORE_URL: eventStoreUrl.optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('afspraken'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** How long a command without If-Match is decided again after losing a race before it answers 503. */
    COMMAND_RETRY_BUDGET_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
    /** Unset: only the budget counts. Set (the old behaviour, for the contention bench): after this many tries a 409. */
    COMMAND_RETRY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).optional(),
    REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    PUBLIC_URL: z.string().url().optional(),
    /** Reminders: SMTP server, sender, webhook signing root secret, BullMQ key prefix. */
    SMTP_URL: z.string().url().default('smtp://127.0.0.1:1025'),
    MAIL_FROM: z.string().min(3).default('Afspraken Tracker <herinneringen@afspraken.local>'),
    WEBHOOK_GEHEIM: z.string().min(16, 'moet minstens 16 tekens zijn').optional(),
    /** Internal hosts webhooks may reach all the same (`host` or `host:port`, comma-separated); others must be public. */
    WEBHOOK_TOEGESTANE_HOSTS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      ),
    QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).default('afspraken'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Imported when the event store is empty at start: a file, a folder of .yaml files or a comma-separated list; empty to skip. */
    SEED_PROGRAMMA: z.string().default('data/programmas'),
    /** Run projections and reminders inside the api process (required for the embedded store). */
    WORKER_IN_PROCESS: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** Send reminders from the api process (needs Redis). Default: only on the embedded store, where no worker can run. */
    HERINNERINGEN_IN_PROCESS: z.enum(['true', 'false']).optional(),
    ...beveiligingConfig,
    /** A deadline within this many days counts as `binnenkort`. */
    BINNENKORT_DAGEN: z.coerce.number().int().min(0).max(366).default(30),
    /** Ed25519 private key (PEM file) that signs the audit tree heads; default DATA_DIR/audit/ondertekensleutel.pem, made at first use. */
    AUDIT_SIGNING_KEY: z.string().trim().min(1).optional(),
    /** A signed tree head after this many new events, or after this many minutes with new events. */
    AUDIT_BOOMHOOFD_EVENTS: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    AUDIT_BOOMHOOFD_MINUTEN: z.coerce.number().int().min(1).max(10_080).default(60),
  })
  .transform((c) => {
    // The embedded database opens in one process only: that process must run the projections.
    const workerInProcess = c.DATABASE_URL ? c.WORKER_IN_PROCESS : true;
    return {
      ...c,
      PUBLIC_URL: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
      AUDIT_SIGNING_KEY: c.AUDIT_SIGNING_KEY ?? join(c.DATA_DIR, 'audit', 'ondertekensleutel.pem'),
      WORKER_IN_PROCESS: workerInProcess,
      HERINNERINGEN_IN_PROCESS: c.HERINNERINGEN_IN_PROCESS === undefined ? !c.DATABASE_URL : c.HERINNERINGEN_IN_PROCESS === 'true',
    };
  });

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Ongeldige configuratie: ${problems}`);
  }
  return parsed.data;
};

/** Injection token for the parsed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** One clear line for configuration and start-up problems; a stack only when it is a bug. Exits. */
export const stopBijStartfout = (error: unknown): never => {
  if (error instanceof ConfigError || (error as Error)?.name === 'StoreUnavailableError') {
    process.stderr.write(`${(error as Error).message}\n`);
  } else {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
};
