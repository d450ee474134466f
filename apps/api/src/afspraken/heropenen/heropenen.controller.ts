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
import { HeropenAfspraakCommand } from './heropenen.handler';

class HeropenenDto extends createZodDto(z.strictObject({ reden: tekst(2000), effectiefOp })) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class HeropenenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/heropenen')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een ingetrokken of afgeronde afspraak heropenen, met reden' })
  async heropenen(
    @Param() { afspraakId }: AfspraakParams,
    @Body() body: HeropenenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new HeropenAfspraakCommand(afspraakId, { reden: body.reden }, commandContext(request, actor, body, body.effectiefOp)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}
