import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query as CqrsQuery, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AFSPRAAK_SOORTEN, type AfspraakSoort, type StatusOpties } from '@afspraken/domain';
import { pagineer, zoekAfspraken, type AfspraakFilter, type AfspraakStatusWeergave, type Lijst, type Pagina } from '@afspraken/read-models';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { Leesmodellen } from '../shared/leesmodellen';
import { id, kwartaal, naPositieUit, overzichtInvoer, paginering, statussen } from '../shared/query-invoer';
import { Leesrecht } from '@afspraken/platform';

export class AfsprakenLijstQuery extends CqrsQuery<Lijst<AfspraakStatusWeergave>> {
  constructor(
    readonly filter: AfspraakFilter,
    readonly opties: StatusOpties,
    readonly pagina: Pagina,
  ) {
    super();
  }
}

@QueryHandler(AfsprakenLijstQuery)
export class AfsprakenLijstHandler implements IQueryHandler<AfsprakenLijstQuery> {
  constructor(private readonly leesmodellen: Leesmodellen) {}

  async execute({ filter, opties, pagina }: AfsprakenLijstQuery): Promise<Lijst<AfspraakStatusWeergave>> {
    return pagineer(await zoekAfspraken(this.leesmodellen.db, this.leesmodellen.schema, filter, opties), pagina);
  }
}

class AfsprakenLijstInvoer extends createZodDto(
  z.strictObject({
    status: statussen.optional().describe('op schema, binnenkort, verlopen, geleverd op tijd, geleverd te laat, ingetrokken, geen termijn, wacht op anker; meerdere met komma'),
    partij: id.optional(),
    programma: id.optional(),
    programmalijn: id.optional(),
    opgave: id.optional(),
    kwartaal: kwartaal.optional().describe('afspraken met een mijlpaal die in dit kwartaal valt, bv. 2023-Q2'),
    soort: z.enum(AFSPRAAK_SOORTEN as [AfspraakSoort, ...AfspraakSoort[]]).optional(),
    ...overzichtInvoer,
    ...paginering,
  }),
) {}

@ApiTags('overzichten')
@ApiBearerAuth()
@Controller('afspraken')
export class AfsprakenLijstController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly leesmodellen: Leesmodellen,
    private readonly leesrecht: Leesrecht,
  ) {}

  @Get()
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({
    summary: 'Afspraken met hun status tegen de deadlines op de peildatum (standaard nu), eerstvolgende deadline eerst',
    description: 'Stuur `naPositie` (of header X-Na-Positie) met de `position` van een commando om je eigen wijziging terug te zien; X-Positie zegt tot waar het overzicht bijgewerkt is.',
  })
  async lijst(
    @Query() q: AfsprakenLijstInvoer,
    @Headers('x-na-positie') naPositieHeader: string | undefined,
    @HuidigeActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (q.programma) this.leesrecht.vereisProgramma(actor, q.programma);
    const positie = await this.leesmodellen.wachtOp(naPositieUit(q.naPositie, naPositieHeader), response);
    const opties = this.leesmodellen.statusOpties(q.peildatum);
    const filter: AfspraakFilter = {
      programmaId: q.programma,
      programmalijnId: q.programmalijn,
      opgaveId: q.opgave,
      partijId: q.partij,
      kwartaal: q.kwartaal,
      soort: q.soort,
      statussen: q.status,
      bereik: this.leesrecht.bereik(actor),
    };
    const lijst = await this.queryBus.execute(new AfsprakenLijstQuery(filter, opties, { pagina: q.pagina, perPagina: q.perPagina }));
    return { peilmoment: opties.peilmoment, positie, ...lijst };
  }
}
