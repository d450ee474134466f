import { join } from 'node:path';
import { redactConnectionString } from './eventstoredb/connection-string';
import { EventStore } from './port';
import { PgDatabase, PgliteDatabase, type SqlDatabase } from './sql/database';
import { SqlEventStore } from './sql/sql-event-store';

export interface StorageConfig {
  /** PostgreSQL for events and read models. */
  readonly databaseUrl?: string;
  /** EventStoreDB / KurrentDB for events; read models then go to `databaseUrl` or the embedded database. */
  readonly eventStoreUrl?: string;
  /** Folder of the embedded database when no `databaseUrl` is set. */
  readonly dataDir: string;
  readonly schema?: string;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/** The event store plus the SQL database the read models live in. */
export interface Storage {
  readonly events: EventStore;
  readonly db: SqlDatabase;
  /** For logs and /health: which stores are in use, without secrets. */
  readonly description: string;
  close(): Promise<void>;
}

export const embeddedDatabaseDir = (dataDir: string): string => join(dataDir, 'db');

const redact = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(ongeldige URL)';
  }
};

export const openDatabase = async (config: StorageConfig): Promise<SqlDatabase> =>
  config.databaseUrl
    ? new PgDatabase({ connectionString: config.databaseUrl, max: config.poolSize, applicationName: config.applicationName })
    : PgliteDatabase.open(embeddedDatabaseDir(config.dataDir));

export const openStorage = async (config: StorageConfig): Promise<Storage> => {
  const db = await openDatabase(config);
  try {
    let events: EventStore;
    let eventsDescription: string;
    if (config.eventStoreUrl) {
      const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store');
      events = EventStoreDbEventStore.connect(config.eventStoreUrl);
      eventsDescription = `EventStoreDB ${redactConnectionString(config.eventStoreUrl)}`;
    } else {
      events = await SqlEventStore.create(db, { schema: config.schema, adapter: db.dialect === 'postgres' ? 'postgres' : 'embedded' });
      eventsDescription = db.dialect === 'postgres' ? `PostgreSQL ${redact(config.databaseUrl ?? '')}` : `ingebouwd (PGlite) in ${embeddedDatabaseDir(config.dataDir)}`;
    }
    const readModels = db.dialect === 'postgres' ? `PostgreSQL ${redact(config.databaseUrl ?? '')}` : `ingebouwd (PGlite) in ${embeddedDatabaseDir(config.dataDir)}`;
    return {
      events,
      db,
      description: `events: ${eventsDescription}; read models: ${readModels}`,
      async close() {
        await events.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
};
