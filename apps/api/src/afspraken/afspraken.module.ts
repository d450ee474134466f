import { Module } from '@nestjs/common';
import { Referenties } from './shared/referenties';
import { LeesrechtModule } from '@afspraken/platform';
import { AfspraakVastleggenController } from './vastleggen/vastleggen.controller';
import { LegAfspraakVastHandler } from './vastleggen/vastleggen.handler';
import { PartijToewijzenController } from './partij-toewijzen/partij-toewijzen.controller';
import { WijsPartijToeHandler } from './partij-toewijzen/partij-toewijzen.handler';
import { PartijVerwijderenController } from './partij-verwijderen/partij-verwijderen.controller';
import { VerwijderPartijHandler } from './partij-verwijderen/partij-verwijderen.handler';
import { DeadlineVastleggenController } from './deadline-vastleggen/deadline-vastleggen.controller';
import { LegDeadlineVastHandler } from './deadline-vastleggen/deadline-vastleggen.handler';
import { DeadlineVerschuivenController } from './deadline-verschuiven/deadline-verschuiven.controller';
import { VerschuifDeadlineHandler } from './deadline-verschuiven/deadline-verschuiven.handler';
import { VoortgangRapporterenController } from './voortgang-rapporteren/voortgang-rapporteren.controller';
import { RapporteerVoortgangHandler } from './voortgang-rapporteren/voortgang-rapporteren.handler';
import { LeveringMeldenController } from './levering-melden/levering-melden.controller';
import { MeldLeveringHandler } from './levering-melden/levering-melden.handler';
import { LeveringAccepterenController } from './levering-accepteren/levering-accepteren.controller';
import { AccepteerLeveringHandler } from './levering-accepteren/levering-accepteren.handler';
import { LeveringAfwijzenController } from './levering-afwijzen/levering-afwijzen.controller';
import { WijsLeveringAfHandler } from './levering-afwijzen/levering-afwijzen.handler';
import { IntrekkenController } from './intrekken/intrekken.controller';
import { TrekAfspraakInHandler } from './intrekken/intrekken.handler';
import { HeropenenController } from './heropenen/heropenen.controller';
import { HeropenAfspraakHandler } from './heropenen/heropenen.handler';
import { AnkerVastleggenController } from './anker-vastleggen/anker-vastleggen.controller';
import { LegAnkerVastHandler } from './anker-vastleggen/anker-vastleggen.handler';
import { ToonAfspraakController, ToonAfspraakHandler } from './toon/toon';
import { AfspraakGeschiedenisController, AfspraakGeschiedenisHandler } from './geschiedenis/geschiedenis';

@Module({
  imports: [LeesrechtModule],
  controllers: [
    AfspraakVastleggenController,
    PartijToewijzenController,
    PartijVerwijderenController,
    DeadlineVastleggenController,
    DeadlineVerschuivenController,
    VoortgangRapporterenController,
    LeveringMeldenController,
    LeveringAccepterenController,
    LeveringAfwijzenController,
    IntrekkenController,
    HeropenenController,
    AnkerVastleggenController,
    ToonAfspraakController,
    AfspraakGeschiedenisController,
  ],
  providers: [
    Referenties,
    LegAfspraakVastHandler,
    WijsPartijToeHandler,
    LegDeadlineVastHandler,
    VerschuifDeadlineHandler,
    VerwijderPartijHandler,
    RapporteerVoortgangHandler,
    MeldLeveringHandler,
    AccepteerLeveringHandler,
    WijsLeveringAfHandler,
    TrekAfspraakInHandler,
    HeropenAfspraakHandler,
    LegAnkerVastHandler,
    ToonAfspraakHandler,
    AfspraakGeschiedenisHandler,
  ],
  exports: [Referenties, LeesrechtModule],
})
export class AfsprakenModule {}
