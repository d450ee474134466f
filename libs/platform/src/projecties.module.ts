import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventStore, type SqlDatabase } from '@afspraken/event-store';
import { ALLE_PROJECTIES, ProjectionRunner } from '@afspraken/read-models';
import { APP_CONFIG, type AppConfig } from './config';
import { SQL_DATABASE } from './core.module';

const PROJECTIES_DRAAIEN = Symbol('PROJECTIES_DRAAIEN');

/** Creates the read-model tables at start and, where this process runs them, keeps the projections going. */
@Injectable()
class ProjectiesLevenscyclus implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projecties');

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(PROJECTIES_DRAAIEN) private readonly draaien: boolean,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.runner.migreer();
  }

  onApplicationBootstrap(): void {
    if (!this.draaien) return;
    this.runner.start();
    this.logger.log(`Projecties draaien in dit proces (${this.runner.projecties.map((p) => p.naam).join(', ')})`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}

export interface ProjectiesOpties {
  /** Apply events in this process (worker, or the api with WORKER_IN_PROCESS); otherwise only read. */
  readonly draaien: boolean;
}

@Module({})
export class ProjectiesModule {
  static forRoot(opties: ProjectiesOpties): DynamicModule {
    return {
      module: ProjectiesModule,
      providers: [
        { provide: PROJECTIES_DRAAIEN, useValue: opties.draaien },
        {
          provide: ProjectionRunner,
          useFactory: (db: SqlDatabase, store: EventStore, config: AppConfig) => {
            const logger = new Logger('Projecties');
            return new ProjectionRunner(db, store, ALLE_PROJECTIES, {
              schema: config.DB_SCHEMA,
              logger: { log: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
            });
          },
          inject: [SQL_DATABASE, EventStore, APP_CONFIG],
        },
        ProjectiesLevenscyclus,
      ],
      exports: [ProjectionRunner],
    };
  }
}
