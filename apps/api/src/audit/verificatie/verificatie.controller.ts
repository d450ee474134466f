import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerificatieService, type VerificatieVerslag } from '@afspraken/audit';
import { Rollen } from '../../auth/actor';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class VerificatieController {
  constructor(private readonly verificatie: VerificatieService) {}

  @Get('verificatie')
  @Rollen('auditor', 'coordinator')
  @ApiOperation({ summary: 'Controleert de hashketen van elke stream (eerste gebroken schakel per stream) en de events tegen elk ondertekend boomhoofd' })
  verifieer(): Promise<VerificatieVerslag> {
    return this.verificatie.verifieer();
  }
}
