import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { effectiefOp } from '@afspraken/platform/validation';
import { AfspraakParams } from '../shared/afspraak-params';
import { deadlineInvoer } from '../vastleggen/vastleggen.controller';
import { LegDeadlineVastCommand } from './deadline-vastleggen.handler';

class DeadlineVastleggenDto extends createZodDto(deadlineInvoer.extend({ effectiefOp })) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class DeadlineVastleggenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/deadlines')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een mijlpaal (deadline) toevoegen, zoals het programma haar noemt' })
  async vastleggen(
    @Param() { afspraakId }: AfspraakParams,
    @Body() body: DeadlineVastleggenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new LegDeadlineVastCommand(afspraakId, body, commandContext(request, actor, body, body.effectiefOp)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}
