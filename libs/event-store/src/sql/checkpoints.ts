import type { SqlExecutor } from './database';

export interface CheckpointStand {
  readonly naam: string;
  /** Last global position applied; -1 before the first event. */
  readonly positie: number;
  /** The process that currently applies this projection, if its lease is still valid. */
  readonly eigenaar: string | null;
  readonly leaseTot: string | null;
  readonly bijgewerktOp: string | null;
}

interface Rij {
  naam: string;
  positie: string | number;
  eigenaar: string | null;
  lease_tot: Date | string | null;
  bijgewerkt_op: Date | string | null;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/**
 * Where readers of the global stream (the projections, the reminder reactor) stand: one row per
 * reader with its position, and a lease so one process at a time applies it.
 */
export class Checkpoints {
  readonly tabel: string;

  constructor(schema: string, tabel: 'projectie_checkpoints' | 'reactor_checkpoints' | 'audit_checkpoints' = 'projectie_checkpoints') {
    this.tabel = `"${schema}".${tabel}`;
  }

  ddl(): string {
    return `CREATE TABLE IF NOT EXISTS ${this.tabel} (
      naam          text        PRIMARY KEY,
      positie       bigint      NOT NULL DEFAULT -1,
      eigenaar      text,
      lease_tot     timestamptz,
      bijgewerkt_op timestamptz
    );`;
  }

  async zorgVoor(db: SqlExecutor, naam: string): Promise<void> {
    await db.query(`INSERT INTO ${this.tabel} (naam) VALUES ($1) ON CONFLICT (naam) DO NOTHING`, [naam]);
  }

  async positie(db: SqlExecutor, naam: string): Promise<number> {
    const { rows } = await db.query<{ positie: string | number }>(`SELECT positie FROM ${this.tabel} WHERE naam = $1`, [naam]);
    return rows.length ? Number(rows[0].positie) : -1;
  }

  /** The lowest position of the given projections: what a reader of all of them can rely on. */
  async laagste(db: SqlExecutor, namen: readonly string[]): Promise<number> {
    const { rows } = await db.query<{ positie: string | number | null; aantal: string | number }>(
      `SELECT min(positie) AS positie, count(*) AS aantal FROM ${this.tabel} WHERE naam = ANY($1::text[])`,
      [namen],
    );
    return Number(rows[0].aantal) < namen.length ? -1 : Number(rows[0].positie ?? -1);
  }

  /** Takes or renews the lease; false while another live process holds it. */
  async neemLease(db: SqlExecutor, naam: string, eigenaar: string, leaseMs: number): Promise<boolean> {
    return (await this.neemLeaseOp(db, naam, eigenaar, leaseMs)) !== null;
  }

  /**
   * The same, returning the stored position with the lease (null without it). Lease times use the
   * database's clock: they are about processes, not the business.
   */
  async neemLeaseOp(db: SqlExecutor, naam: string, eigenaar: string, leaseMs: number): Promise<number | null> {
    const { rows } = await db.query<{ positie: string | number }>(
      `UPDATE ${this.tabel} SET eigenaar = $2, lease_tot = now() + $3 * interval '1 millisecond'
        WHERE naam = $1 AND (eigenaar IS NULL OR eigenaar = $2 OR lease_tot < now())
        RETURNING positie`,
      [naam, eigenaar, leaseMs],
    );
    return rows.length === 1 ? Number(rows[0].positie) : null;
  }

  async geefLeaseVrij(db: SqlExecutor, naam: string, eigenaar: string): Promise<void> {
    await db.query(`UPDATE ${this.tabel} SET eigenaar = NULL, lease_tot = NULL WHERE naam = $1 AND eigenaar = $2`, [naam, eigenaar]);
  }

  /** Locks the row for this transaction: appliers of one projection take turns. */
  async vergrendel(tx: SqlExecutor, naam: string): Promise<{ positie: number; eigenaar: string | null; leaseGeldig: boolean }> {
    const { rows } = await tx.query<{ positie: string | number; eigenaar: string | null; geldig: boolean }>(
      `SELECT positie, eigenaar, coalesce(lease_tot >= now(), false) AS geldig FROM ${this.tabel} WHERE naam = $1 FOR UPDATE`,
      [naam],
    );
    if (!rows.length) throw new Error(`Geen checkpoint voor projectie ${naam}`);
    return { positie: Number(rows[0].positie), eigenaar: rows[0].eigenaar, leaseGeldig: rows[0].geldig };
  }

  async zet(tx: SqlExecutor, naam: string, positie: number): Promise<void> {
    await tx.query(`UPDATE ${this.tabel} SET positie = $2, bijgewerkt_op = now() WHERE naam = $1`, [naam, positie]);
  }

  /** Moves the position only while `eigenaar` still holds the lease; false when it lost it meanwhile. */
  async zetAlsEigenaar(db: SqlExecutor, naam: string, positie: number, eigenaar: string): Promise<boolean> {
    const { rowCount } = await db.query(`UPDATE ${this.tabel} SET positie = $2, bijgewerkt_op = now() WHERE naam = $1 AND eigenaar = $3`, [naam, positie, eigenaar]);
    return rowCount === 1;
  }

  async alle(db: SqlExecutor): Promise<CheckpointStand[]> {
    const { rows } = await db.query<Rij>(
      `SELECT naam, positie, CASE WHEN lease_tot >= now() THEN eigenaar END AS eigenaar, lease_tot, bijgewerkt_op FROM ${this.tabel} ORDER BY naam`,
    );
    return rows.map((r) => ({ naam: r.naam, positie: Number(r.positie), eigenaar: r.eigenaar, leaseTot: iso(r.lease_tot), bijgewerktOp: iso(r.bijgewerkt_op) }));
  }
}
