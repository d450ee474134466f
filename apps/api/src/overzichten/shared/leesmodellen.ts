import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { Clock } from '@afspraken/application';
import { peilmomentOf, type StatusOpties } from '@afspraken/domain';
import type { SqlDatabase } from '@afspraken/event-store';
import { AFSPRAAK_STATUS, Checkpoints, INDICATOREN, PARTIJEN, PROGRAMMA_STRUCTUUR } from '@afspraken/read-models';
import { APP_CONFIG, type AppConfig, SQL_DATABASE } from '@afspraken/platform';

const MAX_WACHT_MS = 5000;
const POLL_MS = 25;
const OVERZICHT_PROJECTIES = [AFSPRAAK_STATUS, PROGRAMMA_STRUCTUUR, PARTIJEN, INDICATOREN];

/** The read side: where the read models stand, the moment to judge at, and waiting for one's own writes. */
@Injectable()
export class Leesmodellen {
  readonly schema: string;
  private readonly checkpoints: Checkpoints;

  constructor(
    @Inject(SQL_DATABASE) readonly db: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.schema = config.DB_SCHEMA;
    this.checkpoints = new Checkpoints(config.DB_SCHEMA);
  }

  /** The domain's one "as of" (`peilmomentOf`): the end of the peildatum in Amsterdam; without one, now. */
  statusOpties(peildatum?: string): StatusOpties {
    return {
      peilmoment: peilmomentOf(peildatum, this.clock.now()),
      binnenkortDagen: this.config.BINNENKORT_DAGEN,
    };
  }

  positie(): Promise<number> {
    return this.checkpoints.laagste(this.db, OVERZICHT_PROJECTIES);
  }

  /**
   * Read-your-writes: waits (at most 5 s) until the read models include `naPositie`, the
   * `position` a command answered with. Sets X-Positie to the position the answer reflects.
   */
  async wachtOp(naPositie: number | undefined, response: Response): Promise<number> {
    let positie = await this.positie();
    if (naPositie !== undefined) {
      const tot = Date.now() + MAX_WACHT_MS;
      while (positie < naPositie && Date.now() < tot) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        positie = await this.positie();
      }
      if (positie < naPositie) {
        response.setHeader('Retry-After', '1');
        response.setHeader('X-Positie', String(positie));
        throw new ServiceUnavailableException({
          code: 'LEESMODEL_LOOPT_ACHTER',
          message: `De overzichten zijn bijgewerkt tot positie ${positie}, nog niet tot ${naPositie}; probeer het zo opnieuw`,
          positie,
        });
      }
    }
    response.setHeader('X-Positie', String(positie));
    return positie;
  }
}
