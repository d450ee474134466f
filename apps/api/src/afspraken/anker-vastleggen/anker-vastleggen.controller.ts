import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { datum, tekst } from '@afspraken/platform/validation';
import { AfspraakParams } from '../shared/afspraak-params';
import { LegAnkerVastCommand } from './anker-vastleggen.handler';

class AnkerVastleggenDto extends createZodDto(
  z.strictObject({
    anker: tekst(200).describe('De gebeurtenis waar een relatieve deadline op wacht, zoals de deadline haar noemt, bijv. "vaststelling"'),
    datum: datum.describe('De dag waarop die gebeurtenis plaatsvond (JJJJ-MM-DD)'),
  }),
) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class AnkerVastleggenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/ankers')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'De datum van een anker vastleggen ("vaststelling" op 2023-03-01): de deadlines die erop wachten krijgen een due date' })
  async vastleggen(
    @Param() { afspraakId }: AfspraakParams,
    @Body() body: AnkerVastleggenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new LegAnkerVastCommand(afspraakId, { anker: body.anker, datum: body.datum }, commandContext(request, actor, body)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}
