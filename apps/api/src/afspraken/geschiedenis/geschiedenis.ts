import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus, QueryHandler, Query, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError, beschrijf, streams, type DomeinEvent } from '@afspraken/domain';
import { EventStore } from '@afspraken/event-store';
import type { EventMetadata } from '@afspraken/application';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { AfspraakLeesrecht } from '../shared/leesrecht';
import { AfspraakParams } from '../shared/afspraak-commando';

export interface HistorieRegel {
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly samenvatting: string;
  readonly actor: string | null;
  readonly rol: string | null;
  readonly partijId: string | null;
  readonly vastgelegdOp: string | null;
  readonly effectiefOp: string | null;
  readonly data: object;
  readonly metadata: object;
}

export class AfspraakGeschiedenisQuery extends Query<HistorieRegel[]> {
  constructor(readonly afspraakId: string) {
    super();
  }
}

@QueryHandler(AfspraakGeschiedenisQuery)
export class AfspraakGeschiedenisHandler implements IQueryHandler<AfspraakGeschiedenisQuery> {
  constructor(private readonly store: EventStore) {}

  async execute({ afspraakId }: AfspraakGeschiedenisQuery): Promise<HistorieRegel[]> {
    const events = await this.store.readStream(streams.afspraak(afspraakId));
    if (events.length === 0) throw new NotFoundError('AFSPRAAK_ONBEKEND', `Afspraak ${afspraakId} bestaat niet`);
    return events.map((e) => {
      const m = e.metadata as Partial<EventMetadata>;
      return {
        revision: e.revision,
        position: e.position,
        type: e.type,
        samenvatting: beschrijf({ type: e.type, data: e.data } as DomeinEvent),
        actor: m.actor ?? null,
        rol: m.rol ?? null,
        partijId: m.partijId ?? null,
        vastgelegdOp: m.recordedAt ?? e.createdAt,
        effectiefOp: m.effectiveAt ?? m.recordedAt ?? null,
        data: e.data,
        metadata: e.metadata,
      };
    });
  }
}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class AfspraakGeschiedenisController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly leesrecht: AfspraakLeesrecht,
  ) {}

  @Get(':afspraakId/geschiedenis')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'Elk event van de afspraak: wie, wat (leesbaar en ruw), wanneer vastgelegd en wanneer effectief' })
  async geschiedenis(@Param() { afspraakId }: AfspraakParams, @HuidigeActor() actor: RequestActor): Promise<HistorieRegel[]> {
    await this.leesrecht.vereis(actor, afspraakId);
    return this.queryBus.execute(new AfspraakGeschiedenisQuery(afspraakId));
  }
}
