import { Body, Controller, HttpCode, Post, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ProgrammaImporter, type ImportVerslag } from '@afspraken/import';

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class ProgrammaImporterenController {
  constructor(private readonly importer: ProgrammaImporter) {}

  @Post('import')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiConsumes('application/yaml')
  @ApiBody({ description: 'Een programmabestand in YAML (zie data/programmas/taz.yaml)', schema: { type: 'string' } })
  @ApiOperation({ summary: 'Een programma importeren uit YAML; alles wordt eerst gecontroleerd, wat al bestaat blijft staan' })
  importeer(@Body() yaml: unknown, @HuidigeActor() actor: RequestActor): Promise<ImportVerslag> {
    if (typeof yaml !== 'string') {
      throw new UnsupportedMediaTypeException({ code: 'YAML_VERWACHT', message: 'Stuur het bestand als Content-Type: application/yaml' });
    }
    return this.importer.importeer(yaml, actor);
  }
}
