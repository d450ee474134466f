import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { raw } from 'express';
import { AfsprakenModule } from '../afspraken/afspraken.module';
import { ProgrammaVastleggenController } from './vastleggen/vastleggen.controller';
import { LegProgrammaVastHandler } from './vastleggen/vastleggen.handler';
import { ProgrammalijnVastleggenController } from './programmalijn-vastleggen/programmalijn-vastleggen.controller';
import { LegProgrammalijnVastHandler } from './programmalijn-vastleggen/programmalijn-vastleggen.handler';
import { OpgaveVastleggenController } from './opgave-vastleggen/opgave-vastleggen.controller';
import { LegOpgaveVastHandler } from './opgave-vastleggen/opgave-vastleggen.handler';
import { BestuurlijkOverlegPlannenController } from './bestuurlijk-overleg-plannen/bestuurlijk-overleg-plannen.controller';
import { PlanBestuurlijkOverlegHandler } from './bestuurlijk-overleg-plannen/bestuurlijk-overleg-plannen.handler';
import { BestuurlijkOverlegRegelVastleggenController } from './bestuurlijk-overleg-regel-vastleggen/bestuurlijk-overleg-regel-vastleggen.controller';
import { LegBestuurlijkOverlegRegelVastHandler } from './bestuurlijk-overleg-regel-vastleggen/bestuurlijk-overleg-regel-vastleggen.handler';
import { BestuurlijkOverlegVerplaatsenController } from './bestuurlijk-overleg-verplaatsen/bestuurlijk-overleg-verplaatsen.controller';
import { VerplaatsBestuurlijkOverlegHandler } from './bestuurlijk-overleg-verplaatsen/bestuurlijk-overleg-verplaatsen.handler';
import { BestuurlijkOverlegAfgelastenController } from './bestuurlijk-overleg-afgelasten/bestuurlijk-overleg-afgelasten.controller';
import { ZegBestuurlijkOverlegAfHandler } from './bestuurlijk-overleg-afgelasten/bestuurlijk-overleg-afgelasten.handler';
import { IndicatorVastleggenController } from './indicator-vastleggen/indicator-vastleggen.controller';
import { LegIndicatorVastHandler } from './indicator-vastleggen/indicator-vastleggen.handler';
import { MetingRegistrerenController } from './meting-registreren/meting-registreren.controller';
import { RegistreerMetingHandler } from './meting-registreren/meting-registreren.handler';
import { ToonProgrammaController, ToonProgrammaHandler } from './toon/toon';
import { LijstProgrammasController, LijstProgrammasHandler } from './lijst/lijst';
import { ProgrammaImporterenController } from './importeren/importeren.controller';
import { AfsprakenImporterenController } from './afspraken-importeren/afspraken-importeren.controller';
import { CSV_TYPE, ImportModule, MAX_BESTAND_BYTES, XLSX_TYPE } from '@afspraken/import';

@Module({
  imports: [AfsprakenModule, ImportModule],
  controllers: [
    ProgrammaVastleggenController,
    ProgrammalijnVastleggenController,
    OpgaveVastleggenController,
    BestuurlijkOverlegPlannenController,
    BestuurlijkOverlegRegelVastleggenController,
    BestuurlijkOverlegVerplaatsenController,
    BestuurlijkOverlegAfgelastenController,
    IndicatorVastleggenController,
    MetingRegistrerenController,
    ProgrammaImporterenController,
    AfsprakenImporterenController,
    LijstProgrammasController,
    ToonProgrammaController,
  ],
  providers: [
    LegIndicatorVastHandler,
    RegistreerMetingHandler,
    LegProgrammaVastHandler,
    LegProgrammalijnVastHandler,
    LegOpgaveVastHandler,
    PlanBestuurlijkOverlegHandler,
    LegBestuurlijkOverlegRegelVastHandler,
    VerplaatsBestuurlijkOverlegHandler,
    ZegBestuurlijkOverlegAfHandler,
    ToonProgrammaHandler,
    LijstProgrammasHandler,
  ],
  exports: [ImportModule],
})
export class ProgrammasModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only the sheet import takes a binary body; the csv text is decoded by the importer (BOM, UTF-8 check).
    consumer
      .apply(raw({ type: [CSV_TYPE, XLSX_TYPE], limit: MAX_BESTAND_BYTES }))
      .forRoutes({ path: 'programmas/:programmaId/afspraken/import', method: RequestMethod.POST });
  }
}
