import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PARTIJ_SOORTEN } from '@afspraken/domain';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { id, regel, tekst } from '@afspraken/platform/validation';
import { LegPartijVastCommand } from './vastleggen.handler';

class PartijVastleggenDto extends createZodDto(
  z.strictObject({
    partijId: id,
    naam: regel(300),
    soort: z.enum(PARTIJ_SOORTEN as [string, ...string[]]),
    aliassen: z.array(tekst(300)).max(50).default([]),
    leden: z.array(id).max(200).default([]).describe('Alleen bij soort collectief: de partijen die herinneringen krijgen'),
  }),
) {}

@ApiTags('partijen')
@ApiBearerAuth()
@Controller('partijen')
export class PartijVastleggenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een partij (organisatie) vastleggen, met haar soort en de namen waaronder zij voorkomt' })
  async vastleggen(
    @Body() body: PartijVastleggenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new LegPartijVastCommand(body.partijId, { ...body, soort: body.soort as never }, commandContext(request, actor, body)),
    );
    response.setHeader('Location', `/partijen/${encodeURIComponent(body.partijId)}`);
    return commandResponse(response, body.partijId, outcome);
  }
}
