import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { id } from '@afspraken/platform/validation';
import { VerwijderContactCommand } from './contact-verwijderen.handler';

class ContactParams extends createZodDto(z.strictObject({ partijId: id, contactId: id })) {}

@ApiTags('partijen')
@ApiBearerAuth()
@Controller('partijen')
export class ContactVerwijderenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':partijId/contacten/:contactId/verwijderen')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een contactpersoon verwijderen' })
  async verwijderen(
    @Param() { partijId, contactId }: ContactParams,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new VerwijderContactCommand(partijId, { contactId }, commandContext(request, actor, {})),
    );
    return commandResponse(response, partijId, outcome);
  }
}
