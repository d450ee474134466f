import { randomBytes } from 'node:crypto';
import { PgDatabase } from '../sql/database';

/** The PostgreSQL every development and CI machine runs; override with TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test run uses. */
export const uniqueSchema = (prefix = 't'): string => `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

export const openTestDatabase = (): PgDatabase => new PgDatabase({ connectionString: TEST_DATABASE_URL, max: 10, applicationName: 'afspraken-tracker-test' });

export const dropSchema = async (db: PgDatabase, schema: string): Promise<void> => {
  await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
};
