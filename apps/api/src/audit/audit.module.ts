import { Module } from '@nestjs/common';
import { AfsprakenModule } from '../afspraken/afspraken.module';
import { AuditLezer } from './shared/audit-lezer';
import { AuditStandService } from './stand/audit-stand.service';
import { AuditStandController } from './stand/stand.controller';
import { VerificatieController, VerificatieService } from './verificatie/verificatie';
import { RapportController } from './rapport/rapport.controller';
import { RapportService } from './rapport/rapport.service';

/** Auditors' reads: the stand on a peildatum, hash-chain verification and the Voortgangsrapportage. */
@Module({
  imports: [AfsprakenModule],
  controllers: [AuditStandController, VerificatieController, RapportController],
  providers: [AuditLezer, AuditStandService, VerificatieService, RapportService],
  exports: [AuditStandService, VerificatieService, RapportService],
})
export class AuditModule {}
