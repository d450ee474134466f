import { Module, type DynamicModule } from '@nestjs/common';
import { AuditServicesModule } from '@afspraken/audit';
import { ImportModule } from '@afspraken/import';
import { ApiKeyModule, CoreModule, LeesrechtModule, type CoreOptions } from '@afspraken/platform';

/** What the CLI runs, without HTTP and without the api: the importers, the audit services, the read rule and the key store. */
@Module({})
export class CliModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    return {
      module: CliModule,
      imports: [CoreModule.forRoot(options), ApiKeyModule, LeesrechtModule, ImportModule, AuditServicesModule],
    };
  }
}
