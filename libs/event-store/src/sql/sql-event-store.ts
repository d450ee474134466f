import { EventEmitter } from 'node:events';
import { ConcurrencyError, EventStoreUsageError } from '../errors';
import {
  EventStore,
  MAX_EVENTS_PER_APPEND,
  type AppendOptions,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '../port';
import { pollAll } from '../subscription';
import { isUnavailable, type SqlDatabase, type SqlExecutor } from './database';

/*
 * Global order without a global lock.
 *
 * A bigserial position is handed out before commit, so a reader can see position 6 committed
 * while 5 is still in flight and skip 5 for ever. Instead the position is derived from the
 * writing transaction's id: position = xid * 4096 + index in the append. A reader only returns
 * rows whose xid is below the oldest transaction still running (pg_snapshot_xmin), so no row can
 * later appear before what it has already read. Appends stay fully concurrent.
 */
const XID_SHIFT = 4096;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = '23505';
const MAX_ANY_RETRIES = 20;

export interface SqlEventStoreOptions {
  /** PostgreSQL schema holding the `events` table; one per test run keeps runs apart. */
  readonly schema?: string;
  /** How long a caught-up subscription waits before polling again. */
  readonly pollIntervalMs?: number;
  readonly adapter: 'postgres' | 'embedded';
  /**
   * Single-event appends in flight at once. More concurrent ones wait and then go together, in one
   * statement and one commit. Default 2 on PostgreSQL, 1 on the single-connection embedded database.
   */
  readonly gelijktijdigeAppends?: number;
}

/** A single-event append waiting for its turn. */
interface Wachtend {
  readonly streamId: string;
  readonly event: EventToAppend;
  /** Its row for the group statement, as JSON. */
  readonly json: string;
  readonly after: number;
  readonly expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** Appends that go together in one statement: well under the 4096 positions of one transaction. */
const MAX_PER_GROEP = 256;
/** And a statement of modest size, however large the events (one larger append still goes alone). */
const MAX_GROEP_TEKENS = 4 * 1024 * 1024;

interface EventRow {
  event_id: string;
  stream_id: string;
  revision: string | number;
  position: string | number;
  type: string;
  data: object;
  metadata: Record<string, unknown>;
  created_at: Date | string;
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  streamId: row.stream_id,
  revision: Number(row.revision),
  position: Number(row.position),
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  createdAt: (row.created_at instanceof Date ? row.created_at : new Date(row.created_at)).toISOString(),
});

const expectation = (expected: ExpectedRevision): [kind: string, revision: number | null] =>
  typeof expected === 'number' ? ['exact', expected] : [expected, null];

export class SqlEventStore extends EventStore {
  readonly adapter: 'postgres' | 'embedded';
  private readonly table: string;
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly pollIntervalMs: number;
  private readonly gelijktijdig: number;
  private readonly wachtrij: Wachtend[] = [];
  private bezig = 0;
  private pompGepland = false;
  /** Streams with an append in a group in flight. */
  private readonly onderweg = new Set<string>();
  private readonly visibleBelow = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint * ${XID_SHIFT})`;

  private constructor(
    private readonly db: SqlDatabase,
    private readonly schema: string,
    options: SqlEventStoreOptions,
  ) {
    super();
    this.adapter = options.adapter;
    this.table = `"${schema}".events`;
    this.pollIntervalMs = options.pollIntervalMs ?? (db.dialect === 'pglite' ? 250 : 100);
    this.gelijktijdig = db.dialect === 'pglite' ? 1 : Math.max(1, options.gelijktijdigeAppends ?? 2);
  }

  /** Creates the schema when missing; safe when several processes start at once. */
  static async create(db: SqlDatabase, options: SqlEventStoreOptions): Promise<SqlEventStore> {
    const schema = options.schema ?? 'eventstore';
    if (!SCHEMA_NAME.test(schema)) throw new EventStoreUsageError(`Ongeldige schemanaam: ${schema}`);
    const store = new SqlEventStore(db, schema, options);
    await store.migrate();
    return store;
  }

  private async migrate(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`afspraken-tracker:schema:${this.schema}`]);
      await tx.exec(`
        CREATE SCHEMA IF NOT EXISTS "${this.schema}";
        CREATE TABLE IF NOT EXISTS ${this.table} (
          position   bigint      PRIMARY KEY,
          event_id   uuid        NOT NULL,
          stream_id  text        NOT NULL,
          revision   bigint      NOT NULL,
          type       text        NOT NULL,
          data       jsonb       NOT NULL,
          metadata   jsonb       NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT events_event_id_unique UNIQUE (event_id),
          CONSTRAINT events_stream_revision_unique UNIQUE (stream_id, revision)
        );
      `);
    });
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.checkAppend(streamId, events);
    const [kind, revision] = expectation(options.expectedRevision);
    if (events.length === 1 && (kind === 'exact' || kind === 'no_stream')) {
      return new Promise((resolve, reject) => {
        const [event] = events;
        const after = revision ?? -1;
        const json = JSON.stringify({ stream: streamId, after, id: event.id, type: event.type, data: event.data, metadata: event.metadata });
        this.wachtrij.push({ streamId, event, json, after, expected: options.expectedRevision, resolve, reject });
        this.planPomp();
      });
    }
    const payload = JSON.stringify(events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })));
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } =
          kind === 'exact' || kind === 'no_stream'
            ? await this.appendAfter(streamId, payload, revision ?? -1)
            : await this.appendAtHead(streamId, payload, kind);
        if (rows.length === 0) return await this.idempotentOrConflict(this.db, streamId, events, options.expectedRevision);
        this.appended.emit('appended');
        return {
          nextExpectedRevision: Math.max(...rows.map((r) => Number(r.revision))),
          position: Math.max(...rows.map((r) => Number(r.position))),
        };
      } catch (error) {
        const { code } = error as { code?: string };
        if (code !== UNIQUE_VIOLATION) throw error;
        // Another writer took the same revision first. `any` means "wherever the end is": try again.
        if (kind === 'any' && attempt < MAX_ANY_RETRIES) continue;
        // Either these very events were appended before (a retry), or someone else was first.
        return await this.idempotentOrConflict(this.db, streamId, events, options.expectedRevision);
      }
    }
  }

  /*
   * The common case, an expected revision (or "no stream"): the events take the revisions right
   * after it. The unique (stream, revision) key refuses them when someone else was first, and the
   * EXISTS makes sure the expected revision is really there; no scan for the head is needed.
   * A named statement is parsed and planned once per connection.
   */
  private appendAfter(streamId: string, payload: string, after: number) {
    return this.db.query<{ revision: string | number; position: string | number }>(
      `INSERT INTO ${this.table} (position, event_id, stream_id, revision, type, data, metadata)
       SELECT pg_current_xact_id()::text::bigint * ${XID_SHIFT} + (e.idx - 1),
              (e.ev->>'id')::uuid, $1, $3::bigint + e.idx, e.ev->>'type', e.ev->'data', e.ev->'metadata'
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(ev, idx)
        WHERE $3::bigint = -1 OR EXISTS (SELECT 1 FROM ${this.table} WHERE stream_id = $1 AND revision = $3::bigint)
       RETURNING revision, position`,
      [streamId, payload, after],
      `${this.schema}.append-after`,
    );
  }

  /**
   * Group commit. Up to `gelijktijdig` groups are in flight; single-event appends that arrive
   * meanwhile wait and then go together: one statement, one commit, one flush to disk for all of
   * them. Under light load every group holds one append, so nobody waits for anybody.
   */
  private planPomp(): void {
    // After this turn of the event loop: callers just answered have queued their next append by then.
    if (this.pompGepland) return;
    this.pompGepland = true;
    setImmediate(() => {
      this.pompGepland = false;
      this.pomp();
    });
  }

  private pomp(): void {
    while (this.bezig < this.gelijktijdig && this.wachtrij.length) {
      const groep = this.neemGroep();
      if (!groep.length) return;
      this.bezig++;
      for (const w of groep) this.onderweg.add(w.streamId);
      void this.schrijfGroep(groep)
        .catch((error: unknown) => groep.forEach((w) => w.reject(error)))
        .finally(() => {
          this.bezig--;
          for (const w of groep) this.onderweg.delete(w.streamId);
          this.planPomp();
        });
    }
  }

  /**
   * The oldest waiting appends, at most one per stream and none for a stream already in flight: a
   * statement sees neither its own rows nor another's before they commit, so a second append to
   * the same stream waits until the first one is written.
   */
  private neemGroep(): Wachtend[] {
    const groep: Wachtend[] = [];
    const stromen = new Set<string>();
    const blijft: Wachtend[] = [];
    let tekens = 0;
    for (const w of this.wachtrij) {
      const past = groep.length === 0 || (groep.length < MAX_PER_GROEP && tekens + w.json.length <= MAX_GROEP_TEKENS);
      if (past && !stromen.has(w.streamId) && !this.onderweg.has(w.streamId)) {
        stromen.add(w.streamId);
        groep.push(w);
        tekens += w.json.length;
      } else blijft.push(w);
    }
    this.wachtrij.splice(0, this.wachtrij.length, ...blijft);
    return groep;
  }

  /*
   * Each row checks its own expected revision, as a scalar subquery: an EXISTS here may be planned
   * as one hashed scan of the whole table when the statement is prepared on a young table.
   * ON CONFLICT DO NOTHING leaves out a row whose revision (or event id) is taken instead of
   * failing the group. With one event per append, a row left out is a whole append left out: that
   * append alone is then looked at as before.
   */
  private async schrijfGroep(groep: readonly Wachtend[]): Promise<void> {
    let rows: { stream_id: string; revision: string | number; position: string | number }[];
    try {
      ({ rows } = await this.db.query(
        `INSERT INTO ${this.table} (position, event_id, stream_id, revision, type, data, metadata)
         SELECT pg_current_xact_id()::text::bigint * ${XID_SHIFT} + (e.idx - 1),
                (e.ev->>'id')::uuid, e.ev->>'stream', (e.ev->>'after')::bigint + 1, e.ev->>'type', e.ev->'data', e.ev->'metadata'
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(ev, idx)
          WHERE (e.ev->>'after')::bigint = -1
             OR (SELECT true FROM ${this.table} WHERE stream_id = e.ev->>'stream' AND revision = (e.ev->>'after')::bigint)
         ON CONFLICT DO NOTHING
         RETURNING stream_id, revision, position`,
        [`[${groep.map((w) => w.json).join(',')}]`],
        `${this.schema}.append-groep`,
      ));
    } catch (error) {
      // A group of one fails as itself; in a larger group one bad append (say text PostgreSQL
      // refuses) must not fail the others: each goes again on its own.
      if (groep.length === 1 || isUnavailable(error)) for (const w of groep) w.reject(error);
      else {
        for (const w of groep) {
          this.appendAfter(w.streamId, JSON.stringify([w.event]), w.after).then(
            ({ rows: eigen }) => {
              if (eigen.length) this.appended.emit('appended');
              this.rond(w, eigen[0]);
            },
            (fout: unknown) => ((fout as { code?: string }).code === UNIQUE_VIOLATION ? this.rond(w, undefined) : w.reject(fout)),
          );
        }
      }
      return;
    }
    // One append per stream in a group: the stream tells which appends were written.
    const geschreven = new Map(rows.map((r) => [r.stream_id, r]));
    if (rows.length) this.appended.emit('appended');
    for (const w of groep) this.rond(w, geschreven.get(w.streamId));
  }

  /** Settles one waiting append: written, or (left out) a repeat of itself or a conflict. */
  private rond(w: Wachtend, row: { revision: string | number; position: string | number } | undefined): void {
    if (row) {
      w.resolve({ nextExpectedRevision: Number(row.revision), position: Number(row.position) });
      return;
    }
    this.idempotentOrConflict(this.db, w.streamId, [w.event], w.expected).then(w.resolve, w.reject);
  }

  /** `any` and `stream_exists`: after whatever the head is now. */
  private appendAtHead(streamId: string, payload: string, kind: string) {
    return this.db.query<{ revision: string | number; position: string | number }>(
      `WITH head AS (
         SELECT coalesce(max(revision), -1) AS revision FROM ${this.table} WHERE stream_id = $1
       )
       INSERT INTO ${this.table} (position, event_id, stream_id, revision, type, data, metadata)
       SELECT pg_current_xact_id()::text::bigint * ${XID_SHIFT} + (e.idx - 1),
              (e.ev->>'id')::uuid, $1, head.revision + e.idx, e.ev->>'type', e.ev->'data', e.ev->'metadata'
         FROM head, jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(ev, idx)
        WHERE $3::text = 'any' OR head.revision >= 0
       RETURNING revision, position`,
      [streamId, payload, kind],
      `${this.schema}.append-at-head`,
    );
  }

  private checkAppend(streamId: string, events: readonly EventToAppend[]): void {
    if (!streamId || streamId.startsWith('$')) throw new EventStoreUsageError(`Ongeldige streamnaam: "${streamId}"`);
    if (events.length === 0) throw new EventStoreUsageError('Er is niets om toe te voegen');
    if (events.length > MAX_EVENTS_PER_APPEND) {
      throw new EventStoreUsageError(`Hoogstens ${MAX_EVENTS_PER_APPEND} events per keer`);
    }
    for (const event of events) {
      if (!UUID.test(event.id)) throw new EventStoreUsageError(`Event-id is geen UUID: ${event.id}`);
    }
  }

  /** Same event ids already in this stream, in the same order: the append happened before. */
  private async idempotentOrConflict(
    db: SqlExecutor,
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const ids = events.map((e) => e.id);
    const { rows } = await db.query<{ event_id: string; stream_id: string; revision: string; position: string }>(
      `SELECT event_id, stream_id, revision, position FROM ${this.table} WHERE event_id = ANY($1::uuid[]) ORDER BY revision`,
      [ids],
    );
    const sameBatch =
      rows.length === ids.length &&
      rows.every((row, i) => row.stream_id === streamId && row.event_id === ids[i].toLowerCase() && (i === 0 || Number(row.revision) === Number(rows[i - 1].revision) + 1));
    if (sameBatch) {
      const last = rows[rows.length - 1];
      return { nextExpectedRevision: Number(last.revision), position: Number(last.position) };
    }
    throw new ConcurrencyError(streamId, expected, await this.currentRevision(db, streamId));
  }

  private async currentRevision(db: SqlExecutor, streamId: string): Promise<number> {
    const { rows } = await db.query<{ revision: string | number }>(
      `SELECT coalesce(max(revision), -1) AS revision FROM ${this.table} WHERE stream_id = $1`,
      [streamId],
    );
    return Number(rows[0].revision);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.db.query<EventRow>(
      `SELECT event_id, stream_id, revision, position, type, data, metadata, created_at
         FROM ${this.table}
        WHERE stream_id = $1 AND revision >= $2
        ORDER BY revision
        LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? null],
    );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    // The visibility bound is applied after the LIMIT: every row below it comes before every row
    // above it, so the result is the same, and PostgreSQL keeps to the ordered index scan even when
    // the table has no statistics yet (a range with two bounds would make it sort the whole rest).
    const { rows } = await this.db.query<EventRow>(
      `SELECT * FROM (
         SELECT event_id, stream_id, revision, position, type, data, metadata, created_at
           FROM ${this.table}
          WHERE position > $1
          ORDER BY position
          LIMIT $2
       ) e
        -- A subquery: evaluated once, not for every row.
        WHERE position < (SELECT ${this.visibleBelow})
        ORDER BY position`,
      [options.after ?? -1, options.maxCount ?? 1000],
    );
    return rows.map(toRecorded);
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    return pollAll((o) => this.readAll(o), {
      after: options.after,
      signal: options.signal,
      batchSize: options.batchSize ?? 500,
      idleMs: this.pollIntervalMs,
      onWake: (wake) => {
        this.appended.on('appended', wake);
        return () => this.appended.off('appended', wake);
      },
    });
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.db.query<{ position: string | number }>(
      `SELECT position FROM ${this.table} WHERE position < ${this.visibleBelow} ORDER BY position DESC LIMIT 1`,
    );
    return rows.length ? Number(rows[0].position) : -1;
  }

  /** The database is shared with the read models; whoever opened it closes it. */
  async close(): Promise<void> {
    this.appended.removeAllListeners();
  }
}
