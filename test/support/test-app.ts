import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ManualClock } from '@afspraken/application';
import { PgliteDatabase, SqlEventStore, type PgDatabase, type SqlDatabase, type Storage } from '@afspraken/event-store';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { AppModule, type AppOptions } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/bootstrap';
import { ApiKeyStore, loadConfig, type AppConfig } from '@afspraken/platform';
import type { Rol } from '@afspraken/domain';
import { openRedis, verwijderPrefix } from '@afspraken/herinneringen';

/** The TAZ programme as shipped, for specs that start from it. */
export const TAZ_YAML = readFileSync('data/programmas/taz.yaml', 'utf8');

export const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly http: ReturnType<typeof request>;
  readonly clock: ManualClock;
  readonly storage: Storage;
  readonly schema: string;
  readonly config: AppConfig;
  key(rol: Rol, partijId?: string): Promise<string>;
  /** POST /programmas/import of TAZ_YAML with this key; the answer, for the spec to check. */
  importeerTaz(key: string): Promise<request.Response>;
  /**
   * Every event stored in the test's schema. To check that nothing was written, compare this rather than
   * headPosition: that one hides positions above the oldest running transaction, which may be another
   * test file's, so it can still grow after a write has been answered.
   */
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

/** The reminder queues of this test (its QUEUE_PREFIX is the schema name). */
const dropQueues = async (redisUrl: string, prefix: string): Promise<void> => {
  const redis = openRedis(redisUrl);
  try {
    await verwijderPrefix(redis, prefix);
  } finally {
    await redis.quit();
  }
};

/** The api on the real PostgreSQL, in a schema of its own, with a clock the test moves. */
export interface TestAppOptions {
  /** Environment overrides on top of the test defaults. */
  readonly env?: Record<string, string>;
  /** Where the request log goes (tests that inspect it). */
  readonly logDestination?: AppOptions['logDestination'];
  /** `embedded`: an in-memory PGlite instead of the machine's PostgreSQL. */
  readonly store?: 'postgres' | 'embedded';
  /** The event store the app sees, e.g. one that fails (health specs); the real one by default. */
  readonly events?: (events: SqlEventStore) => Storage['events'];
}

export const startTestApp = async (start = '2023-03-01T09:00:00.000Z', options: TestAppOptions = {}): Promise<TestApp> => {
  const schema = uniqueSchema('e2e');
  const embedded = options.store === 'embedded';
  const db: SqlDatabase = embedded ? await PgliteDatabase.open() : openTestDatabase();
  const events = await SqlEventStore.create(db, { schema, adapter: embedded ? 'embedded' : 'postgres', pollIntervalMs: 20 });
  const storage: Storage = { events: options.events ? options.events(events) : events, db, description: `test ${schema}`, close: async () => undefined };
  const clock = new ManualClock(start);
  // The tree heads' signing key of this test, outside the repository.
  const signingKey = join(tmpdir(), `${schema}-audit-sleutel.pem`);
  const config = loadConfig({ ...(embedded ? {} : { DATABASE_URL: TEST_DATABASE_URL }), DB_SCHEMA: schema, SEED_PROGRAMMA: '', LOG_LEVEL: 'error', QUEUE_PREFIX: schema, HERINNERINGEN_IN_PROCESS: 'false', AUDIT_SIGNING_KEY: signingKey, ...options.env });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, clock, storage, zonderOpstart: true, logDestination: options.logDestination })],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false }));
  await app.init();
  const keys = app.get(ApiKeyStore);
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    clock,
    storage,
    schema,
    config,
    key: async (rol, partijId) => (await keys.create({ naam: `test ${rol}`, rol, partijId })).key,
    importeerTaz: (key) => http.post('/programmas/import').set(auth(key)).set('Content-Type', 'application/yaml').send(TAZ_YAML),
    eventCount: async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".events`)).rows[0].n),
    async close() {
      await app.close();
      await dropQueues(config.REDIS_URL, schema);
      if (!embedded) await dropSchema(db as PgDatabase, schema);
      await db.close();
      rmSync(signingKey, { force: true });
    },
  };
};

/** The api with the TAZ programme imported, a coordinator key and a key for the party VWS: where many specs start. */
export const startTazApp = async (): Promise<{ t: TestApp; coordinator: string; vws: string; tazImport: request.Response }> => {
  const t = await startTestApp();
  const coordinator = await t.key('coordinator');
  const vws = await t.key('partij', 'vws');
  const tazImport = await t.importeerTaz(coordinator);
  if (tazImport.status !== 200) throw new Error(`TAZ-import: ${tazImport.status} ${JSON.stringify(tazImport.body)}`);
  return { t, coordinator, vws, tazImport };
};
