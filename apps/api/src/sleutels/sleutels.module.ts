import { Module } from '@nestjs/common';
import { AfsprakenModule } from '../afspraken/afspraken.module';
import { AuthModule } from '../auth/auth.module';
import { SleutelMakenController } from './maken/sleutel-maken.controller';
import { SleutelsLijstController } from './lijst/sleutels-lijst.controller';
import { SleutelIntrekkenController } from './intrekken/sleutel-intrekken.controller';

/** Key management over HTTP for coordinators; the same store as `cli sleutel`. */
@Module({
  imports: [AuthModule, AfsprakenModule],
  controllers: [SleutelMakenController, SleutelsLijstController, SleutelIntrekkenController],
})
export class SleutelsModule {}
