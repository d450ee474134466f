import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { PgDatabase } from '@afspraken/event-store';

const ROOT = join(__dirname, '..', '..', '..');
export const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
export const CLI_MAIN = join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');

export interface AppProcess {
  readonly child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ApiProcess extends AppProcess {
  readonly url: string;
  /** The first coordinator key the app prints on its first start against an empty store. */
  readonly coordinatorKey: string;
}
export type WorkerProcess = AppProcess;

/** Each test's queues live under its own prefix (the schema name) unless it says otherwise. */
const baseEnv = (env: Record<string, string>) => ({ ...process.env, LOG_LEVEL: 'error', QUEUE_PREFIX: env.DB_SCHEMA ?? 'afspraken', ...env });

const run = (main: string, args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } => {
  const child = spawn(process.execPath, [main, ...args], { cwd: ROOT, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  return { child, output: () => out };
};

/** A built app as a real process (as users run it); resolves once it prints `ready`. */
const startProcess = async (name: string, main: string, env: Record<string, string>, ready: string, timeoutMs: number): Promise<AppProcess> => {
  const { child, output } = run(main, [], env);
  const deadline = Date.now() + timeoutMs;
  while (!output().includes(ready)) {
    if (child.exitCode !== null) throw new Error(`${name} stopped at start (exit ${child.exitCode}):\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start within ${timeoutMs} ms:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
};

/** The api on a free port; reminders are left to workers and the rate limit out of reach of load tests. */
export const startApi = async (env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> => {
  const port = env.PORT ? Number(env.PORT) : 20000 + Math.floor(Math.random() * 20000);
  const url = `http://127.0.0.1:${port}`;
  const app = await startProcess(
    'api',
    API_MAIN,
    { PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, HERINNERINGEN_IN_PROCESS: 'false', RATE_LIMIT_PER_MINUTE: '1000000', ...env },
    'draait op',
    timeoutMs,
  );
  const coordinatorKey = /afs_[a-z0-9]{12}_[A-Za-z0-9_-]{43}/.exec(app.output())?.[0] ?? '';
  return { ...app, url, coordinatorKey };
};

export const startWorker = (env: Record<string, string>, timeoutMs = 60_000): Promise<WorkerProcess> =>
  startProcess('worker', WORKER_MAIN, env, 'worker draait', timeoutMs);

/** Runs one CLI command to the end; resolves with its exit code and output. */
export const runCli = (args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> =>
  new Promise((resolve) => {
    const { child, output } = run(CLI_MAIN, args, env);
    child.on('exit', (code) => resolve({ code, out: output() }));
  });

/** The read-model tables of a schema as one string, rows in a fixed order: to compare live models with a rebuild. */
export const dumpReadModels = async (db: PgDatabase, schema: string): Promise<string> => {
  const parts: string[] = [];
  for (const table of ['rm_afspraken', 'rm_programmas', 'rm_partijen']) {
    const { rows } = await db.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM "${schema}".${table} t`);
    parts.push(`${table}:${JSON.stringify(rows.map((r) => JSON.stringify(r.row)).sort())}`);
  }
  return parts.join('\n');
};
