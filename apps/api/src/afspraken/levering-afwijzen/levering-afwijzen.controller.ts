import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { effectiefOp, id, tekst } from '@afspraken/platform/validation';
import { AfspraakParams } from '../shared/afspraak-params';
import { WijsLeveringAfCommand } from './levering-afwijzen.handler';

class LeveringAfwijzenDto extends createZodDto(
  z.strictObject({
    deadlineIds: z.array(id).min(1).max(50).optional().describe('Welke mijlpalen; weggelaten: alle gemelde'),
    reden: tekst(2000),
    effectiefOp,
  }),
) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class LeveringAfwijzenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/levering/afwijzen')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een gemelde levering afwijzen, met reden; de partij kan opnieuw melden' })
  async afwijzen(
    @Param() { afspraakId }: AfspraakParams,
    @Body() body: LeveringAfwijzenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new WijsLeveringAfCommand(afspraakId, { deadlineIds: body.deadlineIds ?? null, reden: body.reden }, commandContext(request, actor, body, body.effectiefOp)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}
