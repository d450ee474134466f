import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { id, regel, tekst } from '@afspraken/platform/validation';
import { ProgrammaParams } from '../shared';
import { LegIndicatorVastCommand } from './indicator-vastleggen.handler';

class IndicatorVastleggenDto extends createZodDto(
  z.strictObject({
    indicatorId: id,
    naam: regel(300),
    eenheid: tekst(200).describe('Waarin het gemeten wordt, bijv. "% van het advies"'),
    doel: z
      .strictObject({
        waarde: z.number().finite(),
        peiljaar: z.number().int().min(1900).max(2100).nullable().default(null),
        omschrijving: tekst(1000).describe('Het doel zoals het programma het zegt'),
      })
      .nullable()
      .default(null)
      .describe('null: het programma volgt de indicator zonder een getal te noemen'),
    afspraakIds: z.array(id).max(500).default([]).describe('Afspraken van dit programma waar de indicator bij hoort'),
  }),
) {}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class IndicatorVastleggenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':programmaId/indicatoren')
  @HttpCode(201)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een indicator van het programma vastleggen: naam, eenheid, doel en de afspraken waar hij bij hoort' })
  async vastleggen(
    @Param() { programmaId }: ProgrammaParams,
    @Body() body: IndicatorVastleggenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(new LegIndicatorVastCommand(programmaId, body, commandContext(request, actor, { programmaId, ...body })));
    return commandResponse(response, body.indicatorId, outcome);
  }
}
