import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query as CqrsQuery, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { onbeperktBereik, type Leesbereik, type StatusOpties } from '@afspraken/domain';
import { indicatorenVan, zoekAfspraken, type IndicatorDocument } from '@afspraken/read-models';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ProgrammaParams } from '../../programmas/shared';
import { Leesmodellen } from '../shared/leesmodellen';
import { naPositieUit, overzichtInvoer } from '../shared/query-invoer';
import { Leesrecht } from '@afspraken/platform';

export interface IndicatorRegel extends IndicatorDocument {
  /** The afspraken the indicator belongs to that the caller may read, as they stand now (null: not in the read model). */
  readonly afspraken: readonly { afspraakId: string; titel: string | null; stoplicht: string | null }[];
}

export class IndicatorenQuery extends CqrsQuery<IndicatorRegel[]> {
  constructor(
    readonly programmaId: string,
    readonly opties: StatusOpties,
    readonly bereik: Leesbereik,
  ) {
    super();
  }
}

@QueryHandler(IndicatorenQuery)
export class IndicatorenHandler implements IQueryHandler<IndicatorenQuery> {
  constructor(private readonly leesmodellen: Leesmodellen) {}

  async execute({ programmaId, opties, bereik }: IndicatorenQuery): Promise<IndicatorRegel[]> {
    const { db, schema } = this.leesmodellen;
    const [indicatoren, afspraken] = await Promise.all([indicatorenVan(db, schema, programmaId), zoekAfspraken(db, schema, { programmaId, bereik }, opties)]);
    const perId = new Map(afspraken.map((a) => [a.afspraakId, a]));
    const onbeperkt = onbeperktBereik(bereik);
    return indicatoren.map((i) => ({
      ...i,
      // Lines of afspraken the caller may not read stay out (the read rule: counts yes, others' lines no).
      afspraken: i.afspraakIds
        .filter((afspraakId) => onbeperkt || perId.has(afspraakId))
        .map((afspraakId) => ({ afspraakId, titel: perId.get(afspraakId)?.titel ?? null, stoplicht: perId.get(afspraakId)?.stoplicht ?? null })),
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
    private readonly leesrecht: Leesrecht,
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
    this.leesrecht.vereisProgramma(actor, programmaId);
    const positie = await this.leesmodellen.wachtOp(naPositieUit(q.naPositie, naPositieHeader), response);
    const opties = this.leesmodellen.statusOpties(q.peildatum);
    return { programmaId, positie, indicatoren: await this.queryBus.execute(new IndicatorenQuery(programmaId, opties, this.leesrecht.bereik(actor))) };
  }
}
