import { Controller, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ApiKeyStore } from '@afspraken/platform';
import { SleutelParams, sleutelWeergave, vereisBeheerbaar, type SleutelWeergave } from '../shared';

@ApiTags('sleutels')
@ApiBearerAuth()
@Controller('sleutels')
export class SleutelIntrekkenController {
  constructor(private readonly keys: ApiKeyStore) {}

  @Post(':sleutelId/intrekken')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een API-sleutel intrekken; hij werkt meteen niet meer (nogmaals intrekken verandert niets)' })
  async intrekken(@Param() { sleutelId }: SleutelParams, @HuidigeActor() actor: RequestActor): Promise<SleutelWeergave> {
    const sleutel = await this.keys.find(sleutelId);
    if (!sleutel) throw new NotFoundException({ code: 'SLEUTEL_ONBEKEND', message: `Sleutel ${sleutelId} bestaat niet` });
    vereisBeheerbaar(actor, sleutel);
    return sleutelWeergave((await this.keys.revoke(sleutelId))!);
  }
}
