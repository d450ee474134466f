import { Inject, Injectable } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AFSPRAAK_VASTGELEGD, decodeAfspraakEvent, parseStreamName, type Event, type TijdlijnEvent, type Zoals } from '@afspraken/domain';
import { Checkpoints, EventStore, type RecordedEvent, type SqlDatabase } from '@afspraken/event-store';
import type { EventMetadata } from '@afspraken/application';
import { APP_CONFIG, SQL_DATABASE, type AppConfig } from '@afspraken/platform';
import { AFSPRAAK_STATUS, AFSPRAKEN_TABEL } from '@afspraken/read-models';
import { datum } from '@afspraken/platform/validation';

const PAGINA = 1000;

/** The event, decoded by its stream's decoder, with the moments an auditor asks about; effectiveAt defaults to recordedAt. */
export const tijdlijnEvent = <E extends Event>(recorded: RecordedEvent, decode: (recorded: RecordedEvent) => E): TijdlijnEvent<E> => {
  const m = recorded.metadata as Partial<EventMetadata>;
  const recordedAt = m.recordedAt ?? recorded.createdAt;
  return {
    event: decode(recorded),
    revision: recorded.revision,
    recordedAt,
    effectiveAt: m.effectiveAt ?? recordedAt,
    ...(m.herkomst === 'programmadocument' ? { uitProgrammadocument: true } : {}),
  };
};

/** Reads the global stream page by page, so a long history never sits in memory twice. */
@Injectable()
export class AuditLezer {
  private readonly checkpoints: Checkpoints;

  constructor(
    readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.checkpoints = new Checkpoints(config.DB_SCHEMA);
  }

  /**
   * The ids of a programme's afspraken without reading the whole log: those the afspraak-status read
   * model knows at its checkpoint, plus any registered after it (the tail of the global stream). An
   * afspraak's programme is fixed by its first event, so this is exact however far the read model lags.
   */
  async afspraakIdsVan(programmaId: string): Promise<string[]> {
    const ids = new Set<string>();
    let na: number | undefined;
    const tabel = `"${this.config.DB_SCHEMA}".${AFSPRAKEN_TABEL}`;
    const { rows: bestaat } = await this.db.query<{ tabel: string | null }>(`SELECT to_regclass($1) AS tabel`, [tabel]);
    if (bestaat[0]?.tabel) {
      // The checkpoint first: the documents read after it include at least everything up to it.
      const positie = await this.checkpoints.positie(this.db, AFSPRAAK_STATUS).catch(() => -1);
      const { rows } = await this.db.query<{ sleutel: string }>(`SELECT sleutel FROM ${tabel} WHERE programma_id = $1`, [programmaId]);
      for (const r of rows) ids.add(r.sleutel);
      na = positie >= 0 ? positie : undefined;
    }
    for await (const event of this.alleEvents(na)) {
      if (event.revision !== 0 || event.type !== AFSPRAAK_VASTGELEGD || parseStreamName(event.streamId)?.categorie !== 'afspraak') continue;
      const registratie = decodeAfspraakEvent(event);
      if (registratie.type === AFSPRAAK_VASTGELEGD && registratie.data.programmaId === programmaId) ids.add(registratie.data.afspraakId);
    }
    return [...ids].sort();
  }

  async *alleEvents(vanaf?: number): AsyncGenerator<RecordedEvent> {
    let after: number | undefined = vanaf;
    for (;;) {
      const pagina = await this.store.readAll({ after, maxCount: PAGINA });
      if (pagina.length === 0) return;
      yield* pagina;
      after = pagina[pagina.length - 1].position;
    }
  }
}

export const peilingVelden = {
  peildatum: datum,
  zoals: z.enum(['vastgelegd', 'gecorrigeerd'] satisfies Zoals[], { message: 'moet vastgelegd of gecorrigeerd zijn' }).default('vastgelegd'),
};

export class PeilingQuery extends createZodDto(z.strictObject(peilingVelden)) {}
