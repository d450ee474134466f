import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query as CqrsQuery, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { NotFoundError, type Leesbereik, type StatusOpties, type Zoals } from '@afspraken/domain';
import { programmaOverzicht, type ProgrammaOverzicht } from '@afspraken/read-models';
import { AuditStandService } from '@afspraken/audit';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { InvoerFouten } from '@afspraken/application';
import { ProgrammaParams } from '../../programmas/shared';
import { Leesmodellen } from '../shared/leesmodellen';
import { naPositieUit, overzichtInvoer } from '../shared/query-invoer';
import { Leesrecht } from '@afspraken/platform';

export class ProgrammaOverzichtQuery extends CqrsQuery<ProgrammaOverzicht> {
  constructor(
    readonly programmaId: string,
    readonly opties: StatusOpties,
    readonly bereik: Leesbereik,
  ) {
    super();
  }
}

@QueryHandler(ProgrammaOverzichtQuery)
export class ProgrammaOverzichtHandler implements IQueryHandler<ProgrammaOverzichtQuery> {
  constructor(private readonly leesmodellen: Leesmodellen) {}

  async execute({ programmaId, opties, bereik }: ProgrammaOverzichtQuery): Promise<ProgrammaOverzicht> {
    const overzicht = await programmaOverzicht(this.leesmodellen.db, this.leesmodellen.schema, programmaId, opties, bereik);
    if (!overzicht) throw new NotFoundError('PROGRAMMA_ONBEKEND', `Programma ${programmaId} bestaat niet`);
    return overzicht;
  }
}

class ProgrammaOverzichtInvoer extends createZodDto(
  z.strictObject({
    ...overzichtInvoer,
    /** With a peildatum: the programme as recorded then, or as now known to have been then (audit). */
    zoals: z.enum(['vastgelegd', 'gecorrigeerd'] satisfies Zoals[], { message: 'moet vastgelegd of gecorrigeerd zijn' }).optional(),
  }),
) {}

@ApiTags('overzichten')
@ApiBearerAuth()
@Controller('programmas')
export class ProgrammaOverzichtController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly leesmodellen: Leesmodellen,
    private readonly auditStand: AuditStandService,
    private readonly leesrecht: Leesrecht,
  ) {}

  @Get(':programmaId/overzicht')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({
    summary:
      'Aantallen per status en stoplicht per programma, programmalijn en opgave; komende deadlines per kwartaal; verlopen mijlpalen. Met peildatum en zoals=vastgelegd|gecorrigeerd: de stand zoals toen vastgelegd of zoals nu bekend (audit)',
  })
  async overzicht(
    @Param() { programmaId }: ProgrammaParams,
    @Query() q: ProgrammaOverzichtInvoer,
    @Headers('x-na-positie') naPositieHeader: string | undefined,
    @HuidigeActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    this.leesrecht.vereisProgramma(actor, programmaId);
    if (q.zoals) {
      // Bitemporal: folded from the events themselves, not from the current read model.
      if (!q.peildatum) throw new InvoerFouten([{ field: 'peildatum', message: 'is verplicht bij zoals' }]);
      return this.auditStand.overzicht(programmaId, { peildatum: q.peildatum, zoals: q.zoals }, actor);
    }
    const positie = await this.leesmodellen.wachtOp(naPositieUit(q.naPositie, naPositieHeader), response);
    const opties = this.leesmodellen.statusOpties(q.peildatum);
    const overzicht = await this.queryBus.execute(new ProgrammaOverzichtQuery(programmaId, opties, this.leesrecht.bereik(actor)));
    return { peilmoment: opties.peilmoment, positie, ...overzicht };
  }
}
