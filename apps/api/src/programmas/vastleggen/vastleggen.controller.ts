import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { DOCUMENTDATUM_SOORTEN, type DocumentdatumSoort } from '@afspraken/domain';
import { datum, id, optioneleTekst, tekst } from '@afspraken/platform/validation';
import { Referenties } from '../../afspraken/shared/referenties';
import { LegProgrammaVastCommand } from './vastleggen.handler';

class ProgrammaVastleggenDto extends createZodDto(
  z.strictObject({
    programmaId: id,
    naam: tekst(300),
    eigenaar: id.describe('Partij-id van het eigenaar-ministerie'),
    bron: optioneleTekst(1000),
    documentdatum: datum.optional().describe('De datum van het programmadocument (JJJJ-MM-DD)'),
    documentdatumSoort: z
      .enum(DOCUMENTDATUM_SOORTEN as [string, ...string[]], { message: 'moet gedrukt of opgegeven zijn' })
      .optional()
      .describe('gedrukt: het document noemt de datum; opgegeven: het document noemt er geen en de coördinator geeft hem op'),
    documentdatumBron: optioneleTekst(500).optional().describe('Waar een opgegeven datum vandaan komt (bv. een Kamerstuk)'),
  }),
) {}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class ProgrammaVastleggenController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly referenties: Referenties,
  ) {}

  @Post()
  @HttpCode(201)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een programma vastleggen' })
  async vastleggen(
    @Body() body: ProgrammaVastleggenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    await this.referenties.partij(body.eigenaar, 'eigenaar');
    const outcome = await this.commandBus.execute(
      new LegProgrammaVastCommand(
        body.programmaId,
        { ...body, documentdatumSoort: body.documentdatumSoort as DocumentdatumSoort | undefined },
        commandContext(request, actor, body),
      ),
    );
    response.setHeader('Location', `/programmas/${encodeURIComponent(body.programmaId)}`);
    return commandResponse(response, body.programmaId, outcome);
  }
}
