import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loadConfig } from '../../api/src/core/config';
import { CoreModule, type CoreOptions } from '../../api/src/core/core.module';
import { ProjectiesModule } from '../../api/src/projecties/projecties.module';

/**
 * The background process: projections now; one more import per reactor (reminders) later.
 * Run as many as you like on PostgreSQL: a lease per projection lets one apply it, the others stand by.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig();
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        CoreModule.forRoot({ ...options, config }),
        ProjectiesModule.forRoot({ draaien: true }),
      ],
    };
  }
}
