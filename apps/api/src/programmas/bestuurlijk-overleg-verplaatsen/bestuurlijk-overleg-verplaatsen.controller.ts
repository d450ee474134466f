import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { datum, tekst } from '@afspraken/platform/validation';
import { VerplaatsBestuurlijkOverlegCommand } from './bestuurlijk-overleg-verplaatsen.handler';
import { VoorkomenParams } from '../bestuurlijk-overleg-afgelasten/bestuurlijk-overleg-afgelasten.controller';

class BestuurlijkOverlegVerplaatsenDto extends createZodDto(
  z.strictObject({
    naar: datum.describe('De dag waarop dit overleg gehouden wordt (JJJJ-MM-DD)'),
    reden: tekst(1000),
  }),
) {}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class BestuurlijkOverlegVerplaatsenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':programmaId/bestuurlijk-overleg/voorkomens/:voorkomen/verplaatsen')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Eén overleg van de regel naar een andere dag verplaatsen, met een reden' })
  async verplaatsen(
    @Param() { programmaId, voorkomen }: VoorkomenParams,
    @Body() body: BestuurlijkOverlegVerplaatsenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new VerplaatsBestuurlijkOverlegCommand(programmaId, { voorkomen, naar: body.naar, reden: body.reden }, commandContext(request, actor, { voorkomen, ...body })),
    );
    return commandResponse(response, programmaId, outcome);
  }
}
