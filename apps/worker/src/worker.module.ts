import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loadConfig, CoreModule, type CoreOptions, ProjectiesModule, HerinneringenWorkerModule, AuditBoomSchrijverModule } from '@afspraken/platform';

/**
 * The background process: projections and the reminder reactor with its BullMQ workers.
 * Run as many as you like on PostgreSQL: a lease per projection (and on the reactor's checkpoint)
 * lets one apply it, the others stand by; BullMQ spreads the sending over all of them.
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
        HerinneringenWorkerModule,
        AuditBoomSchrijverModule.forRoot({ draaien: true }),
      ],
    };
  }
}
