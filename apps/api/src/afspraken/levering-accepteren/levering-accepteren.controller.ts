import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { effectiefOp, id, optioneleTekst } from '@afspraken/platform/validation';
import { AfspraakParams } from '../shared/afspraak-params';
import { AccepteerLeveringCommand } from './levering-accepteren.handler';

class LeveringAccepterenDto extends createZodDto(
  z.strictObject({
    deadlineIds: z.array(id).min(1).max(50).optional().describe('Welke mijlpalen; weggelaten: alle gemelde'),
    toelichting: optioneleTekst(20_000),
    effectiefOp,
  }),
) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class LeveringAccepterenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/levering/accepteren')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een gemelde levering accepteren; als alles geleverd is, is de afspraak afgerond' })
  async accepteren(
    @Param() { afspraakId }: AfspraakParams,
    @Body() body: LeveringAccepterenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new AccepteerLeveringCommand(afspraakId, { deadlineIds: body.deadlineIds ?? null, toelichting: body.toelichting }, commandContext(request, actor, body, body.effectiefOp)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}
