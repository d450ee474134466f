import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import ical from 'ical-generator';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, binnenProgramma, ontvangendePartijen, type Actor } from '@afspraken/domain';
import { Clock } from '@afspraken/application';
import { EventStore } from '@afspraken/event-store';
import { laadPartijenMetLeden, Werkvoorraad } from '@afspraken/herinneringen';
import { HuidigeActor, Public, Rollen, type RequestActor } from '../../auth/actor';
import { APP_CONFIG, Leesrecht, type AppConfig } from '@afspraken/platform';
import { id } from '@afspraken/platform/validation';
import { PartijParams } from '../../partijen/shared';
import { magPartijZien } from '../instellingen';
import { IcalTokenStore, type IcalToken } from './ical-token.store';

class TokenParams extends createZodDto(z.strictObject({ partijId: id, tokenId: z.string().regex(/^[a-z0-9]{12}$/, 'moet een token-id van 12 tekens zijn') })) {}
class FeedParams extends createZodDto(z.strictObject({ token: z.string().max(100) })) {}

@ApiTags('herinneringen')
@Controller()
export class IcalController {
  constructor(
    private readonly tokens: IcalTokenStore,
    private readonly store: EventStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leesrecht: Leesrecht,
  ) {}

  @Post('partijen/:partijId/ical-tokens')
  @ApiBearerAuth()
  @Rollen('coordinator', 'partij')
  @ApiOperation({ summary: 'Een geheime agenda-URL (iCal) met de deadlines van de partij; de URL wordt één keer getoond' })
  async maak(@Param() { partijId }: PartijParams, @HuidigeActor() actor: RequestActor): Promise<IcalToken & { url: string }> {
    if (!magPartijZien(actor, partijId)) throw new ForbiddenError('ANDERE_PARTIJ', 'Je mag alleen een agenda voor je eigen partij maken');
    const { token, record } = await this.tokens.maak(partijId, actor.programmaId);
    return { ...record, url: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/ical/${token}.ics` };
  }

  @Delete('partijen/:partijId/ical-tokens/:tokenId')
  @HttpCode(200)
  @ApiBearerAuth()
  @Rollen('coordinator', 'partij')
  @ApiOperation({ summary: 'Een agenda-URL intrekken: de feed werkt meteen niet meer' })
  async intrekken(@Param() { partijId, tokenId }: TokenParams, @HuidigeActor() actor: RequestActor): Promise<IcalToken> {
    if (!magPartijZien(actor, partijId)) throw new ForbiddenError('ANDERE_PARTIJ', 'Je mag alleen agenda’s van je eigen partij intrekken');
    const record = await this.tokens.intrekken(partijId, tokenId);
    if (!record) throw new NotFoundError('TOKEN_ONBEKEND', `Agenda-token ${tokenId} bestaat niet voor partij ${partijId}`);
    return record;
  }

  @Get('ical/:token')
  @Public()
  @ApiOperation({ summary: 'De iCal-feed van een partij: elke open mijlpaal met een datum, als hele-dag-afspraak' })
  async feed(@Param() { token }: FeedParams, @Res() response: Response): Promise<void> {
    const houder = await this.tokens.partijVan(token.replace(/\.ics$/, ''));
    if (!houder) throw new NotFoundError('FEED_ONBEKEND', 'Deze agenda-URL bestaat niet of is ingetrokken');
    const { partijId } = houder;
    // The feed reads as the party would, within the programme of the key that made the URL.
    const lezer: Actor = { id: `ical:${partijId}`, rol: 'partij', partijId, programmaId: houder.programmaId };
    // Reads the log: fine at programme scale; a read model can take over when there is one.
    const { voorraad } = await Werkvoorraad.lees(this.store);
    const basis = this.config.PUBLIC_URL.replace(/\/$/, '');
    const agenda = ical({ name: `Deadlines ${partijId} — Afspraken Tracker` });
    const nu = this.clock.now();
    const lopend = [...voorraad.afspraken.values()].filter((a) => a.status === 'lopend');
    // A party named through a collectief ("overheid") gets its deadlines too, as its reminders do.
    const partijen = await laadPartijenMetLeden(this.store, new Set(lopend.flatMap((a) => [a.trekker, ...a.betrokken])));
    for (const afspraak of lopend) {
      const alsTrekker = ontvangendePartijen([afspraak.trekker], partijen).includes(partijId);
      const viaCollectief = binnenProgramma(lezer, afspraak.programmaId) && (alsTrekker || ontvangendePartijen(afspraak.betrokken, partijen).includes(partijId));
      if (!this.leesrecht.magLezen(lezer, afspraak) && !viaCollectief) continue;
      for (const m of afspraak.mijlpalen) {
        if (!m.deadline.due || m.levering.status === 'gemeld' || m.levering.status === 'geaccepteerd') continue;
        const [jaar, maand, dag] = m.deadline.due.split('-').map(Number);
        agenda.createEvent({
          id: `${afspraak.afspraakId}-${m.deadlineId}@afspraken-tracker`,
          start: new Date(jaar, maand - 1, dag, 12),
          allDay: true,
          stamp: nu,
          summary: `Deadline ${afspraak.afspraakId}: ${m.omschrijving}`,
          description: `${afspraak.titel}\nDeadline: "${m.deadline.phrase}" (${alsTrekker ? 'trekker' : 'betrokken'})`,
          // The afspraak's web page (the JSON API would answer a calendar's click with 401).
          url: `${basis}/#/afspraak/${encodeURIComponent(afspraak.afspraakId)}`,
        });
      }
    }
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'private, max-age=300');
    response.send(agenda.toString());
  }
}
