import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PEILDATUM } from '@afspraken/domain';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { id, tekst } from '@afspraken/platform/validation';
import { RegistreerMetingCommand } from './meting-registreren.handler';

class IndicatorParams extends createZodDto(z.strictObject({ programmaId: id, indicatorId: id })) {}

class MetingRegistrerenDto extends createZodDto(
  z.strictObject({
    waarde: z.number().finite(),
    peildatum: z.string().regex(PEILDATUM, 'moet de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD hebben').describe('Zo precies als de bron: 2023, 2023-09 of 2023-09-01'),
    bron: tekst(1000).describe('Waar het getal vandaan komt, bijv. "AZW-prognose 2023"'),
  }),
) {}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class MetingRegistrerenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':programmaId/indicatoren/:indicatorId/metingen')
  @HttpCode(201)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een meting van een indicator registreren: waarde, peildatum en bron (dezelfde meting nog eens schrijft niets)' })
  async registreren(
    @Param() { programmaId, indicatorId }: IndicatorParams,
    @Body() body: MetingRegistrerenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(new RegistreerMetingCommand(programmaId, indicatorId, body, commandContext(request, actor, { programmaId, indicatorId, ...body })));
    return commandResponse(response, indicatorId, outcome);
  }
}
