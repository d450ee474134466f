import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Checkpoints, type CheckpointStand, type EventStore, type RecordedEvent, type SqlDatabase, type SqlExecutor } from '@afspraken/event-store';
import { tabellenVoor, type Projectie } from '../projectie';

export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RunnerOptions {
  /** Schema of the read models and checkpoints (the app's DB_SCHEMA). */
  readonly schema: string;
  readonly batchGrootte?: number;
  /** A rebuild reads larger pages: fewer round trips, memory still bounded by the page. */
  readonly herbouwBatchGrootte?: number;
  /** Page writes a rebuild keeps in flight while it reads and folds the next pages; 1 on the embedded database. */
  readonly herbouwSchrijvers?: number;
  /** How long to wait when caught up. */
  readonly wachtMs?: number;
  /** A lease not renewed within this time passes to a process that stands by. */
  readonly leaseMs?: number;
  /** How long a process that stands by waits before trying the lease again. */
  readonly standbyMs?: number;
  /** Identifies this process in the checkpoint table. */
  readonly eigenaar?: string;
  readonly logger?: RunnerLogger;
}

export interface RebuildReport {
  readonly naam: string;
  readonly events: number;
  readonly positie: number;
}

const SCHADUW = '__herbouw';
const stil: RunnerLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Another process moved the checkpoint (or took the lease) between our read and our write. */
class CheckpointVerschoven extends Error {}

const pauze = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const klaar = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', klaar);
      resolve();
    };
    const timer = setTimeout(klaar, ms);
    signal?.addEventListener('abort', klaar, { once: true });
  });

/**
 * Reads the global stream from each projection's checkpoint and applies it in batches. Each batch
 * and its checkpoint commit in ONE transaction, so a crash anywhere applies an event exactly once.
 * A lease per projection lets one process apply it while others stand by.
 */
export class ProjectionRunner {
  readonly checkpoints: Checkpoints;
  readonly eigenaar: string;
  private readonly batchGrootte: number;
  private readonly herbouwBatchGrootte: number;
  private readonly herbouwSchrijvers: number;
  private readonly wachtMs: number;
  private readonly leaseMs: number;
  private readonly standbyMs: number;
  private readonly logger: RunnerLogger;
  private abort?: AbortController;
  private lussen: Promise<void>[] = [];

  constructor(
    private readonly db: SqlDatabase,
    private readonly store: EventStore,
    readonly projecties: readonly Projectie[],
    private readonly opties: RunnerOptions,
  ) {
    this.checkpoints = new Checkpoints(opties.schema);
    this.batchGrootte = opties.batchGrootte ?? 1000;
    this.herbouwBatchGrootte = opties.herbouwBatchGrootte ?? 4000;
    this.herbouwSchrijvers = db.dialect === 'pglite' ? 1 : (opties.herbouwSchrijvers ?? 3);
    this.wachtMs = opties.wachtMs ?? 100;
    this.leaseMs = opties.leaseMs ?? 15_000;
    this.standbyMs = opties.standbyMs ?? 2_000;
    this.eigenaar = opties.eigenaar ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.logger = opties.logger ?? stil;
  }

  projectie(naam: string): Projectie {
    const p = this.projecties.find((x) => x.naam === naam);
    if (!p) throw new UnknownProjectionError(naam, this.projecties.map((x) => x.naam));
    return p;
  }

