import { NestFactory } from '@nestjs/core';
import { SqlEventStore, type Storage } from '@afspraken/event-store';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { waitUntil } from '@afspraken/event-store/testing/wait-until';
import { openRedis, verwijderPrefix } from '@afspraken/herinneringen';
import { ProjectionRunner } from '@afspraken/read-models';
import { schrijf, voorbeeldStromen } from '@afspraken/read-models/testing/voorbeeld-events';
import { loadConfig } from '@afspraken/platform';
import { WorkerModule } from './worker.module';

describe('Worker (PostgreSQL)', () => {
  it('houdt de projecties bij en geeft bij het stoppen de lease vrij', async () => {
    const db = openTestDatabase();
    const schema = uniqueSchema('worker');
    try {
      const events = await SqlEventStore.create(db, { schema, adapter: 'postgres' });
      const storage: Storage = { events, db, description: 'test', close: async () => undefined };
      const config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema, QUEUE_PREFIX: schema, LOG_LEVEL: 'silent' });
      const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, storage }), { logger: false });
      const { positie } = await schrijf(events, voorbeeldStromen(10, 4));
      const runner = worker.get(ProjectionRunner);
      await waitUntil(`alle projecties op positie ${positie}`, async () => (await runner.checkpoints.laagste(db, runner.projecties.map((p) => p.naam))) >= positie);
      expect((await db.query(`SELECT count(*)::int AS n FROM "${schema}".rm_afspraken`)).rows[0]).toEqual({ n: 10 });
      expect((await runner.status()).map((s) => s.eigenaar)).toEqual(runner.projecties.map(() => runner.eigenaar));
      await worker.close();
      expect((await runner.status()).map((s) => s.eigenaar)).toEqual([null, null, null, null]);
    } finally {
      const redis = openRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      await verwijderPrefix(redis, schema);
      await redis.quit();
      await dropSchema(db, schema);
      await db.close();
    }
  });
});
