import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { effectiefOp, id, tekst } from '@afspraken/platform/validation';
import { VerwijderPartijCommand } from './partij-verwijderen.handler';

const PartijParams = z.strictObject({ afspraakId: id, partijId: id });
class PartijVerwijderenParams extends createZodDto(PartijParams) {}
class PartijVerwijderenDto extends createZodDto(z.strictObject({ reden: tekst(2000), effectiefOp })) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class PartijVerwijderenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/partijen/:partijId/verwijderen')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een betrokken partij verwijderen, met reden (de trekker kan niet worden verwijderd)' })
  async verwijderen(
    @Param() { afspraakId, partijId }: PartijVerwijderenParams,
    @Body() body: PartijVerwijderenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new VerwijderPartijCommand(afspraakId, { partijId, reden: body.reden }, commandContext(request, actor, body, body.effectiefOp)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}

