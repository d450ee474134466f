import { Body, Controller, HttpCode, Param, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { tekst } from '@afspraken/platform/validation';
import { ProgrammaParams } from '../shared';
import { LegBestuurlijkOverlegRegelVastCommand } from './bestuurlijk-overleg-regel-vastleggen.handler';

class BestuurlijkOverlegRegelDto extends createZodDto(
  z.strictObject({
    phrase: tekst(200).describe('Hoe vaak het overleg samenkomt, met begin en einde, zoals geschreven: "eens per kwartaal van Q4 2022 tot en met Q4 2025"'),
  }),
) {}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class BestuurlijkOverlegRegelVastleggenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':programmaId/bestuurlijk-overleg/regel')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'De regel van het Bestuurlijk Overleg vastleggen: elk voorkomen is een overleg (een nieuwe regel vervangt de oude met haar verplaatsingen)' })
  async vastleggen(
    @Param() { programmaId }: ProgrammaParams,
    @Body() body: BestuurlijkOverlegRegelDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new LegBestuurlijkOverlegRegelVastCommand(programmaId, { phrase: body.phrase }, commandContext(request, actor, body)),
    );
    return commandResponse(response, programmaId, outcome);
  }
}
