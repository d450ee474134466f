import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@afspraken/application';
import { EventStore, type SqlDatabase } from '@afspraken/event-store';
import { HerinneringenRuntime } from '@afspraken/herinneringen';
import { APP_CONFIG, type AppConfig } from './config';
import { SQL_DATABASE } from './core.module';
import { herinneringenInstellingen } from './herinneringen-instellingen';

/**
 * Runs the reminder reactor and the BullMQ workers. The worker process imports it; the api does
 * too when it runs them itself (HERINNERINGEN_IN_PROCESS). Needs CoreModule (config, storage, clock)
 * from the importing module.
 */
@Module({
  providers: [
    {
      provide: HerinneringenRuntime,
      useFactory: (store: EventStore, db: SqlDatabase, clock: Clock, config: AppConfig) => new HerinneringenRuntime(store, db, clock, herinneringenInstellingen(config)),
      inject: [EventStore, SQL_DATABASE, Clock, APP_CONFIG],
    },
  ],
  exports: [HerinneringenRuntime],
})
export class HerinneringenWorkerModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Herinneringen');

  constructor(@Inject(HerinneringenRuntime) private readonly runtime: HerinneringenRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.init();
    this.runtime.reactor.start(500, (error) => this.logger.error(`reactor: ${(error as Error).message}`));
    await this.runtime.planWeekoverzicht();
    this.runtime.startWorkers();
    this.logger.log(`herinneringen actief vanaf positie ${this.runtime.reactor.checkpoint}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
  }
}
