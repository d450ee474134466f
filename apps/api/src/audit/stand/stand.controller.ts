import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AfspraakStand } from '@afspraken/domain';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { AfspraakParams } from '../../afspraken/shared/afspraak-params';
import { ProgrammaParams } from '../../programmas/shared';
import { AuditStandService, PeilingQuery, type ProgrammaOverzicht } from '@afspraken/audit';

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
  programma(@Param() { programmaId }: ProgrammaParams, @Query() peiling: PeilingQuery, @HuidigeActor() actor: RequestActor): Promise<ProgrammaOverzicht> {
    return this.stand.overzicht(programmaId, peiling, actor);
  }

  @Get('afspraken/:afspraakId/stand')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'Eén afspraak op een peildatum, zoals vastgelegd of zoals gecorrigeerd' })
  afspraak(@Param() { afspraakId }: AfspraakParams, @Query() peiling: PeilingQuery, @HuidigeActor() actor: RequestActor): Promise<AfspraakStand> {
    return this.stand.afspraak(afspraakId, peiling, actor);
  }
}
