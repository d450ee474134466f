import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ValidationError } from '@afspraken/domain';
import { webhookUrlProbleem } from '@afspraken/herinneringen';
import { APP_CONFIG, type AppConfig } from '@afspraken/platform';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { commandContext, commandResponse, type CommandResponse } from '../../core/http-command';
import { id, regel, tekst } from '@afspraken/platform/validation';
import { PartijParams } from '../shared';
import { VoegContactToeCommand } from './contact-toevoegen.handler';

class ContactToevoegenDto extends createZodDto(
  z.strictObject({
    contactId: id.optional(),
    naam: regel(200),
    email: z.email('moet een e-mailadres zijn').max(320),
    functie: tekst(200).optional(),
    kanaal: z.enum(['email', 'webhook'], { message: 'moet email of webhook zijn' }).optional(),
    webhookUrl: z.string().max(2000).url('moet een URL zijn').refine((u) => /^https?:\/\//i.test(u), 'moet met http:// of https:// beginnen').optional(),
    wekelijksOverzicht: z.boolean().optional(),
  }),
) {}

@ApiTags('partijen')
@ApiBearerAuth()
@Controller('partijen')
export class ContactToevoegenController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':partijId/contacten')
  @HttpCode(200)
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Een contactpersoon toevoegen: die krijgt de herinneringen van de partij' })
  async toevoegen(
    @Param() { partijId }: PartijParams,
    @Body() body: ContactToevoegenDto,
    @HuidigeActor() actor: RequestActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    // Checked again when a webhook is sent, after DNS: a name can point elsewhere by then.
    const probleem = body.webhookUrl === undefined ? null : webhookUrlProbleem(body.webhookUrl, this.config.WEBHOOK_TOEGESTANE_HOSTS);
    if (probleem) throw new ValidationError('ONVEILIGE_WEBHOOK', `webhookUrl ${probleem}`, 'webhookUrl');
    const contactId = body.contactId ?? `c-${randomUUID().slice(0, 8)}`;
    const outcome = await this.commandBus.execute(
      new VoegContactToeCommand(partijId, { contactId, naam: body.naam, email: body.email, functie: body.functie ?? null, kanaal: body.kanaal, webhookUrl: body.webhookUrl, wekelijksOverzicht: body.wekelijksOverzicht }, commandContext(request, actor, body)),
    );
    return commandResponse(response, partijId, outcome);
  }
}
