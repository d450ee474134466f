import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { effectiefOp, tekst } from '@afspraken/platform/validation';
import { AfspraakParams } from '../shared/afspraak-params';
import { TrekAfspraakInCommand } from './intrekken.handler';

class IntrekkenDto extends createZodDto(z.strictObject({ reden: tekst(2000), effectiefOp })) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class IntrekkenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/intrekken')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'De afspraak intrekken, met reden' })
  async intrekken(
    @Param() { afspraakId }: AfspraakParams,
    @Body() body: IntrekkenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new TrekAfspraakInCommand(afspraakId, { reden: body.reden }, commandContext(request, actor, body, body.effectiefOp)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}
