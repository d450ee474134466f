import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '@afspraken/application';
import { Checkpoints } from '@afspraken/event-store';
import { APP_CONFIG, type AppConfig } from '../config';
import { BoomOpslag } from './boom-opslag';

export const BOOM_DRAAIEN = Symbol('BOOM_DRAAIEN');
const LEASE = 'audit-boomhoofden';
const LEASE_MS = 15_000;
const TIK_MS = 1_000;

export interface Ritme {
  readonly elkeEvents: number;
  readonly elkeMinuten: number;
}

/** A new head when the tree grew by `elkeEvents`, or grew at all and the last head is `elkeMinuten` old; the first as soon as there is a leaf. */
export const moetOndertekenen = (grootte: number, laatste: { grootte: number; tijdstip: string } | null, nu: Date, ritme: Ritme): boolean => {
  if (!laatste) return grootte > 0;
  if (grootte <= laatste.grootte) return false;
  return grootte - laatste.grootte >= ritme.elkeEvents || nu.getTime() - new Date(laatste.tijdstip).getTime() >= ritme.elkeMinuten * 60_000;
};

/**
 * The "boomschrijver" of the worker: keeps the leaves up to date (the `audit-boom` projection) and
 * signs a tree head every N events or M minutes. One process at a time signs (a lease, as the
 * projections have); the others stand by.
 */
@Injectable()
export class BoomhoofdSchrijver implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditBoom');
  private readonly checkpoints: Checkpoints;
  private readonly eigenaar = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly ritme: Ritme;
  private abort?: AbortController;
  private lus?: Promise<void>;

  constructor(
    private readonly opslag: BoomOpslag,
    @Inject(BOOM_DRAAIEN) private readonly draaien: boolean,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    // A table of its own: its position is a tree size, not a place in the global stream.
    this.checkpoints = new Checkpoints(config.DB_SCHEMA, 'audit_checkpoints');
    this.ritme = { elkeEvents: config.AUDIT_BOOMHOOFD_EVENTS, elkeMinuten: config.AUDIT_BOOMHOOFD_MINUTEN };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.draaien) return;
    await this.opslag.db.exec(this.checkpoints.ddl());
    await this.checkpoints.zorgVoor(this.opslag.db, LEASE);
    this.opslag.runner.start();
    this.abort = new AbortController();
    this.lus = this.draai(this.abort.signal);
    this.logger.log(`Auditboom: bladeren en ondertekende boomhoofden (elke ${this.ritme.elkeEvents} events of ${this.ritme.elkeMinuten} minuten)`);
  }

  async onModuleDestroy(): Promise<void> {
    this.abort?.abort();
    await this.lus;
    await this.opslag.runner.stop();
    if (this.draaien) await this.checkpoints.geefLeaseVrij(this.opslag.db, LEASE, this.eigenaar).catch(() => undefined);
  }

  /** One tick: signs when the rhythm says so. Returns the size signed, or null. */
  async tik(): Promise<number | null> {
    if (!(await this.checkpoints.neemLease(this.opslag.db, LEASE, this.eigenaar, LEASE_MS))) return null;
    const grootte = await this.opslag.aantalBladeren();
    if (!moetOndertekenen(grootte, await this.opslag.laatsteBoomhoofd(), this.clock.now(), this.ritme)) return null;
    const hoofd = await this.opslag.onderteken('interval');
    await this.checkpoints.zetAlsEigenaar(this.opslag.db, LEASE, hoofd.grootte, this.eigenaar);
    return hoofd.grootte;
  }

  private async draai(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.tik();
      } catch (error) {
        if (signal.aborted) return;
        this.logger.error(`Boomhoofd: ${(error as Error).message}`);
      }
      await new Promise<void>((resolve) => {
        const klaar = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', klaar);
          resolve();
        };
        const timer = setTimeout(klaar, TIK_MS);
        signal.addEventListener('abort', klaar, { once: true });
      });
    }
  }
}
