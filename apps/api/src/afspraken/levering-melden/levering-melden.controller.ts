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
import { MeldLeveringCommand } from './levering-melden.handler';

class LeveringMeldenDto extends createZodDto(
  z.strictObject({
    partijId: id,
    deadlineIds: z.array(id).min(1).max(50).optional().describe('Welke mijlpalen; weggelaten: alle openstaande'),
    toelichting: tekst(20_000),
    bewijs,
    effectiefOp,
  }),
) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class LeveringMeldenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/levering')
  @HttpCode(200)
  @Rollen('coordinator', 'partij')
  @ApiOperation({ summary: 'Levering melden: de partij zegt dat (een mijlpaal van) de afspraak geleverd is' })
  async melden(
    @Param() { afspraakId }: AfspraakParams,
    @Body() body: LeveringMeldenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new MeldLeveringCommand(afspraakId, { partijId: body.partijId, deadlineIds: body.deadlineIds ?? null, toelichting: body.toelichting, bewijs: body.bewijs }, commandContext(request, actor, body, body.effectiefOp)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}
