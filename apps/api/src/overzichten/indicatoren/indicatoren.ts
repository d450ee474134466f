import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query as CqrsQuery, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { StatusOpties } from '@afspraken/domain';
import { indicatorenVan, zoekAfspraken, type IndicatorDocument } from '@afspraken/read-models';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ProgrammaParams } from '../../programmas/shared';
import { Leesmodellen } from '../shared/leesmodellen';
import { naPositieUit, overzichtInvoer } from '../shared/query-invoer';
import { programmaVoor } from '../shared/toegang';

export interface IndicatorRegel extends IndicatorDocument {
  /** The afspraken the indicator belongs to, as they stand now (null: not in the read model). */
  readonly afspraken: readonly { afspraakId: string; titel: string | null; stoplicht: string | null }[];
}

export class IndicatorenQuery extends CqrsQuery<IndicatorRegel[]> {
  constructor(
    readonly programmaId: string,
    readonly opties: StatusOpties,
  ) {
    super();
  }
}

@QueryHandler(IndicatorenQuery)
export class IndicatorenHandler implements IQueryHandler<IndicatorenQuery> {
  constructor(private readonly leesmodellen: Leesmodellen) {}

  async execute({ programmaId, opties }: IndicatorenQuery): Promise<IndicatorRegel[]> {
    const { db, schema } = this.leesmodellen;
    const [indicatoren, afspraken] = await Promise.all([indicatorenVan(db, schema, programmaId), zoekAfspraken(db, schema, { programmaId }, opties)]);
    const perId = new Map(afspraken.map((a) => [a.afspraakId, a]));
    return indicatoren.map((i) => ({
      ...i,
      afspraken: i.afspraakIds.map((afspraakId) => ({ afspraakId, titel: perId.get(afspraakId)?.titel ?? null, stoplicht: perId.get(afspraakId)?.stoplicht ?? null })),
    }));
  }
}

class IndicatorenInvoer extends createZodDto(z.strictObject({ ...overzichtInvoer })) {}

@ApiTags('overzichten')
@ApiBearerAuth()
@Controller('programmas')
export class IndicatorenController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly leesmodellen: Leesmodellen,
  ) {}

  @Get(':programmaId/indicatoren')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'De indicatoren van het programma: doel, metingen door de tijd (met bron) en de afspraken waar ze bij horen' })
  async indicatoren(
    @Param() { programmaId }: ProgrammaParams,
    @Query() q: IndicatorenInvoer,
    @Headers('x-na-positie') naPositieHeader: string | undefined,
    @HuidigeActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    programmaVoor(actor, programmaId);
    const positie = await this.leesmodellen.wachtOp(naPositieUit(q.naPositie, naPositieHeader), response);
    const opties = this.leesmodellen.statusOpties(q.peildatum);
    return { programmaId, positie, indicatoren: await this.queryBus.execute(new IndicatorenQuery(programmaId, opties)) };
  }
}
