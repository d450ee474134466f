import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { id, tekst } from '@afspraken/platform/validation';
import { ZegBestuurlijkOverlegAfCommand } from './bestuurlijk-overleg-afgelasten.handler';

/** `:voorkomen` is the occurrence's number in the rule (1, 2, …), as `GET /programmas/:id` lists them. */
export class VoorkomenParams extends createZodDto(
  z.strictObject({ programmaId: id, voorkomen: z.coerce.number({ message: 'moet een nummer zijn' }).int('moet een geheel getal zijn').min(1).max(10_000) }),
) {}

class BestuurlijkOverlegAfgelastenDto extends createZodDto(z.strictObject({ reden: tekst(1000) })) {}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class BestuurlijkOverlegAfgelastenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':programmaId/bestuurlijk-overleg/voorkomens/:voorkomen/afgelasten')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Eén overleg van de regel afgelasten, met een reden' })
  async afgelasten(
    @Param() { programmaId, voorkomen }: VoorkomenParams,
    @Body() body: BestuurlijkOverlegAfgelastenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const outcome = await this.commandBus.execute(
      new ZegBestuurlijkOverlegAfCommand(programmaId, { voorkomen, reden: body.reden }, commandContext(request, actor, { voorkomen, ...body })),
    );
    return commandResponse(response, programmaId, outcome);
  }
}
