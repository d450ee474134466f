import { Controller, Get, Inject, type OnModuleInit } from '@nestjs/common';
import { Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ForbiddenError } from '@afspraken/domain';
import { Clock } from '@afspraken/application';
import type { SqlDatabase } from '@afspraken/event-store';
import { InboxKanaal, type InboxItem } from '@afspraken/herinneringen';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { APP_CONFIG, SQL_DATABASE, Leesrecht, type AppConfig } from '@afspraken/platform';
import { PartijParams } from '../../partijen/shared';
import { magPartijZien } from '../instellingen';

@ApiTags('herinneringen')
@ApiBearerAuth()
@Controller('partijen')
export class InboxController implements OnModuleInit {
  private readonly inbox: InboxKanaal;

  constructor(
    @Inject(SQL_DATABASE) db: SqlDatabase,
    @Inject(APP_CONFIG) config: AppConfig,
    clock: Clock,
    private readonly leesrecht: Leesrecht,
  ) {
    this.inbox = new InboxKanaal(db, config.DB_SCHEMA, () => clock.now());
  }

  async onModuleInit(): Promise<void> {
    await this.inbox.init();
  }

  @Get(':partijId/inbox')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'De herinneringen en escalaties die een partij kreeg, nieuwste eerst; alleen over afspraken die de vrager mag lezen' })
  async lijst(@Param() { partijId }: PartijParams, @HuidigeActor() actor: RequestActor): Promise<{ partijId: string; items: InboxItem[] }> {
    if (!magPartijZien(actor, partijId)) throw new ForbiddenError('ANDERE_PARTIJ', 'Je mag alleen de inbox van je eigen partij zien');
    return { partijId, items: await this.leesrecht.filter(actor, await this.inbox.lijst(partijId)) };
  }
}
