import { Module, type DynamicModule } from '@nestjs/common';
import { AfsprakenModule } from '../afspraken/afspraken.module';
import { AuditModule } from '../audit/audit.module';
import { ProjectiesModule } from '@afspraken/platform';
import { AfsprakenLijstController, AfsprakenLijstHandler } from './afspraken-lijst/afspraken-lijst';
import { PartijAfsprakenController, PartijAfsprakenHandler } from './partij-afspraken/partij-afspraken';
import { ProgrammaOverzichtController, ProgrammaOverzichtHandler } from './programma-overzicht/programma-overzicht';
import { Leesmodellen } from './shared/leesmodellen';
import { IndicatorenController, IndicatorenHandler } from './indicatoren/indicatoren';
import { BoAgendaController, BoAgendaHandler } from './bo-agenda/bo-agenda';

/** The query side: status overviews from the read models. Runs the projections too when this process should. */
@Module({})
export class OverzichtenModule {
  static forRoot(opties: { readonly projectiesDraaien: boolean }): DynamicModule {
    return {
      module: OverzichtenModule,
      imports: [ProjectiesModule.forRoot({ draaien: opties.projectiesDraaien }), AuditModule, AfsprakenModule],
      controllers: [AfsprakenLijstController, PartijAfsprakenController, ProgrammaOverzichtController, IndicatorenController, BoAgendaController],
      providers: [Leesmodellen, AfsprakenLijstHandler, PartijAfsprakenHandler, ProgrammaOverzichtHandler, IndicatorenHandler, BoAgendaHandler],
      exports: [Leesmodellen],
    };
  }
}
