import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { ROLLEN as ALLE_ROLLEN, ValidationError, assertId, type Rol } from '@afspraken/domain';
import type { SqlDatabase } from '@afspraken/event-store';
import { Clock } from '@afspraken/application';
import { APP_CONFIG, type AppConfig } from './config';
import { SQL_DATABASE } from './core.module';

export interface ApiKeyRecord {
  readonly id: string;
  readonly naam: string;
  readonly rol: Rol;
  readonly partijId: string | null;
  readonly programmaId: string | null;
  readonly aangemaaktOp: string;
  readonly ingetrokkenOp: string | null;
}

export interface NewApiKey {
  readonly naam: string;
  readonly rol: Rol;
  readonly partijId?: string | null;
  readonly programmaId?: string | null;
}

const TOKEN = /^afs_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
/** The public part of a key: `afs_<id>_…`. */
export const KEY_ID = /^[a-z0-9]{12}$/;
const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

interface KeyRow {
  id: string;
  naam: string;
  rol: Rol;
  partij_id: string | null;
  programma_id: string | null;
  secret_hash: Buffer | Uint8Array;
  aangemaakt_op: Date | string;
  ingetrokken_op: Date | string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

const toRecord = (row: KeyRow): ApiKeyRecord => ({
  id: row.id,
  naam: row.naam,
  rol: row.rol,
  partijId: row.partij_id,
  programmaId: row.programma_id,
  aangemaaktOp: iso(row.aangemaakt_op) as string,
  ingetrokkenOp: iso(row.ingetrokken_op),
});

/**
 * API keys for systems and the CLI. Only a SHA-256 of the secret is stored (the secret is 256
 * random bits, so a slow hash adds nothing); the full key is shown once, at creation.
 */
@Injectable()
export class ApiKeyStore implements OnModuleInit {
  private readonly table: string;

  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.table = `"${config.DB_SCHEMA}".api_sleutels`;
    this.schema = config.DB_SCHEMA;
  }

  private readonly schema: string;

  async onModuleInit(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`afspraken-tracker:schema:${this.schema}`]);
      await tx.exec(`
        CREATE SCHEMA IF NOT EXISTS "${this.schema}";
        CREATE TABLE IF NOT EXISTS ${this.table} (
          id             text        PRIMARY KEY,
          naam           text        NOT NULL,
          rol            text        NOT NULL,
          partij_id      text,
          programma_id   text,
          secret_hash    bytea       NOT NULL,
          aangemaakt_op  timestamptz NOT NULL,
          ingetrokken_op timestamptz
        );
      `);
    });
  }

  async create(input: NewApiKey): Promise<{ key: string; record: ApiKeyRecord }> {
    const naam = input.naam.trim();
    if (!naam || naam.length > 100) throw new ValidationError('ONGELDIGE_NAAM', 'naam moet 1-100 tekens zijn', 'naam');
    if (!ALLE_ROLLEN.includes(input.rol) || input.rol === 'systeem') {
      throw new ValidationError('ONGELDIGE_ROL', 'rol moet coordinator, partij of auditor zijn', 'rol');
    }
    if (input.rol === 'partij' && !input.partijId) {
      throw new ValidationError('PARTIJ_VERPLICHT', 'een sleutel met rol partij hoort bij een partij', 'partij');
    }
    if (input.rol !== 'partij' && input.partijId) {
      throw new ValidationError('PARTIJ_ALLEEN_BIJ_PARTIJ', 'alleen een sleutel met rol partij hoort bij een partij', 'partij');
    }
    if (input.partijId) assertId(input.partijId, 'partij');
    if (input.programmaId) assertId(input.programmaId, 'programma');

    const id = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    const { rows } = await this.db.query<KeyRow>(
      `INSERT INTO ${this.table} (id, naam, rol, partij_id, programma_id, secret_hash, aangemaakt_op)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [id, naam, input.rol, input.partijId ?? null, input.programmaId ?? null, hashSecret(secret), this.clock.now()],
    );
    return { key: `afs_${id}_${secret}`, record: toRecord(rows[0]) };
  }

  /** The key's record when the token is a valid, unrevoked key; otherwise null. */
  async verify(token: string): Promise<ApiKeyRecord | null> {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const { rows } = await this.db.query<KeyRow>(`SELECT * FROM ${this.table} WHERE id = $1`, [match[1]]);
    const row = rows[0];
    if (!row || row.ingetrokken_op) return null;
    const stored = Buffer.from(row.secret_hash);
    const given = hashSecret(match[2]);
    return stored.length === given.length && timingSafeEqual(stored, given) ? toRecord(row) : null;
  }

  async revoke(id: string): Promise<ApiKeyRecord | null> {
    const { rows } = await this.db.query<KeyRow>(
      `UPDATE ${this.table} SET ingetrokken_op = coalesce(ingetrokken_op, $2) WHERE id = $1 RETURNING *`,
      [id, this.clock.now()],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async find(id: string): Promise<ApiKeyRecord | null> {
    const { rows } = await this.db.query<KeyRow>(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(): Promise<ApiKeyRecord[]> {
    const { rows } = await this.db.query<KeyRow>(`SELECT * FROM ${this.table} ORDER BY aangemaakt_op, id`);
    return rows.map(toRecord);
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${this.table}`);
    return Number(rows[0].n);
  }
}

/** The key store alone: the api's guard and the CLI (which has no HTTP guard) both use it. */
@Module({ providers: [ApiKeyStore], exports: [ApiKeyStore] })
export class ApiKeyModule {}
