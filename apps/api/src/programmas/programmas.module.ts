import { Module } from '@nestjs/common';
import { AfsprakenModule } from '../afspraken/afspraken.module';
import { ProgrammaVastleggenController } from './vastleggen/vastleggen.controller';
import { ProgrammalijnVastleggenController } from './programmalijn-vastleggen/programmalijn-vastleggen.controller';
import { OpgaveVastleggenController } from './opgave-vastleggen/opgave-vastleggen.controller';
import { BestuurlijkOverlegPlannenController } from './bestuurlijk-overleg-plannen/bestuurlijk-overleg-plannen.controller';
import { ToonProgrammaController, ToonProgrammaHandler } from './toon/toon';
import { ProgrammaImporterenController } from './importeren/importeren.controller';
import { ProgrammaImporter } from './importeren/programma-importer';

@Module({
  imports: [AfsprakenModule],
  controllers: [
    ProgrammaVastleggenController,
    ProgrammalijnVastleggenController,
    OpgaveVastleggenController,
    BestuurlijkOverlegPlannenController,
    ProgrammaImporterenController,
    ToonProgrammaController,
  ],
  providers: [ToonProgrammaHandler, ProgrammaImporter],
  exports: [ProgrammaImporter],
})
export class ProgrammasModule {}
