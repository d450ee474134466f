import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ApiKeyStore } from '@afspraken/platform';
import { beheerbaar, sleutelWeergave, type SleutelWeergave } from '../shared';

@ApiTags('sleutels')
@ApiBearerAuth()
@Controller('sleutels')
export class SleutelsLijstController {
  constructor(private readonly keys: ApiKeyStore) {}

  @Get()
  @Rollen('coordinator')
  @ApiOperation({ summary: 'De API-sleutels (van het eigen programma), zonder geheimen' })
  async lijst(@HuidigeActor() actor: RequestActor): Promise<SleutelWeergave[]> {
    return (await this.keys.list()).filter((k) => beheerbaar(actor, k)).map(sleutelWeergave);
  }
}
