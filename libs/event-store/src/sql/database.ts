import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { StoreUnavailableError } from '../errors';

/**
 * The little SQL surface the event store and the read models need. PostgreSQL (pg) and the
 * embedded PGlite both implement it, so both run the very same SQL.
 */
export interface SqlExecutor {
  /** `name` makes it a prepared statement where the driver supports it (parsed and planned once per connection). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[], name?: string): Promise<{ rows: Row[]; rowCount: number }>;
  /** Several statements without parameters (DDL). */
  exec(sql: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly dialect: 'postgres' | 'pglite';
  /** Runs `work` in one transaction; rolls back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// SQLSTATE classes 08 (connection exception) and 57 (operator intervention, e.g. shutdown).
const UNAVAILABLE_SQLSTATE = /^(08|57P0)/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** True for errors that mean "the database is not reachable now", as opposed to a bad statement. */
export const isUnavailable = (error: unknown): boolean => {
  if (error instanceof StoreUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
    error.message,
  );
};

const translate = (error: unknown): unknown =>
  isUnavailable(error) && !(error instanceof StoreUnavailableError)
    ? new StoreUnavailableError(`PostgreSQL is niet bereikbaar: ${(error as Error).message}`, { cause: error })
    : error;

const clientExecutor = (client: Pick<PoolClient, 'query'>): SqlExecutor => ({
  async query<Row>(sql: string, params?: readonly unknown[], name?: string) {
    try {
      const result = name ? await client.query({ name, text: sql, values: params as unknown[] | undefined }) : await client.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw translate(error);
    }
  },
  async exec(sql: string) {
    try {
      await client.query(sql);
    } catch (error) {
      throw translate(error);
    }
  },
});

export interface PostgresOptions {
  readonly connectionString: string;
  readonly max?: number;
  readonly applicationName?: string;
  readonly connectionTimeoutMillis?: number;
}

/** PostgreSQL through a pg pool. */
export class PgDatabase implements SqlDatabase {
  readonly dialect = 'postgres' as const;
  private readonly pool: Pool;
  private readonly executor: SqlExecutor;

  constructor(options: PostgresOptions) {
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'afspraken-tracker',
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
    };
    this.pool = new Pool(config);
    // An idle client losing its connection (server restart) must not crash the process.
    this.pool.on('error', () => undefined);
    this.executor = clientExecutor(this.pool);
  }

  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[], name?: string) {
    return this.executor.query<Row>(sql, params, name);
  }

  exec(sql: string) {
    return this.executor.exec(sql);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translate(error);
    }
    let broken = false;
    // While checked out the pool no longer listens to the client: a connection that breaks between
    // two queries of this transaction would emit an unhandled 'error' and end the process.
    const onConnectionError = () => {
      broken = true;
    };
    client.on('error', onConnectionError);
    try {
      await client.query('BEGIN');
      const result = await work(clientExecutor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = isUnavailable(error);
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw translate(error);
    } finally {
      client.off('error', onConnectionError);
      // A client whose connection broke is destroyed rather than returned to the pool.
      client.release(broken || undefined);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Only one process may open a PGlite data directory: a second would corrupt it. A lock file
 * holding the owner's pid keeps a second one out with a clear message.
 */
const takeDirectoryLock = (dataDir: string): (() => void) => {
  const lockFile = `${resolve(dataDir)}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (owner && owner !== process.pid && processIsAlive(owner)) {
        throw new StoreUnavailableError(
          `De ingebouwde database in ${resolve(dataDir)} is in gebruik door proces ${owner}. ` +
            'Stop dat proces eerst, of gebruik PostgreSQL (DATABASE_URL) om met meerdere processen te werken.',
        );
      }
      rmSync(lockFile, { force: true }); // stale lock of a process that is gone
    }
  }
  throw new StoreUnavailableError(`Kon ${lockFile} niet vastzetten`);
};

const processIsAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

type PGliteInstance = import('@electric-sql/pglite').PGlite;
type PGliteTx = import('@electric-sql/pglite').Transaction;

const pgliteExecutor = (db: PGliteInstance | PGliteTx): SqlExecutor => ({
  async query<Row>(sql: string, params?: readonly unknown[]) {
    const result = await db.query<Row>(sql, params as unknown[] | undefined);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  },
  async exec(sql: string) {
    await db.exec(sql);
  },
});

/** The embedded default: PostgreSQL compiled to WebAssembly, data in a local folder. */
export class PgliteDatabase implements SqlDatabase {
  readonly dialect = 'pglite' as const;

  private constructor(
    private readonly db: PGliteInstance,
    private readonly releaseLock: () => void,
  ) {}

  /** `dataDir` undefined: in memory, gone when closed. */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    const release = dataDir ? takeDirectoryLock(dataDir) : () => undefined;
    try {
      const { PGlite } = await import('@electric-sql/pglite');
      if (dataDir) mkdirSync(dataDir, { recursive: true });
      const db = await PGlite.create(dataDir ? resolve(dataDir) : undefined);
      return new PgliteDatabase(db, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]) {
    return pgliteExecutor(this.db).query<Row>(sql, params);
  }

  exec(sql: string) {
    return pgliteExecutor(this.db).exec(sql);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(pgliteExecutor(tx)));
  }

  async close(): Promise<void> {
    try {
      if (!this.db.closed) await this.db.close();
    } finally {
      this.releaseLock();
    }
  }
}
