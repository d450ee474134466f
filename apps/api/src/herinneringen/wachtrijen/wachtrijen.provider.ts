import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HerinneringQueues, openRedis } from '@afspraken/herinneringen';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../core/config';

/** The reminder queues as the api sees them: for the dashboard and the metrics, never to process. */
@Injectable()
export class ApiWachtrijen implements OnApplicationShutdown {
  readonly redis: Redis;
  readonly queues: HerinneringQueues;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = openRedis(config.REDIS_URL);
    // An unreachable Redis must not take the api down; the dashboard and metrics then report it.
    this.redis.on('error', () => undefined);
    this.queues = new HerinneringQueues(this.redis, config.QUEUE_PREFIX);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
    await this.redis.quit().catch(() => undefined);
  }
}
