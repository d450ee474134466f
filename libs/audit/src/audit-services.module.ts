import { Module } from '@nestjs/common';
import { AuditBoomModule, LeesrechtModule } from '@afspraken/platform';
import { BoomVerificatie } from './boom/boom-verificatie';
import { RapportService } from './rapport/rapport.service';
import { AuditLezer } from './shared/audit-lezer';
import { AuditStandService } from './stand/audit-stand.service';
import { VerificatieService } from './verificatie/verificatie';

/** The auditors' services without HTTP: the stand on a peildatum, chain and tree verification, the Voortgangsrapportage (api and CLI). */
@Module({
  imports: [AuditBoomModule, LeesrechtModule],
  providers: [AuditLezer, AuditStandService, VerificatieService, RapportService, BoomVerificatie],
  exports: [AuditStandService, VerificatieService, RapportService, BoomVerificatie, AuditBoomModule],
})
export class AuditServicesModule {}
