import { StoreUnavailableError } from '../errors';
import { openTestDatabase } from '../testing/test-database';

describe('PostgreSQL: a connection lost in the middle of a transaction', () => {
  it('fails that transaction as unavailable, leaves the process running, and the next transaction works', async () => {
    const db = openTestDatabase();
    const beheer = openTestDatabase();
    try {
      const transactie = db.transaction(async (tx) => {
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // The server ends this session between two statements, as an outage or a restart does.
        await beheer.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.query('SELECT 1');
      });
      await expect(transactie).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(db.transaction((tx) => tx.query('SELECT 1 AS een'))).resolves.toMatchObject({ rows: [{ een: 1 }] });
    } finally {
      await db.close();
      await beheer.close();
    }
  });
});
