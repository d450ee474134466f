import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Gauge, Registry } from 'prom-client';
import { Public } from '../../auth/actor';
import { ApiWachtrijen } from '../wachtrijen/wachtrijen.provider';

const TOESTANDEN = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'] as const;

/** Prometheus metrics of the reminder queues, read from Redis at each scrape. Counts only, no content. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  // A registry of our own: test apps in one process must not register the same metric twice.
  private readonly registry = new Registry();

  constructor(wachtrijen: ApiWachtrijen) {
    new Gauge({
      name: 'afspraken_queue_jobs',
      help: 'Jobs per BullMQ-wachtrij en toestand',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        const { herinneringen, verzendingen, overzichten } = wachtrijen.queues;
        for (const queue of [herinneringen, verzendingen, overzichten]) {
          const counts = await queue.getJobCounts(...TOESTANDEN);
          for (const state of TOESTANDEN) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
  }

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
