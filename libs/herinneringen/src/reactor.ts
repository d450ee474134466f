import { reageer, type GeplandeHerinnering, type WorkflowActie } from '@afspraken/domain';
import { randomUUID } from 'node:crypto';
import type { Clock } from '@afspraken/application';
import { Checkpoints, type EventStore, type SqlDatabase } from '@afspraken/event-store';
import { contextVan, Werkvoorraad } from './toestand';
import type { HerinneringPlanner } from './queues';

const PAGINA = 500;
const LEASE_MS = 30_000;

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
  private readonly checkpoints: Checkpoints;

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlDatabase,
    private readonly schema: string,
    private readonly planner: HerinneringPlanner,
    private readonly clock: Clock,
    readonly naam = 'herinneringen',
  ) {
    this.checkpoints = new Checkpoints(schema, 'reactor_checkpoints');
  }

  async init(): Promise<void> {
    const tabel = this.checkpoints.tabel;
    await this.db.exec(`
      CREATE SCHEMA IF NOT EXISTS "${this.schema}";
      ${this.checkpoints.ddl()}
      -- A table of an earlier version: no lease columns, and position and time required.
      ALTER TABLE ${tabel} ADD COLUMN IF NOT EXISTS eigenaar text;
      ALTER TABLE ${tabel} ADD COLUMN IF NOT EXISTS lease_tot timestamptz;
      ALTER TABLE ${tabel} ALTER COLUMN positie SET DEFAULT -1, ALTER COLUMN bijgewerkt_op DROP NOT NULL;
    `);
    await this.checkpoints.zorgVoor(this.db, this.naam);
    this.positie = await this.checkpoints.positie(this.db, this.naam);
    // The state up to the checkpoint, rebuilt without acting on it.
    this.voorraad = (await Werkvoorraad.lees(this.store, this.positie)).voorraad;
  }

  get checkpoint(): number {
    return this.positie;
  }

  /** Takes or renews the lease. When another process moved the checkpoint meanwhile, the state is rebuilt. */
  private async neemLease(): Promise<boolean> {
    const opgeslagen = await this.checkpoints.neemLeaseOp(this.db, this.naam, this.eigenaar, LEASE_MS);
    if (opgeslagen === null) return false;
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
      // Lost the lease mid-page (a long pause): the new holder replays from the stored checkpoint.
      if (!(await this.checkpoints.zetAlsEigenaar(this.db, this.naam, this.positie, this.eigenaar))) return gelezen + page.length;
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
    await this.checkpoints.geefLeaseVrij(this.db, this.naam, this.eigenaar).catch(() => undefined);
  }
}
