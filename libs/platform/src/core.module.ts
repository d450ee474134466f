import { Global, Inject, Injectable, Module, type OnApplicationShutdown, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, CommandExecutor, SystemClock } from '@afspraken/application';
import { EventStore, openStorage, type SqlDatabase, type Storage } from '@afspraken/event-store';
import { APP_CONFIG, loadConfig, type AppConfig } from './config';

export const STORAGE = Symbol('STORAGE');
export const SQL_DATABASE = Symbol('SQL_DATABASE');

@Injectable()
class StorageCloser implements OnApplicationShutdown {
  constructor(@Inject(STORAGE) private readonly storage: Storage) {}
  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}

export interface CoreOptions {
  readonly config?: AppConfig;
  /** Tests and the CLI hand in a clock or storage of their own. */
  readonly clock?: Clock;
  readonly storage?: Storage;
}

/** Config, storage, clock and the command path: what every entry point (api, worker, cli) shares. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig();
    return {
      module: CoreModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: STORAGE,
          useFactory: () =>
            options.storage ??
            openStorage({
              databaseUrl: config.DATABASE_URL,
              eventStoreUrl: config.EVENTSTORE_URL,
              dataDir: config.DATA_DIR,
              schema: config.DB_SCHEMA,
              poolSize: config.DB_POOL_SIZE,
            }),
        },
        { provide: EventStore, useFactory: (s: Storage) => s.events, inject: [STORAGE] },
        { provide: SQL_DATABASE, useFactory: (s: Storage): SqlDatabase => s.db, inject: [STORAGE] },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: CommandExecutor,
          useFactory: (store: EventStore, clock: Clock) => new CommandExecutor(store, clock, {
              retry: { budgetMs: config.COMMAND_RETRY_BUDGET_MS, ...(config.COMMAND_RETRY_MAX_ATTEMPTS ? { maxAttempts: config.COMMAND_RETRY_MAX_ATTEMPTS, firstDelayMs: 0 } : {}) },
            }),
          inject: [EventStore, Clock],
        },
        // Storage handed in by a test belongs to the test; only close what we opened.
        ...(options.storage ? [] : [StorageCloser]),
      ],
      exports: [APP_CONFIG, STORAGE, SQL_DATABASE, EventStore, Clock, CommandExecutor, CqrsModule],
    };
  }
}
