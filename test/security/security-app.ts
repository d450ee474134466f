import { Writable } from 'node:stream';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ManualClock } from '@afspraken/application';
import { SqlEventStore, type Storage } from '@afspraken/event-store';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import type { Rol } from '@afspraken/domain';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/bootstrap';
import { ApiKeyStore } from '../../apps/api/src/auth/api-key.store';
import { loadConfig } from '../../apps/api/src/core/config';

export interface SecurityApp {
  readonly app: NestExpressApplication;
  readonly http: ReturnType<typeof request>;
  readonly clock: ManualClock;
  readonly storage: Storage;
  /** Everything the app logged, as written. */
  log(): string;
  key(rol: Rol, opties?: { partijId?: string; programmaId?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Like test/support/test-app, with environment overrides and the log kept for inspection. */
export const startSecurityApp = async (env: Record<string, string> = {}, start = '2023-03-01T09:00:00.000Z'): Promise<SecurityApp> => {
  const schema = uniqueSchema('sec');
  const db = openTestDatabase();
  const events = await SqlEventStore.create(db, { schema, adapter: 'postgres', pollIntervalMs: 20 });
  const storage: Storage = { events, db, description: `test ${schema}`, close: async () => undefined };
  const clock = new ManualClock(start);
  const config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema, SEED_PROGRAMMA: '', LOG_LEVEL: 'error', ...env });
  const chunks: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, clock, storage, zonderOpstart: true, logDestination })],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false }));
  await app.init();
  const keys = app.get(ApiKeyStore);
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    storage,
    log: () => chunks.join(''),
    key: async (rol, opties = {}) => (await keys.create({ naam: `test ${rol}`, rol, partijId: opties.partijId, programmaId: opties.programmaId })).key,
    async close() {
      await app.close();
      await dropSchema(db, schema);
      await db.close();
    },
  };
};
