import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AFSPRAAK_SOORTEN, NIVEAUS } from '@afspraken/domain';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { effectiefOp, id, optioneleTekst, regel, tekst } from '@afspraken/platform/validation';
import { LegAfspraakVastCommand } from './vastleggen.handler';

export const deadlineInvoer = z.strictObject({
  deadlineId: id.optional(),
  omschrijving: tekst(500),
  phrase: tekst(200).describe('De deadline zoals het programma haar noemt, bijv. "uiterlijk Q2 2023"'),
});

const schema = z.strictObject({
  afspraakId: id.describe('Referentie, bijv. TAZ-A09'),
  soort: z.enum(AFSPRAAK_SOORTEN as [string, ...string[]]).default('afspraak'),
  programmaId: id,
  opgaveId: id.optional(),
  nummer: z.string().trim().max(20).optional(),
  niveau: z.enum(NIVEAUS as [string, ...string[]]).optional(),
  titel: regel(300),
  tekst: tekst(20_000),
  bronCitaat: optioneleTekst(20_000),
  trekker: id,
  betrokken: z.array(id).max(100).default([]),
  deadlines: z.array(deadlineInvoer).max(50).default([]),
  effectiefOp,
});

export class AfspraakVastleggenDto extends createZodDto(schema) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class AfspraakVastleggenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een afspraak (of actie) vastleggen, met trekker, betrokkenen en deadlines' })
  async vastleggen(
    @Body() body: AfspraakVastleggenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const { effectiefOp: effective, ...invoer } = body;
    const outcome = await this.commandBus.execute(
      new LegAfspraakVastCommand(invoer as LegAfspraakVastCommand['invoer'], commandContext(request, actor, body, effective)),
    );
    response.setHeader('Location', `/afspraken/${encodeURIComponent(body.afspraakId)}`);
    return commandResponse(response, body.afspraakId, outcome);
  }
}
