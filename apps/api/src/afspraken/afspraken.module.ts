import { Module } from '@nestjs/common';
import { AfspraakCommands } from './shared/afspraak-commands';

import { Referenties } from './shared/referenties';
import { Leesrecht } from './shared/leesrecht';
import { AfspraakVastleggenController } from './vastleggen/vastleggen.controller';
import { LegAfspraakVastHandler } from './vastleggen/vastleggen.handler';
import { PartijToewijzenController } from './partij-toewijzen/partij-toewijzen.controller';
import { WijsPartijToeHandler } from './partij-toewijzen/partij-toewijzen.handler';
import { PartijVerwijderenController } from './partij-verwijderen/partij-verwijderen.controller';
import { DeadlineVastleggenController } from './deadline-vastleggen/deadline-vastleggen.controller';
import { LegDeadlineVastHandler } from './deadline-vastleggen/deadline-vastleggen.handler';
import { DeadlineVerschuivenController } from './deadline-verschuiven/deadline-verschuiven.controller';
import { VerschuifDeadlineHandler } from './deadline-verschuiven/deadline-verschuiven.handler';
import { VoortgangRapporterenController } from './voortgang-rapporteren/voortgang-rapporteren.controller';
import { LeveringMeldenController } from './levering-melden/levering-melden.controller';
import { LeveringAccepterenController } from './levering-accepteren/levering-accepteren.controller';
import { LeveringAfwijzenController } from './levering-afwijzen/levering-afwijzen.controller';
import { IntrekkenController } from './intrekken/intrekken.controller';
import { HeropenenController } from './heropenen/heropenen.controller';
import { AnkerVastleggenController } from './anker-vastleggen/anker-vastleggen.controller';
import { ToonAfspraakController, ToonAfspraakHandler } from './toon/toon';
import { AfspraakGeschiedenisController, AfspraakGeschiedenisHandler } from './geschiedenis/geschiedenis';

@Module({
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
    AfspraakCommands,
    Referenties,
    Leesrecht,
    LegAfspraakVastHandler,
    WijsPartijToeHandler,
    LegDeadlineVastHandler,
    VerschuifDeadlineHandler,
    ToonAfspraakHandler,
    AfspraakGeschiedenisHandler,
  ],
  exports: [AfspraakCommands, Referenties, Leesrecht],
})
export class AfsprakenModule {}
