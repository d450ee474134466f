import { Module } from '@nestjs/common';
import { AfsprakenModule } from '../afspraken/afspraken.module';
import { AuditLezer } from './shared/audit-lezer';
import { AuditStandService } from './stand/audit-stand.service';
import { AuditStandController } from './stand/stand.controller';
import { VerificatieController, VerificatieService } from './verificatie/verificatie';
import { RapportController } from './rapport/rapport.controller';
import { RapportService } from './rapport/rapport.service';
import { AuditBoomModule } from '@afspraken/platform';
import { BoomController } from './boom/boom.controller';
import { BoomVerificatie } from './boom/boom-verificatie';

/** Auditors' reads: the stand on a peildatum, hash-chain and tree verification, proofs and the Voortgangsrapportage. */
@Module({
  imports: [AuditBoomModule, AfsprakenModule],
  controllers: [AuditStandController, VerificatieController, RapportController, BoomController],
  providers: [AuditLezer, AuditStandService, VerificatieService, RapportService, BoomVerificatie],
  exports: [AuditStandService, VerificatieService, RapportService, BoomVerificatie, AuditBoomModule],
})
export class AuditModule {}
