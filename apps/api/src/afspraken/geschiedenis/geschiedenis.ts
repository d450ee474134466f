import { Controller, Get, Headers, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { EventStore } from '@afspraken/event-store';
import { HISTORIE_FORMATEN, afspraakGeschiedenis, historieAlsCsv, type HistorieRegel } from '@afspraken/audit';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { Leesrecht } from '@afspraken/platform';
import { AfspraakParams } from '../shared/afspraak-params';

export class AfspraakGeschiedenisQuery extends Query<HistorieRegel[]> {
  constructor(readonly afspraakId: string) {
    super();
  }
}

@QueryHandler(AfspraakGeschiedenisQuery)
export class AfspraakGeschiedenisHandler implements IQueryHandler<AfspraakGeschiedenisQuery> {
  constructor(private readonly store: EventStore) {}

  execute({ afspraakId }: AfspraakGeschiedenisQuery): Promise<HistorieRegel[]> {
    return afspraakGeschiedenis(this.store, afspraakId);
  }
}

class HistorieQuery extends createZodDto(z.strictObject({ formaat: z.enum(HISTORIE_FORMATEN, { message: 'moet json of csv zijn' }).optional() })) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class AfspraakGeschiedenisController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly leesrecht: Leesrecht,
  ) {}

  @Get(':afspraakId/geschiedenis')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Elk event van de afspraak: wie, wat (leesbaar en ruw), wanneer vastgelegd en wanneer effectief; ?formaat=csv of Accept: text/csv voor CSV',
  })
  async geschiedenis(
    @Param() { afspraakId }: AfspraakParams,
    @QueryParams() { formaat }: HistorieQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @HuidigeActor() actor: RequestActor,
  ): Promise<HistorieRegel[] | string> {
    await this.leesrecht.afspraak(actor, afspraakId);
    const regels = await this.queryBus.execute(new AfspraakGeschiedenisQuery(afspraakId));
    const csv = formaat === 'csv' || (formaat === undefined && /\btext\/csv\b/i.test(accept ?? ''));
    if (!csv) return regels;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="geschiedenis-${afspraakId}.csv"`);
    return historieAlsCsv(regels);
  }
}
