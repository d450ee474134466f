import { describeEventStoreConformance } from '../conformance/event-store.conformance';
import type { PgDatabase } from './database';
import { SqlEventStore } from './sql-event-store';
import { dropSchema, openTestDatabase, uniqueSchema } from '../testing/test-database';

const schema = uniqueSchema('es');
let db: PgDatabase;

describeEventStoreConformance('PostgreSQL', {
  async open() {
    db = openTestDatabase();
    return SqlEventStore.create(db, { schema, adapter: 'postgres', pollIntervalMs: 20 });
  },
  async close(store) {
    await store.close();
    await dropSchema(db, schema);
    await db.close();
  },
});
