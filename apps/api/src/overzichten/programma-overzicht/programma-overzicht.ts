import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query as CqrsQuery, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { NotFoundError, type StatusOpties } from '@afspraken/domain';
import { programmaOverzicht, type ProgrammaOverzicht } from '@afspraken/read-models';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ProgrammaParams } from '../../programmas/shared';
import { Leesmodellen } from '../shared/leesmodellen';
import { naPositieUit, overzichtInvoer } from '../shared/query-invoer';
import { programmaVoor } from '../shared/toegang';

export class ProgrammaOverzichtQuery extends CqrsQuery<ProgrammaOverzicht> {
  constructor(
    readonly programmaId: string,
    readonly opties: StatusOpties,
  ) {
    super();
  }
}

@QueryHandler(ProgrammaOverzichtQuery)
export class ProgrammaOverzichtHandler implements IQueryHandler<ProgrammaOverzichtQuery> {
  constructor(private readonly leesmodellen: Leesmodellen) {}

  async execute({ programmaId, opties }: ProgrammaOverzichtQuery): Promise<ProgrammaOverzicht> {
    const overzicht = await programmaOverzicht(this.leesmodellen.db, this.leesmodellen.schema, programmaId, opties);
    if (!overzicht) throw new NotFoundError('PROGRAMMA_ONBEKEND', `Programma ${programmaId} bestaat niet`);
    return overzicht;
  }
}

class ProgrammaOverzichtInvoer extends createZodDto(z.strictObject({ ...overzichtInvoer })) {}

@ApiTags('overzichten')
@ApiBearerAuth()
@Controller('programmas')
export class ProgrammaOverzichtController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly leesmodellen: Leesmodellen,
  ) {}

  @Get(':programmaId/overzicht')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'Aantallen per status en stoplicht per programma, programmalijn en opgave; komende deadlines per kwartaal; verlopen mijlpalen' })
  async overzicht(
    @Param() { programmaId }: ProgrammaParams,
    @Query() q: ProgrammaOverzichtInvoer,
    @Headers('x-na-positie') naPositieHeader: string | undefined,
    @HuidigeActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    programmaVoor(actor, programmaId);
    const positie = await this.leesmodellen.wachtOp(naPositieUit(q.naPositie, naPositieHeader), response);
    const opties = this.leesmodellen.statusOpties(q.peildatum);
    const overzicht = await this.queryBus.execute(new ProgrammaOverzichtQuery(programmaId, opties));
    return { peilmoment: opties.peilmoment, positie, ...overzicht };
  }
}
