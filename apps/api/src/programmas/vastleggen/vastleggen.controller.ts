import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { id, optioneleTekst, tekst } from '../../core/validation';
import { Referenties } from '../../afspraken/shared/referenties';
import { LegProgrammaVastCommand } from './vastleggen.handler';

class ProgrammaVastleggenDto extends createZodDto(
  z.strictObject({ programmaId: id, naam: tekst(300), eigenaar: id.describe('Partij-id van het eigenaar-ministerie'), bron: optioneleTekst(1000) }),
) {}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class ProgrammaVastleggenController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly referenties: Referenties,
  ) {}

  @Post()
  @HttpCode(201)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een programma vastleggen' })
  async vastleggen(
    @Body() body: ProgrammaVastleggenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    await this.referenties.partij(body.eigenaar, 'eigenaar');
    const outcome = await this.commandBus.execute(
      new LegProgrammaVastCommand(body.programmaId, body, commandContext(request, actor, body)),
    );
    response.setHeader('Location', `/programmas/${encodeURIComponent(body.programmaId)}`);
    return commandResponse(response, body.programmaId, outcome);
  }
}
