import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Rollen } from '../../auth/actor';
import { datum } from '@afspraken/platform/validation';
import { ProgrammaParams } from '../../programmas/shared';
import { RAPPORT_FORMATEN, RapportService } from '@afspraken/audit';

class RapportQuery extends createZodDto(
  z.strictObject({
    peildatum: datum,
    formaat: z.enum(RAPPORT_FORMATEN, { message: 'moet md, html of pdf zijn' }).default('md'),
    /** The size of a signed tree head: the report again with that head in its footer. */
    boomhoofd: z.coerce.number({ message: 'moet de grootte van een ondertekend boomhoofd zijn' }).int({ message: 'moet de grootte van een ondertekend boomhoofd zijn' }).min(0, { message: 'moet de grootte van een ondertekend boomhoofd zijn' }).optional(),
  }),
) {}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class RapportController {
  constructor(private readonly rapporten: RapportService) {}

  @Get('programmas/:programmaId/rapport')
  @Rollen('coordinator', 'auditor')
  @ApiProduces('text/markdown', 'text/html', 'application/pdf')
  @ApiOperation({
    summary: 'Voortgangsrapportage op een peildatum (Markdown, HTML of PDF) met het ondertekende boomhoofd van het auditlog; met ?boomhoofd=<grootte> opnieuw gemaakt geeft hetzelfde bestand',
  })
  async rapport(@Param() { programmaId }: ProgrammaParams, @Query() query: RapportQuery, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const rapport = await this.rapporten.maak(programmaId, query.peildatum, query.formaat, query.boomhoofd);
    response.setHeader('X-Inhoud-SHA256', rapport.inhoudHash);
    response.setHeader('X-Bestand-SHA256', rapport.bestandHash);
    response.setHeader('X-Boomhoofd', JSON.stringify(rapport.boomhoofd));
    return new StreamableFile(rapport.bestand, { type: rapport.mediaType, disposition: `inline; filename="${rapport.bestandsnaam}"`, length: rapport.bestand.length });
  }
}
