import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { vereisProgramma } from '@afspraken/domain';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ApiKeyStore } from '@afspraken/platform';
import { Referenties } from '../../afspraken/shared/referenties';
import { id, tekst } from '@afspraken/platform/validation';
import { sleutelWeergave, type SleutelWeergave } from '../shared';

class SleutelMakenDto extends createZodDto(
  z
    .strictObject({
      naam: tekst(100).describe('Waarvoor of voor wie de sleutel is'),
      rol: z.enum(['coordinator', 'partij', 'auditor']),
      partijId: id.optional().describe('Verplicht bij rol partij: de organisatie'),
      programmaId: id.optional().describe('Beperk de sleutel tot één programma'),
    })
    .refine((s) => s.rol !== 'partij' || s.partijId !== undefined, { path: ['partijId'], message: 'is verplicht bij rol partij' })
    .refine((s) => s.rol === 'partij' || s.partijId === undefined, { path: ['partijId'], message: 'hoort alleen bij rol partij' }),
) {}

export interface NieuweSleutel extends SleutelWeergave {
  /** Shown once; only its hash is kept. */
  readonly sleutel: string;
}

@ApiTags('sleutels')
@ApiBearerAuth()
@Controller('sleutels')
export class SleutelMakenController {
  constructor(
    private readonly keys: ApiKeyStore,
    private readonly referenties: Referenties,
  ) {}

  @Post()
  @HttpCode(201)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een API-sleutel maken; de sleutel staat één keer in het antwoord en wordt daarna nooit meer getoond' })
  async maak(@Body() body: SleutelMakenDto, @HuidigeActor() actor: RequestActor, @Res({ passthrough: true }) response: Response): Promise<NieuweSleutel> {
    // A coordinator limited to a programme hands out keys for that programme only.
    const programmaId = body.programmaId ?? actor.programmaId ?? undefined;
    if (programmaId) {
      vereisProgramma(actor, programmaId);
      await this.referenties.programma(programmaId);
    }
    if (body.partijId) await this.referenties.partij(body.partijId, 'partijId');
    const { key, record } = await this.keys.create({ naam: body.naam, rol: body.rol, partijId: body.partijId ?? null, programmaId: programmaId ?? null });
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Location', `/sleutels/${record.id}`);
    return { ...sleutelWeergave(record), sleutel: key };
  }
}
