import { reageer, type GeplandeHerinnering, type WorkflowActie } from '@afspraken/domain';
import { randomUUID } from 'node:crypto';
import type { Clock } from '@afspraken/application';
import type { EventStore, SqlDatabase } from '@afspraken/event-store';
import { contextVan, Werkvoorraad } from './toestand';
import type { HerinneringPlanner } from './queues';

const PAGINA = 500;
const LEASE_SECONDEN = 30;

/**
 * Turns afspraak and programme events into the reminder schedule. Separate from the projections,
 * with a checkpoint of its own: at start it folds the log up to the checkpoint without side
 * effects, then acts on every later event. A crash between acting and saving the checkpoint
 * replays a page; planning the same job id and removing a removed job are both no-ops.
 * Several worker processes may run it: a lease on the checkpoint row lets one act, the others
 * stand by and take over (from the stored checkpoint) when its lease runs out.
 */
export class HerinneringenReactor {
  private voorraad = new Werkvoorraad();
  private positie = -1;
  private gestopt = false;
  private lus: Promise<void> | null = null;
  private wekker: (() => void) | null = null;
  private readonly eigenaar = randomUUID();

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlDatabase,
    private readonly schema: string,
    private readonly planner: HerinneringPlanner,
    private readonly clock: Clock,
    readonly naam = 'herinneringen',
  ) {}

  private get tabel(): string {
    return `"${this.schema}".reactor_checkpoints`;
  }

  async init(): Promise<void> {
    await this.db.exec(`
      CREATE SCHEMA IF NOT EXISTS "${this.schema}";
      CREATE TABLE IF NOT EXISTS ${this.tabel} (naam text PRIMARY KEY, positie bigint NOT NULL, bijgewerkt_op timestamptz NOT NULL);
      ALTER TABLE ${this.tabel} ADD COLUMN IF NOT EXISTS eigenaar text;
      ALTER TABLE ${this.tabel} ADD COLUMN IF NOT EXISTS lease_tot timestamptz;
    `);
    await this.db.query(`INSERT INTO ${this.tabel} (naam, positie, bijgewerkt_op) VALUES ($1, -1, $2) ON CONFLICT (naam) DO NOTHING`, [this.naam, this.clock.now()]);
    const { rows } = await this.db.query<{ positie: string | number }>(`SELECT positie FROM ${this.tabel} WHERE naam = $1`, [this.naam]);
    this.positie = rows.length ? Number(rows[0].positie) : -1;
    // The state up to the checkpoint, rebuilt without acting on it.
    this.voorraad = (await Werkvoorraad.lees(this.store, this.positie)).voorraad;
  }

  get checkpoint(): number {
    return this.positie;
  }

  /**
   * Takes or renews the lease. Lease times use the database's clock: they are about processes,
   * not the business. When another process moved the checkpoint meanwhile, the state is rebuilt.
   */
  private async neemLease(): Promise<boolean> {
    const { rows } = await this.db.query<{ positie: string | number }>(
      `UPDATE ${this.tabel} SET eigenaar = $2, lease_tot = now() + make_interval(secs => $3)
        WHERE naam = $1 AND (eigenaar IS NULL OR eigenaar = $2 OR lease_tot < now())
        RETURNING positie`,
      [this.naam, this.eigenaar, LEASE_SECONDEN],
    );
    if (rows.length === 0) return false;
    const opgeslagen = Number(rows[0].positie);
    if (opgeslagen !== this.positie) {
      this.positie = opgeslagen;
      this.voorraad = (await Werkvoorraad.lees(this.store, opgeslagen)).voorraad;
    }
    return true;
  }

  /** Handles every event after the checkpoint; returns how many it read (0 while another process holds the lease). */
  async verwerk(): Promise<number> {
    let gelezen = 0;
    for (;;) {
      if (!(await this.neemLease())) return gelezen;
      const page = await this.store.readAll({ after: this.positie, maxCount: PAGINA });
      if (page.length === 0) return gelezen;
      const nu = this.clock.now();
      const acties: WorkflowActie[] = [];
      for (const event of page) {
        const verandering = this.voorraad.pasToe(event);
        if (verandering?.soort === 'afspraak' && verandering.na.status !== 'onbekend') {
          const context = this.voorraad.context(verandering.na.programmaId);
          acties.push(...reageer({ afspraak: verandering.voor, context }, { afspraak: verandering.na, context }, nu.toISOString()));
        } else if (verandering?.soort === 'programma') {
          const voor = contextVan(verandering.programmaId, verandering.voor);
          const na = contextVan(verandering.programmaId, verandering.na);
          for (const afspraak of this.voorraad.afsprakenVan(verandering.programmaId)) {
            acties.push(...reageer({ afspraak, context: voor }, { afspraak, context: na }, nu.toISOString()));
          }
        }
      }
      await this.voerUit(acties, nu);
      this.positie = page[page.length - 1].position;
      const opgeslagen = await this.db.query(`UPDATE ${this.tabel} SET positie = $2, bijgewerkt_op = $3 WHERE naam = $1 AND eigenaar = $4`, [
        this.naam,
        this.positie,
        nu,
        this.eigenaar,
      ]);
      // Lost the lease mid-page (a long pause): the new holder replays from the stored checkpoint.
      if (opgeslagen.rowCount === 0) return gelezen + page.length;
      gelezen += page.length;
      if (page.length < PAGINA) return gelezen;
    }
  }

  /**
   * Handles events until the given position is done. PostgreSQL shows an event to readers only
   * once older transactions have ended, so a fresh append may need a few polls to appear.
   */
  async verwerkTot(positie: number, maxMs = 10_000): Promise<void> {
    const tot = Date.now() + maxMs;
    while (this.positie < positie) {
      await this.verwerk();
      if (this.positie >= positie) return;
      if (Date.now() > tot) throw new Error(`reactor kwam niet voorbij positie ${this.positie} (gevraagd ${positie})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** In order; consecutive plans go to Redis in bulk. */
  private async voerUit(acties: readonly WorkflowActie[], nu: Date): Promise<void> {
    let bundel: GeplandeHerinnering[] = [];
    const verstuurBundel = async () => {
      if (bundel.length) await this.planner.plan(bundel, nu);
      bundel = [];
    };
    for (const actie of acties) {
      if (actie.soort === 'plan') {
        bundel.push(actie.herinnering);
      } else {
        await verstuurBundel();
        await this.planner.annuleer(actie.herinneringId);
      }
    }
    await verstuurBundel();
  }

  /** Runs until stopped: catches up, then polls (an in-process append wakes it early via `wek`). */
  start(intervalMs = 500, bijFout: (error: unknown) => void = () => undefined): void {
    this.gestopt = false;
    this.lus = (async () => {
      while (!this.gestopt) {
        try {
          await this.verwerk();
        } catch (error) {
          bijFout(error);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs);
          this.wekker = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    })();
  }

  wek(): void {
    this.wekker?.();
  }

  async stop(): Promise<void> {
    this.gestopt = true;
    this.wek();
    await this.lus;
    // Hand over at once instead of letting a standby wait for the lease to run out.
    await this.db.query(`UPDATE ${this.tabel} SET eigenaar = NULL, lease_tot = NULL WHERE naam = $1 AND eigenaar = $2`, [this.naam, this.eigenaar]).catch(() => undefined);
  }
}