  /** Creates checkpoint and read-model tables when missing; safe when several processes start at once. */
  async migreer(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`afspraken-tracker:schema:${this.opties.schema}`]);
      await tx.exec(`CREATE SCHEMA IF NOT EXISTS "${this.opties.schema}"; ${this.checkpoints.ddl()}`);
      for (const p of this.projecties) {
        await p.maakTabellen(tx, tabellenVoor(this.opties.schema, p));
        await this.checkpoints.zorgVoor(tx, p.naam);
      }
    });
  }

  /** Runs every projection in the background until stop(). */
  start(): void {
    if (this.abort) return;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.lussen = this.projecties.map((p) => this.lus(p, signal));
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await Promise.all(this.lussen);
    this.lussen = [];
    this.abort = undefined;
    for (const p of this.projecties) await this.checkpoints.geefLeaseVrij(this.db, p.naam, this.eigenaar).catch(() => undefined);
  }

  private async lus(p: Projectie, signal: AbortSignal): Promise<void> {
    let wachtend = false;
    while (!signal.aborted) {
      try {
        if (!(await this.checkpoints.neemLease(this.db, p.naam, this.eigenaar, this.leaseMs))) {
          if (!wachtend) this.logger.log(`Projectie ${p.naam}: een ander proces verwerkt haar; dit proces staat stand-by`);
          wachtend = true;
          await pauze(this.standbyMs, signal);
          continue;
        }
        wachtend = false;
        const verwerkt = await this.verwerkBatch(p);
        if (verwerkt < this.batchGrootte) await pauze(this.wachtMs, signal);
      } catch (error) {
        if (signal.aborted) return;
        this.logger.error(`Projectie ${p.naam}: ${(error as Error).message}; opnieuw over 1 s`);
        await pauze(1000, signal);
      }
    }
  }

  /**
   * One step: the events after the stored checkpoint, applied with the new checkpoint in one
   * transaction. Returns how many events were read (0 when caught up or when someone else moved on).
   * Callers must hold the lease (`neemLease`); the loop does, tests call it directly.
   */
  async verwerkBatch(p: Projectie): Promise<number> {
    const vanaf = await this.checkpoints.positie(this.db, p.naam);
    const events = await this.store.readAll({ after: vanaf, maxCount: this.batchGrootte });
    if (!events.length) return 0;
    try {
      await this.db.transaction(async (tx) => {
        const stand = await this.checkpoints.vergrendel(tx, p.naam);
        // Read from the row we locked, not from memory: a rebuild or another process may have moved it.
        if (stand.positie !== vanaf || stand.eigenaar !== this.eigenaar || !stand.leaseGeldig) throw new CheckpointVerschoven();
        await p.verwerk(tx, events, tabellenVoor(this.opties.schema, p));
        await this.checkpoints.zet(tx, p.naam, events[events.length - 1].position);
      });
    } catch (error) {
      if (error instanceof CheckpointVerschoven) return 0;
      throw error;
    }
    return events.length;
  }

  /** Takes the lease for this process (tests and the CLI drive steps themselves). */
  neemLease(naam: string): Promise<boolean> {
    return this.checkpoints.neemLease(this.db, naam, this.eigenaar, this.leaseMs);
  }

  /** Applies everything available now, then returns (CLI, tests, bench). */
  async werkBij(naam: string): Promise<number> {
    const p = this.projectie(naam);
    let totaal = 0;
    for (;;) {
      if (!(await this.neemLease(naam))) throw new Error(`Projectie ${naam} wordt door een ander proces verwerkt`);
      const n = await this.verwerkBatch(p);
      totaal += n;
      if (n === 0) return totaal;
    }
  }

  /**
   * Builds the read model from position 0 into shadow tables while the live one keeps serving,
   * then swaps them in one transaction: readers never see a half-built model.
   */
  async herbouw(naam: string, onVoortgang?: (events: number, positie: number) => void): Promise<RebuildReport> {
    const p = this.projectie(naam);
    const schaduw = tabellenVoor(this.opties.schema, p, SCHADUW);
    await this.db.transaction(async (tx) => {
      for (const t of Object.values(schaduw)) await tx.exec(`DROP TABLE IF EXISTS ${t}`);
      await p.maakTabellen(tx, schaduw, { voorHerbouw: true });
    });

    let positie = -1;
    let aantal = 0;
    // Nobody reads the shadow tables and a crash starts the rebuild over: no need to wait for the disk.
    const schrijfSnel = (schrijf: (tx: SqlExecutor) => Promise<void>) =>
      this.db.transaction(async (tx) => {
        await tx.exec('SET LOCAL synchronous_commit = off');
        await schrijf(tx);
      });
    const herbouwer = p.herbouwer?.(schaduw, this.herbouwSchrijvers);
    const bezig: Promise<void>[] = [];
    const wachtOp = async (ruimte: number) => {
      while (bezig.length > ruimte) await bezig.shift();
    };
    // Reading the next page overlaps with folding and writing this one; a failed read counts when awaited.
    const leesNa = (na: number) => {
      const pagina = this.store.readAll({ after: na, maxCount: this.herbouwBatchGrootte });
      pagina.catch(() => undefined);
      return pagina;
    };
    let volgende = leesNa(positie);
    try {
      for (;;) {
        const events = await volgende;
        if (!events.length) break;
        positie = events[events.length - 1].position;
        volgende = leesNa(positie);
        if (herbouwer) {
          const opdracht = await herbouwer.bereken(this.db, events);
          await wachtOp(opdracht.verwijdert ? 0 : this.herbouwSchrijvers - 1);
          const schrijven = schrijfSnel((tx) => opdracht.schrijf(tx));
          schrijven.catch(() => undefined);
          bezig.push(schrijven);
          if (opdracht.verwijdert) await wachtOp(0);
        } else {
          await schrijfSnel((tx) => p.verwerk(tx, events, schaduw));
        }
        aantal += events.length;
        onVoortgang?.(aantal, positie);
      }
    } finally {
      // Never leave writes or a read running behind a failed rebuild.
      await Promise.allSettled([...bezig, volgende]);
    }
    await wachtOp(0);
    // Each index on its own connection: PostgreSQL builds one index on one core.
    await Promise.all((p.indexen?.(schaduw) ?? []).map((index) => this.db.exec(index)));

    const live = tabellenVoor(this.opties.schema, p);
    await this.db.transaction(async (tx) => {
      // Waits for a live batch in flight; after the swap the live runner continues from our position.
      await this.checkpoints.vergrendel(tx, p.naam);
      for (const basis of p.tabellen) {
        await tx.exec(`DROP TABLE IF EXISTS ${live[basis]}`);
        await tx.exec(`ALTER TABLE ${schaduw[basis]} RENAME TO "${basis}"`);
      }
      await this.checkpoints.zet(tx, p.naam, positie);
    });
    return { naam, events: aantal, positie };
  }

  async status(): Promise<(CheckpointStand & { head: number; achter: boolean })[]> {
    const head = await this.store.headPosition();
    const standen = await this.checkpoints.alle(this.db);
    return standen
      .filter((s) => this.projecties.some((p) => p.naam === s.naam))
      .map((s) => ({ ...s, head, achter: s.positie < head }));
  }
}

export class UnknownProjectionError extends Error {
  constructor(
    readonly naam: string,
    readonly bekend: readonly string[],
  ) {
    super(`Onbekende projectie "${naam}"; bekend: ${bekend.join(', ')}`);
    this.name = 'UnknownProjectionError';
  }
}
