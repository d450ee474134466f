import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AfspraakStand, ProgrammaStand } from '@afspraken/domain';
import { Rollen } from '../../auth/actor';
import { AfspraakParams } from '../../afspraken/shared/afspraak-commando';
import { ProgrammaParams } from '../../programmas/shared';
import { PeilingQuery } from '../shared/audit-lezer';
import { AuditStandService } from './audit-stand.service';

/** The programme overview on a peildatum: counts, and one line per afspraak (its full state is per afspraak). */
export const programmaOverzicht = (stand: ProgrammaStand) => ({
  programmaId: stand.programmaId,
  naam: stand.programma.status === 'vastgelegd' ? stand.programma.naam : null,
  peildatum: stand.peildatum,
  peilmoment: stand.peilmoment,
  zoals: stand.zoals,
  events: stand.events,
  totaal: stand.totaal,
  perSoort: stand.perSoort,
  programmalijnen: stand.programmalijnen,
  afspraken: stand.afspraken.map(({ afspraak: a, status: s }) => ({
    afspraakId: a.afspraakId,
    soort: a.soort,
    titel: a.titel,
    programmalijnId: a.programmalijnId,
    opgaveId: a.opgaveId,
    levenscyclus: a.status,
    status: s.status,
    stoplicht: s.stoplicht,
    trekker: a.trekker,
    betrokken: a.betrokken,
    eerstvolgendeDue: s.eerstvolgendeDue,
    herplanningen: s.herplanningen,
    verschuivingDagen: s.verschuivingDagen,
    voortgangPerPartij: s.voortgangPerPartij,
  })),
});

export type ProgrammaOverzicht = ReturnType<typeof programmaOverzicht>;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditStandController {
  constructor(private readonly stand: AuditStandService) {}

  @Get('programmas/:programmaId/stand')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({
    summary: 'Het programma op een peildatum: zoals=vastgelegd (wat toen was vastgelegd) of zoals=gecorrigeerd (wat we nu weten dat toen gold)',
  })
  async programma(@Param() { programmaId }: ProgrammaParams, @Query() peiling: PeilingQuery): Promise<ProgrammaOverzicht> {
    return programmaOverzicht(await this.stand.programma(programmaId, peiling));
  }

  @Get('afspraken/:afspraakId/stand')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'Eén afspraak op een peildatum, zoals vastgelegd of zoals gecorrigeerd' })
  afspraak(@Param() { afspraakId }: AfspraakParams, @Query() peiling: PeilingQuery): Promise<AfspraakStand> {
    return this.stand.afspraak(afspraakId, peiling);
  }
}
