import { Injectable } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Event, TijdlijnEvent, Zoals } from '@afspraken/domain';
import { EventStore, type RecordedEvent } from '@afspraken/event-store';
import type { EventMetadata } from '@afspraken/application';
import { datum } from '../../core/validation';

const PAGINA = 1000;

/** The event with the moments an auditor asks about; effectiveAt defaults to recordedAt. */
export const tijdlijnEvent = <E extends Event>(recorded: RecordedEvent): TijdlijnEvent<E> => {
  const m = recorded.metadata as Partial<EventMetadata>;
  const recordedAt = m.recordedAt ?? recorded.createdAt;
  return {
    event: { type: recorded.type, data: recorded.data } as E,
    revision: recorded.revision,
    recordedAt,
    effectiveAt: m.effectiveAt ?? recordedAt,
    ...(m.herkomst === 'programmadocument' ? { uitProgrammadocument: true } : {}),
  };
};

/** Reads the global stream page by page, so a long history never sits in memory twice. */
@Injectable()
export class AuditLezer {
  constructor(readonly store: EventStore) {}

  async *alleEvents(): AsyncGenerator<RecordedEvent> {
    let after: number | undefined;
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
