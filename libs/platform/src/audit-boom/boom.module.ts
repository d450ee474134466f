import { Module, type DynamicModule } from '@nestjs/common';
import { BoomOpslag } from './boom-opslag';
import { BOOM_DRAAIEN, BoomhoofdSchrijver } from './boomhoofd-schrijver';
import { AuditSleutel } from './ondertekensleutel';

/** The audit tree's storage and signing key: read by the api and the CLI, written by the boomschrijver. */
@Module({
  providers: [AuditSleutel, BoomOpslag],
  exports: [AuditSleutel, BoomOpslag],
})
export class AuditBoomModule {}

/** Keeps the tree's leaves and signs its heads, in the process that runs the projections. */
@Module({})
export class AuditBoomSchrijverModule {
  static forRoot(opties: { readonly draaien: boolean }): DynamicModule {
    return {
      module: AuditBoomSchrijverModule,
      imports: [AuditBoomModule],
      providers: [{ provide: BOOM_DRAAIEN, useValue: opties.draaien }, BoomhoofdSchrijver],
      exports: [BoomhoofdSchrijver],
    };
  }
}
