import { Module } from '@nestjs/common';
import { PartijVastleggenController } from './vastleggen/vastleggen.controller';
import { ContactToevoegenController } from './contact-toevoegen/contact-toevoegen.controller';
import { ContactVerwijderenController } from './contact-verwijderen/contact-verwijderen.controller';
import { ToonPartijController, ToonPartijHandler } from './toon/toon';

@Module({
  controllers: [PartijVastleggenController, ContactToevoegenController, ContactVerwijderenController, ToonPartijController],
  providers: [ToonPartijHandler],
})
export class PartijenModule {}
