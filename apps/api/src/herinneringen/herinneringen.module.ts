import { Module } from '@nestjs/common';
import { AfsprakenModule } from '../afspraken/afspraken.module';
import { AuthModule } from '../auth/auth.module';
import { BeleidVaststellenController } from './beleid/beleid-vaststellen.controller';
import { StelHerinneringsbeleidVastHandler } from './beleid/beleid-vaststellen.handler';
import { IcalController } from './ical/ical.controller';
import { IcalTokenStore } from './ical/ical-token.store';
import { InboxController } from './inbox/inbox.controller';
import { MetricsController } from './metrics/metrics.controller';
import { BullBoard } from './wachtrijen/bull-board';
import { ApiWachtrijen } from './wachtrijen/wachtrijen.provider';

/** The api side of reminders: inbox, iCal feed, policy, the queue dashboard and metrics. Sending runs in the worker. */
@Module({
  imports: [AuthModule, AfsprakenModule],
  controllers: [InboxController, IcalController, BeleidVaststellenController, MetricsController],
  providers: [StelHerinneringsbeleidVastHandler, ApiWachtrijen, IcalTokenStore, BullBoard],
})
export class HerinneringenApiModule {}
