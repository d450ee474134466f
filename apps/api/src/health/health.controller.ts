import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EventStore, type Storage } from '@afspraken/event-store';
import { Public } from '../auth/actor';
import { STORAGE } from '@afspraken/platform';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly store: EventStore,
    @Inject(STORAGE) private readonly storage: Storage,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Leeft de dienst en bereikt hij zijn opslag?' })
  check() {
    return this.health.check([() => this.eventStore()]);
  }

  private async eventStore(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('eventStore');
    try {
      const head = await this.store.headPosition();
      return check.up({ adapter: this.store.adapter, positie: head, opslag: this.storage.description });
    } catch (error) {
      return check.down({ adapter: this.store.adapter, fout: (error as Error).message });
    }
  }
}
