import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query as CqrsQuery, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { NotFoundError, type Leesbereik, type StatusOpties } from '@afspraken/domain';
import { pagineer, partijAfspraken, type PartijAfspraken } from '@afspraken/read-models';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { Leesrecht } from '@afspraken/platform';
import { PartijParams } from '../../partijen/shared';
import { Leesmodellen } from '../shared/leesmodellen';
import { naPositieUit, overzichtInvoer, paginering } from '../shared/query-invoer';

export class PartijAfsprakenQuery extends CqrsQuery<PartijAfspraken> {
  constructor(
    readonly partijId: string,
    readonly opties: StatusOpties,
    readonly bereik: Leesbereik,
  ) {
    super();
  }
}

@QueryHandler(PartijAfsprakenQuery)
export class PartijAfsprakenHandler implements IQueryHandler<PartijAfsprakenQuery> {
  constructor(private readonly leesmodellen: Leesmodellen) {}

  async execute({ partijId, opties, bereik }: PartijAfsprakenQuery): Promise<PartijAfspraken> {
    const resultaat = await partijAfspraken(this.leesmodellen.db, this.leesmodellen.schema, partijId, opties, bereik);
    if (!resultaat.partij && resultaat.open.length === 0) throw new NotFoundError('PARTIJ_ONBEKEND', `Partij ${partijId} bestaat niet`);
    return resultaat;
  }
}

class PartijAfsprakenInvoer extends createZodDto(z.strictObject({ ...overzichtInvoer, ...paginering })) {}

@ApiTags('overzichten')
@ApiBearerAuth()
@Controller('partijen')
export class PartijAfsprakenController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly leesmodellen: Leesmodellen,
    private readonly leesrecht: Leesrecht,
  ) {}

  @Get(':partijId/afspraken')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({
    summary: 'De lopende afspraken en acties van een partij (trekker of betrokken), eerstvolgende deadline eerst, met het aantal verlopen; alleen wat de vrager mag lezen',
  })
  async lijst(
    @Param() { partijId }: PartijParams,
    @Query() q: PartijAfsprakenInvoer,
    @Headers('x-na-positie') naPositieHeader: string | undefined,
    @HuidigeActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const positie = await this.leesmodellen.wachtOp(naPositieUit(q.naPositie, naPositieHeader), response);
    const opties = this.leesmodellen.statusOpties(q.peildatum);
    const { partij, aantallen, open } = await this.queryBus.execute(new PartijAfsprakenQuery(partijId, opties, this.leesrecht.bereik(actor)));
    return { peilmoment: opties.peilmoment, positie, partij, aantallen, ...pagineer(open, { pagina: q.pagina, perPagina: q.perPagina }) };
  }
}
