import { Module } from '@nestjs/common';
import { AuditServicesModule } from '@afspraken/audit';
import { LeesrechtModule } from '@afspraken/platform';
import { AuditStandController } from './stand/stand.controller';
import { VerificatieController } from './verificatie/verificatie.controller';
import { RapportController } from './rapport/rapport.controller';
import { BoomController } from './boom/boom.controller';

/** Auditors' reads over HTTP: the stand on a peildatum, hash-chain and tree verification, proofs and the Voortgangsrapportage (the services are libs/audit's). */
@Module({
  imports: [AuditServicesModule, LeesrechtModule],
  controllers: [AuditStandController, VerificatieController, RapportController, BoomController],
  exports: [AuditServicesModule],
})
export class AuditModule {}
