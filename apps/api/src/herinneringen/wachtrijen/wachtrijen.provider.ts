import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HerinneringQueues, openRedis } from '@afspraken/herinneringen';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@afspraken/platform';

/**
 * The reminder queues as the api sees them: for the dashboard and the metrics, never to process.
 * Opened on first use, so an api nobody asks about queues never touches Redis.
 */
@Injectable()
export class ApiWachtrijen implements OnApplicationShutdown {
  private verbinding: { redis: Redis; queues: HerinneringQueues } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get queues(): HerinneringQueues {
    if (!this.verbinding) {
      const redis = openRedis(this.config.REDIS_URL);
      // An unreachable Redis must not take the api down; the dashboard and metrics then report it.
      redis.on('error', () => undefined);
      this.verbinding = { redis, queues: new HerinneringQueues(redis, this.config.QUEUE_PREFIX) };
    }
    return this.verbinding.queues;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.verbinding) return;
    await this.verbinding.queues.close();
    await this.verbinding.redis.quit().catch(() => undefined);
  }
}
