import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { id, tekst } from '@afspraken/platform/validation';
import { ProgrammaParams } from '../shared';
import { LegOpgaveVastCommand } from './opgave-vastleggen.handler';

class OpgaveVastleggenDto extends createZodDto(z.strictObject({ opgaveId: id, programmalijnId: id, nummer: z.number().int().min(1).max(999), naam: tekst(300) })) {}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class OpgaveVastleggenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':programmaId/opgaven')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een opgave binnen een programmalijn toevoegen' })
  async uitvoeren(
    @Param() { programmaId }: ProgrammaParams,
    @Body() body: OpgaveVastleggenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new LegOpgaveVastCommand(programmaId, body, commandContext(request, actor, body)),
    );
    return commandResponse(response, programmaId, outcome);
  }
}
