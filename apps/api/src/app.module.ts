import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { AfsprakenModule } from './afspraken/afspraken.module';
import { AuthModule } from './auth/auth.module';
import { loadConfig } from './core/config';
import { CoreModule, type CoreOptions } from './core/core.module';
import { AppExceptionFilter } from './core/exception.filter';
import { Opstart } from './core/opstart';
import { HealthModule } from './health/health.module';
import { HerinneringenApiModule } from './herinneringen/herinneringen.module';
import { PartijenModule } from './partijen/partijen.module';
import { ProgrammasModule } from './programmas/programmas.module';

export interface AppOptions extends CoreOptions {
  /** Skip the first-start key and seed import (tests). */
  readonly zonderOpstart?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig();
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Keys and tokens never reach the logs.
            redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[verborgen]' },
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        CoreModule.forRoot({ ...options, config }),
        AuthModule,
        AfsprakenModule,
        ProgrammasModule,
        PartijenModule,
        HealthModule,
        HerinneringenApiModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        ...(options.zonderOpstart ? [] : [Opstart]),
      ],
    };
  }
}
