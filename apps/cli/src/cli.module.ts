import { Module, type DynamicModule } from '@nestjs/common';
import { AfsprakenModule } from '../afspraken/afspraken.module';
import { AuditModule } from '../audit/audit.module';
import { ApiKeyModule } from '../auth/auth.module';
import { CoreModule, type CoreOptions } from '@afspraken/platform';
import { PartijenModule } from '../partijen/partijen.module';
import { ProgrammasModule } from '../programmas/programmas.module';

/** The api's modules without HTTP: the CLI runs the same command and query handlers. */
@Module({})
export class CliModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    return {
      module: CliModule,
      imports: [CoreModule.forRoot(options), ApiKeyModule, AfsprakenModule, AuditModule, ProgrammasModule, PartijenModule],
    };
  }
}
