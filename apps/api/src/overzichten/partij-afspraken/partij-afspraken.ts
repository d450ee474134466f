import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query as CqrsQuery, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { NotFoundError, type StatusOpties } from '@afspraken/domain';
import { partijAfspraken, type PartijAfspraken } from '@afspraken/read-models';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { PartijParams } from '../../partijen/shared';
import { Leesmodellen } from '../shared/leesmodellen';
import { naPositieUit, overzichtInvoer, paginering } from '../shared/query-invoer';

export class PartijAfsprakenQuery extends CqrsQuery<PartijAfspraken> {
  constructor(
    readonly partijId: string,
    readonly opties: StatusOpties,
  ) {
    super();
  }
}

@QueryHandler(PartijAfsprakenQuery)
export class PartijAfsprakenHandler implements IQueryHandler<PartijAfsprakenQuery> {
  constructor(private readonly leesmodellen: Leesmodellen) {}

  async execute({ partijId, opties }: PartijAfsprakenQuery): Promise<PartijAfspraken> {
    const resultaat = await partijAfspraken(this.leesmodellen.db, this.leesmodellen.schema, partijId, opties);
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
  ) {}

  @Get(':partijId/afspraken')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'De lopende afspraken en acties van een partij (trekker of betrokken), eerstvolgende deadline eerst, met het aantal verlopen' })
  async lijst(
    @Param() { partijId }: PartijParams,
    @Query() q: PartijAfsprakenInvoer,
    @Headers('x-na-positie') naPositieHeader: string | undefined,
    @HuidigeActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const positie = await this.leesmodellen.wachtOp(naPositieUit(q.naPositie, naPositieHeader), response);
    const opties = this.leesmodellen.statusOpties(q.peildatum);
    const { partij, aantallen, open } = await this.queryBus.execute(new PartijAfsprakenQuery(partijId, opties));
    const zichtbaar = actor.programmaId ? open.filter((a) => a.programmaId === actor.programmaId) : open;
    const pagina = (q.pagina - 1) * q.perPagina;
    return {
      peilmoment: opties.peilmoment,
      positie,
      partij,
      aantallen: actor.programmaId
        ? { open: zichtbaar.length, verlopen: zichtbaar.filter((a) => a.status === 'verlopen').length, binnenkort: zichtbaar.filter((a) => a.status === 'binnenkort').length }
        : aantallen,
      items: zichtbaar.slice(pagina, pagina + q.perPagina),
      totaal: zichtbaar.length,
      pagina: q.pagina,
      perPagina: q.perPagina,
      aantalPaginas: Math.max(1, Math.ceil(zichtbaar.length / q.perPagina)),
    };
  }
}
