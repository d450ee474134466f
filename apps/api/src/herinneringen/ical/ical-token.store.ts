import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@afspraken/application';
import type { SqlDatabase } from '@afspraken/event-store';
import { APP_CONFIG, type AppConfig, SQL_DATABASE } from '@afspraken/platform';

export interface IcalToken {
  readonly id: string;
  readonly partijId: string;
  /** The programme of the key that made it: the feed then shows only that programme. */
  readonly programmaId: string | null;
  readonly aangemaaktOp: string;
  readonly ingetrokkenOp: string | null;
}

const TOKEN = /^ical_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const hash = (secret: string): Buffer => createHash('sha256').update(secret).digest();

interface Rij {
  id: string;
  partij_id: string;
  programma_id: string | null;
  secret_hash: Buffer | Uint8Array;
  aangemaakt_op: Date | string;
  ingetrokken_op: Date | string | null;
}
const alsToken = (r: Rij): IcalToken => ({
  id: r.id,
  partijId: r.partij_id,
  programmaId: r.programma_id ?? null,
  aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
  ingetrokkenOp: r.ingetrokken_op ? new Date(r.ingetrokken_op).toISOString() : null,
});

/**
 * Calendar apps cannot send headers, so the feed URL carries a secret token. Only its SHA-256 is
 * stored; the URL is shown once, and revoking it stops the feed at once.
 */
@Injectable()
export class IcalTokenStore implements OnModuleInit {
  private readonly tabel: string;

  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.tabel = `"${config.DB_SCHEMA}".ical_tokens`;
  }

  async onModuleInit(): Promise<void> {
    await this.db.exec(`
      CREATE SCHEMA IF NOT EXISTS "${this.config.DB_SCHEMA}";
      CREATE TABLE IF NOT EXISTS ${this.tabel} (
        id text PRIMARY KEY, partij_id text NOT NULL, secret_hash bytea NOT NULL,
        aangemaakt_op timestamptz NOT NULL, ingetrokken_op timestamptz
      );
      ALTER TABLE ${this.tabel} ADD COLUMN IF NOT EXISTS programma_id text;
    `);
  }

  async maak(partijId: string, programmaId: string | null): Promise<{ token: string; record: IcalToken }> {
    const id = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    const { rows } = await this.db.query<Rij>(
      `INSERT INTO ${this.tabel} (id, partij_id, programma_id, secret_hash, aangemaakt_op) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [id, partijId, programmaId, hash(secret), this.clock.now()],
    );
    return { token: `ical_${id}_${secret}`, record: alsToken(rows[0]) };
  }

  async intrekken(partijId: string, id: string): Promise<IcalToken | null> {
    const { rows } = await this.db.query<Rij>(
      `UPDATE ${this.tabel} SET ingetrokken_op = coalesce(ingetrokken_op, $3) WHERE id = $1 AND partij_id = $2 RETURNING *`,
      [id, partijId, this.clock.now()],
    );
    return rows[0] ? alsToken(rows[0]) : null;
  }

  /** The party (and programme) of a valid, unrevoked token; otherwise null. */
  async partijVan(token: string): Promise<{ partijId: string; programmaId: string | null } | null> {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const { rows } = await this.db.query<Rij>(`SELECT * FROM ${this.tabel} WHERE id = $1`, [match[1]]);
    const rij = rows[0];
    if (!rij || rij.ingetrokken_op) return null;
    const opgeslagen = Buffer.from(rij.secret_hash);
    const gegeven = hash(match[2]);
    return opgeslagen.length === gegeven.length && timingSafeEqual(opgeslagen, gegeven) ? { partijId: rij.partij_id, programmaId: rij.programma_id ?? null } : null;
  }
}
