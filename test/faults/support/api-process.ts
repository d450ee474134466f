import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
export const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
export const CLI_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/cli.js');

export interface ApiProcess {
  readonly url: string;
  /** The first coordinator key the app prints on its first start against an empty store. */
  readonly coordinatorKey: string;
  readonly child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The built api as a real process (as users run it), on a free port, with the given environment. */
export const startApi = async (env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'error', HERINNERINGEN_IN_PROCESS: 'false', QUEUE_PREFIX: env.DB_SCHEMA ?? 'afspraken', RATE_LIMIT_PER_MINUTE: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const deadline = Date.now() + timeoutMs;
  while (!out.includes('draait op')) {
    if (child.exitCode !== null) throw new Error(`api stopped at start (exit ${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`api did not start within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const key = /afs_[a-z0-9]{12}_[A-Za-z0-9_-]{43}/.exec(out)?.[0] ?? '';
  return {
    url,
    coordinatorKey: key,
    child,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
};

export interface WorkerProcess {
  readonly child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The built worker as a real process; resolves once it says it runs. */
export const startWorker = async (env: Record<string, string>, timeoutMs = 60_000): Promise<WorkerProcess> => {
  const child = spawn(process.execPath, [WORKER_MAIN], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'error', QUEUE_PREFIX: env.DB_SCHEMA ?? 'afspraken', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const deadline = Date.now() + timeoutMs;
  while (!out.includes('worker draait')) {
    if (child.exitCode !== null) throw new Error(`worker stopped at start (exit ${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`worker did not start within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
};

/** Runs one CLI command to the end; resolves with its exit code and output. */
export const runCli = (args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'error', QUEUE_PREFIX: env.DB_SCHEMA ?? 'afspraken', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => resolve({ code, out }));
  });
