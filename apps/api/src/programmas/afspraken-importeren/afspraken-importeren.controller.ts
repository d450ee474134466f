import { Body, Controller, Headers, HttpCode, Param, Post, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ForbiddenError } from '@afspraken/domain';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ProgrammaParams } from '../shared';
import { AfsprakenImporter, CSV_TYPE, formaatVanContentType, XLSX_TYPE, type AfsprakenImportVerslag } from '@afspraken/import';

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class AfsprakenImporterenController {
  constructor(private readonly importer: AfsprakenImporter) {}

  @Post(':programmaId/afspraken/import')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiConsumes(CSV_TYPE, XLSX_TYPE)
  @ApiBody({ description: 'Het bestand zelf als body (geen multipart); kolommen: zie README "Afspraken importeren uit CSV of XLSX"', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'Afspraken en acties importeren uit CSV of XLSX; elke rij wordt eerst gecontroleerd, bij een fout wordt niets geschreven' })
  importeer(
    @Param() { programmaId }: ProgrammaParams,
    @Body() bestand: unknown,
    @Headers('content-type') contentType: string | undefined,
    @HuidigeActor() actor: RequestActor,
  ): Promise<AfsprakenImportVerslag> {
    const formaat = formaatVanContentType(contentType);
    if (!formaat) {
      throw new UnsupportedMediaTypeException({ code: 'CSV_OF_XLSX_VERWACHT', message: `Stuur het bestand als Content-Type: ${CSV_TYPE} of ${XLSX_TYPE}` });
    }
    if (actor.programmaId && actor.programmaId !== programmaId) {
      throw new ForbiddenError('ANDER_PROGRAMMA', `Deze sleutel is beperkt tot programma ${actor.programmaId}`);
    }
    // Without a body there is nothing to parse; the importer then says the file is empty.
    return this.importer.importeer(Buffer.isBuffer(bestand) ? bestand : Buffer.alloc(0), formaat, programmaId, actor);
  }
}
