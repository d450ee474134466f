import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { effectiefOp, id } from '@afspraken/platform/validation';
import { AfspraakParams } from '../shared/afspraak-params';
import { WijsPartijToeCommand } from './partij-toewijzen.handler';

class PartijToewijzenDto extends createZodDto(
  z.strictObject({ partijId: id, rol: z.enum(['trekker', 'betrokken']), effectiefOp }),
) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class PartijToewijzenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':afspraakId/partij-toewijzen')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een partij als trekker of betrokkene toewijzen (een nieuwe trekker vervangt de vorige)' })
  async toewijzen(
    @Param() { afspraakId }: AfspraakParams,
    @Body() body: PartijToewijzenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new WijsPartijToeCommand(afspraakId, body.partijId, body.rol, commandContext(request, actor, body, body.effectiefOp)),
    );
    return commandResponse(response, afspraakId, outcome);
  }
}
