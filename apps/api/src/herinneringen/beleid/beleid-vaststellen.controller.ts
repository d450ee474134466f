import { Body, Controller, HttpCode, Param, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { STANDAARD_BELEID } from '@afspraken/domain';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { ProgrammaParams } from '../../programmas/shared';
import { StelHerinneringsbeleidVastCommand } from './beleid-vaststellen.handler';

const dagen = (max: number) => z.number().int('moet een geheel getal zijn').min(0, 'mag niet negatief zijn').max(max, `mag hoogstens ${max} zijn`);

class BeleidDto extends createZodDto(
  z.strictObject({
    dagenVoor: z.array(dagen(730).min(1, 'moet minstens 1 zijn')).max(10, 'hoogstens 10 herinneringen vooraf').default([...STANDAARD_BELEID.dagenVoor]),
    opDeadline: z.boolean().default(STANDAARD_BELEID.opDeadline),
    escalatieNaWerkdagen: dagen(60).nullable().default(STANDAARD_BELEID.escalatieNaWerkdagen),
    bestuurlijkOverlegNaDagen: dagen(365).nullable().default(STANDAARD_BELEID.bestuurlijkOverlegNaDagen),
    uur: z.number().int('moet een geheel getal zijn').min(0).max(23, 'moet 0-23 zijn').default(STANDAARD_BELEID.uur),
    inhaalDagen: dagen(365).default(STANDAARD_BELEID.inhaalDagen),
  }),
) {}

@ApiTags('herinneringen')
@ApiBearerAuth()
@Controller('programmas')
export class BeleidVaststellenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':programmaId/herinneringsbeleid')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Het herinneringsbeleid van een programma: dagen vooraf, op de deadline, escalatie, Bestuurlijk Overleg' })
  async vaststellen(
    @Param() { programmaId }: ProgrammaParams,
    @Body() body: BeleidDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new StelHerinneringsbeleidVastCommand(programmaId, { beleid: body }, commandContext(request, actor, body)),
    );
    return commandResponse(response, programmaId, outcome);
  }
}
