import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { datum } from '@afspraken/platform/validation';
import { ProgrammaParams } from '../shared';
import { PlanBestuurlijkOverlegCommand } from './bestuurlijk-overleg-plannen.handler';

class BestuurlijkOverlegPlannenDto extends createZodDto(z.strictObject({ datum })) {}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class BestuurlijkOverlegPlannenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':programmaId/bestuurlijk-overleggen')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'De datum van een Bestuurlijk Overleg vastleggen (escalaties komen op de agenda van het eerstvolgende)' })
  async uitvoeren(
    @Param() { programmaId }: ProgrammaParams,
    @Body() body: BestuurlijkOverlegPlannenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new PlanBestuurlijkOverlegCommand(programmaId, body, commandContext(request, actor, body)),
    );
    return commandResponse(response, programmaId, outcome);
  }
}
