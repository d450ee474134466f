import { auditBladHash } from '@afspraken/application';
import type { Projectie } from '@afspraken/read-models';

export const AUDIT_BOOM = 'audit-boom';
export const BLADEREN_TABEL = 'audit_boom_bladeren';

/**
 * The leaves of the audit tree: one per event, in the order of `$all`, numbered 0, 1, 2, … A
 * projection like the read models (checkpointed, one process at a time, rebuildable from position
 * 0 with the same result), so it works on every store: on EventStoreDB it lives beside the read models.
 */
export const auditBoomProjectie: Projectie = {
  naam: AUDIT_BOOM,
  tabellen: [BLADEREN_TABEL],
  async maakTabellen(tx, tabellen) {
    await tx.exec(`CREATE TABLE IF NOT EXISTS ${tabellen[BLADEREN_TABEL]} (
      blad     bigint PRIMARY KEY,
      positie  bigint NOT NULL UNIQUE,
      event_id uuid   NOT NULL,
      hash     text   NOT NULL
    )`);
  },
  async verwerk(tx, events, tabellen) {
    const tabel = tabellen[BLADEREN_TABEL];
    const { rows } = await tx.query<{ volgende: string | number }>(`SELECT coalesce(max(blad) + 1, 0) AS volgende FROM ${tabel}`);
    const eerste = Number(rows[0].volgende);
    const bladeren = events.map((e, i) => ({ blad: eerste + i, positie: e.position, event_id: e.id, hash: auditBladHash(e).toString('hex') }));
    await tx.query(
      `INSERT INTO ${tabel} (blad, positie, event_id, hash)
       SELECT blad, positie, event_id, hash FROM jsonb_to_recordset($1::jsonb) AS b(blad bigint, positie bigint, event_id uuid, hash text)`,
      [JSON.stringify(bladeren)],
    );
  },
};
