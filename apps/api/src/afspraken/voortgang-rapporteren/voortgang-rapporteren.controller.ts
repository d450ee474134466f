import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { bewijs, effectiefOp, id, tekst } from '@afspraken/platform/validation';
import { AfspraakParams } from '../shared/afspraak-params';
import { RapporteerVoortgangCommand } from './voortgang-rapporteren.handler';

class VoortgangDto extends createZodDto(
  z.strictObject({
    partijId: id.describe('De partij namens wie wordt gerapporteerd; voor een partij-sleutel haar eigen organisatie'),
    percentage: z.number().int('moet een geheel getal zijn').min(0).max(100),
    toelichting: tekst(20_000),
    bewijs,
    effectiefOp,
  }),
) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class VoortgangRapporterenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/voortgang')
  @HttpCode(200)
  @Rollen('coordinator', 'partij')
  @ApiOperation({ summary: 'Voortgang rapporteren (percentage, toelichting, bewijslinks) namens een trekker of betrokkene' })
  async rapporteren(
    @Param() { afspraakId }: AfspraakParams,
    @Body() body: VoortgangDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const { partijId, percentage, toelichting } = body;
    const outcome = await this.commandBus.execute(
      new RapporteerVoortgangCommand(afspraakId, { partijId, percentage, toelichting, bewijs: body.bewijs }, commandContext(request, actor, body, body.effectiefOp)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}
