import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream } from 'pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { AfsprakenModule } from './afspraken/afspraken.module';
import { AuditModule } from './audit/audit.module';
import { AuditBoomSchrijverModule, loadConfig, CoreModule, type CoreOptions, HerinneringenWorkerModule } from '@afspraken/platform';
import { AuthModule } from './auth/auth.module';
import { LOG_CENSOR, LOG_REDACT_PATHS, verzoekLog } from './beveiliging/logging';
import { AppExceptionFilter } from './core/exception.filter';
import { Opstart } from './opstart';
import { HealthModule } from './health/health.module';
import { HerinneringenApiModule } from './herinneringen/herinneringen.module';
import { OverzichtenModule } from './overzichten/overzichten.module';
import { PartijenModule } from './partijen/partijen.module';
import { ProgrammasModule } from './programmas/programmas.module';
import { SleutelsModule } from './sleutels/sleutels.module';

export interface AppOptions extends CoreOptions {
  /** Skip the first-start key and seed import (tests). */
  readonly zonderOpstart?: boolean;
  /** Where the log goes (tests read it back); stdout by default. */
  readonly logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig();
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.LOG_LEVEL,
              // Keys, tokens and secrets never reach the logs.
              redact: { paths: LOG_REDACT_PATHS, censor: LOG_CENSOR },
              autoLogging: { ignore: (req) => req.url === '/health' },
              ...verzoekLog,
            },
            options.logDestination ?? pino.destination(1),
          ],
        }),
        CoreModule.forRoot({ ...options, config }),
        AuthModule,
        AfsprakenModule,
        AuditModule,
        AuditBoomSchrijverModule.forRoot({ draaien: config.WORKER_IN_PROCESS }),
        ProgrammasModule,
        PartijenModule,
        HealthModule,
        HerinneringenApiModule,
        // One process does everything on the embedded store: it also sends the reminders.
        ...(config.HERINNERINGEN_IN_PROCESS ? [HerinneringenWorkerModule] : []),
        SleutelsModule,
        OverzichtenModule.forRoot({ projectiesDraaien: config.WORKER_IN_PROCESS }),
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        ...(options.zonderOpstart ? [] : [Opstart]),
      ],
    };
  }
}
