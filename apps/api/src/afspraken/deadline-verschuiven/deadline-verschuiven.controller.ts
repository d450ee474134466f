import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { datum, id, tekst } from '@afspraken/platform/validation';
import { VerschuifDeadlineCommand } from './deadline-verschuiven.handler';

class DeadlineParams extends createZodDto(z.strictObject({ afspraakId: id, deadlineId: id })) {}

class DeadlineVerschuivenDto extends createZodDto(
  z.strictObject({
    phrase: tekst(200).describe('De nieuwe deadline, bijv. "uiterlijk Q4 2023"'),
    reden: tekst(2000),
    besluitorgaan: tekst(200).describe('Wie besloot tot de verschuiving, bijv. "Bestuurlijk Overleg TAZ"'),
    besluitdatum: datum.optional().describe('Dag van het besluit; ook het moment waarop de verschuiving ingaat'),
  }),
) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class DeadlineVerschuivenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/deadlines/:deadlineId/verschuiven')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een deadline verschuiven (herplannen), met reden en besluitorgaan; de oorspronkelijke baseline blijft bewaard' })
  async verschuiven(
    @Param() { afspraakId, deadlineId }: DeadlineParams,
    @Body() body: DeadlineVerschuivenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new VerschuifDeadlineCommand(afspraakId, deadlineId, body, commandContext(request, actor, body, body.besluitdatum)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}
