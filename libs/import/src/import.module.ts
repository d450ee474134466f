import { Module } from '@nestjs/common';
import { AfsprakenImporter } from './afspraken-importer';
import { AfsprakenSchrijver } from './afspraken-schrijver';
import { Koppelingen } from './koppelingen';
import { ProgrammaImporter } from './programma-importer';

/** The importers (programme files, sheets of afspraken) for every app that imports: the api's routes, its start-up seed, the CLI. */
@Module({
  providers: [ProgrammaImporter, AfsprakenSchrijver, Koppelingen, AfsprakenImporter],
  exports: [ProgrammaImporter, AfsprakenImporter],
})
export class ImportModule {}
