import { Module } from '@nestjs/common';
import { PartijVastleggenController } from './vastleggen/vastleggen.controller';
import { LegPartijVastHandler } from './vastleggen/vastleggen.handler';
import { ContactToevoegenController } from './contact-toevoegen/contact-toevoegen.controller';
import { VoegContactToeHandler } from './contact-toevoegen/contact-toevoegen.handler';
import { ContactVerwijderenController } from './contact-verwijderen/contact-verwijderen.controller';
import { VerwijderContactHandler } from './contact-verwijderen/contact-verwijderen.handler';
import { ToonPartijController, ToonPartijHandler } from './toon/toon';

@Module({
  controllers: [PartijVastleggenController, ContactToevoegenController, ContactVerwijderenController, ToonPartijController],
  providers: [LegPartijVastHandler, VoegContactToeHandler, VerwijderContactHandler, ToonPartijHandler],
})
export class PartijenModule {}
