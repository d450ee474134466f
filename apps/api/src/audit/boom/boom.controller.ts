import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError, parseStreamName, type Actor } from '@afspraken/domain';
import { auditBladData, auditBladHash, consistencyProof, inclusionProof, type SignedTreeHead } from '@afspraken/application';
import { HuidigeActor, Public, Rollen, type RequestActor } from '../../auth/actor';
import { AuditSleutel, BoomOpslag, Leesrecht } from '@afspraken/platform';

const grootte = z.coerce.number({ message: 'moet een geheel getal ≥ 0 zijn' }).int({ message: 'moet een geheel getal ≥ 0 zijn' }).min(0, { message: 'moet een geheel getal ≥ 0 zijn' });

class BewijsParams extends createZodDto(z.strictObject({ eventId: z.uuid({ message: 'moet een UUID zijn' }) })) {}
class BewijsQuery extends createZodDto(z.strictObject({ grootte: grootte.optional() })) {}
class ConsistentieQuery extends createZodDto(z.strictObject({ van: grootte, tot: grootte.optional() })) {}

/** Signed heads, inclusion and consistency proofs: what an auditor checks the log with, outside the database. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class BoomController {
  constructor(
    private readonly opslag: BoomOpslag,
    private readonly sleutel: AuditSleutel,
    private readonly leesrecht: Leesrecht,
  ) {}

  @Get('sleutel')
  @Public()
  @ApiOperation({ summary: 'De publieke sleutel (Ed25519, PEM en JWK) waarmee de boomhoofden van het auditlog zijn ondertekend' })
  publiekeSleutel() {
    return this.sleutel.beschrijving();
  }

  @Get('boomhoofd')
  @Rollen('auditor', 'coordinator', 'partij')
  @ApiOperation({ summary: 'Het laatste ondertekende boomhoofd: grootte, wortelhash, tijdstip, handtekening' })
  async boomhoofd(): Promise<SignedTreeHead> {
    return this.zonderAanleiding(await this.laatste());
  }

  @Get('bewijs/:eventId')
  @Rollen('auditor', 'coordinator', 'partij')
  @ApiOperation({ summary: 'Inclusiebewijs (RFC 6962) van één event tegen het laatste ondertekende boomhoofd (of ?grootte=)' })
  async bewijs(@Param() { eventId }: BewijsParams, @Query() { grootte: gevraagd }: BewijsQuery, @HuidigeActor() actor: RequestActor) {
    const plaats = await this.opslag.blad(eventId);
    if (!plaats) throw new NotFoundError('EVENT_NIET_IN_BOOM', `Event ${eventId} staat (nog) niet in de auditboom`);
    const [event] = await this.opslag.store.readAll({ after: plaats.positie - 1, maxCount: 1 });
    if (!event || event.id !== eventId) throw new NotFoundError('EVENT_ONBEKEND', `Event ${eventId} staat niet meer in de log op positie ${plaats.positie}`);
    await this.vereisLeesrecht(actor, event.streamId);

    const hoofd = gevraagd === undefined ? await this.laatste() : await this.opslag.boomhoofdVan(gevraagd);
    if (!hoofd) throw new NotFoundError('BOOMHOOFD_ONBEKEND', `Er is geen ondertekend boomhoofd van grootte ${gevraagd}`);
    if (plaats.blad >= hoofd.grootte) {
      throw new IllegalStateError('NOG_NIET_ONDERTEKEND', `Event ${eventId} is blad ${plaats.blad}; het boomhoofd telt ${hoofd.grootte} bladeren. Vraag het na het volgende boomhoofd opnieuw`);
    }
    const bladeren = await this.opslag.alleBladHashes(hoofd.grootte);
    return {
      eventId,
      streamId: event.streamId,
      positie: plaats.positie,
      blad: plaats.blad,
      /** The leaf's content as the log holds it now: SHA-256(0x00 || bladData) is bladHash. */
      bladData: auditBladData(event).toString('utf8'),
      bladHash: auditBladHash(event).toString('hex'),
      boomhoofd: this.zonderAanleiding(hoofd),
      bewijs: inclusionProof(bladeren, plaats.blad, hoofd.grootte).map((h) => h.toString('hex')),
    };
  }

  @Get('consistentie')
  @Rollen('auditor', 'coordinator', 'partij')
  @ApiOperation({ summary: 'Consistentiebewijs (RFC 6962) dat de boom van grootte ?van= het begin is van die van ?tot= (standaard het laatste boomhoofd)' })
  async consistentie(@Query() { van, tot: gevraagd }: ConsistentieQuery) {
    const laatste = await this.laatste();
    const tot = gevraagd ?? laatste.grootte;
    if (van > tot) throw new ValidationError('VAN_NA_TOT', `van (${van}) moet ≤ tot (${tot}) zijn`, 'van');
    const bladeren = await this.opslag.aantalBladeren();
    if (tot > bladeren) throw new ValidationError('TOT_TE_GROOT', `de boom telt ${bladeren} bladeren`, 'tot');
    const hashes = await this.opslag.alleBladHashes(tot);
    const hoofd = await this.opslag.boomhoofdVan(tot);
    return {
      van,
      tot,
      wortelVan: (await this.opslag.wortel(van)).toString('hex'),
      wortelTot: (await this.opslag.wortel(tot)).toString('hex'),
      boomhoofdTot: hoofd ? this.zonderAanleiding(hoofd) : null,
      bewijs: consistencyProof(hashes, van, tot).map((h) => h.toString('hex')),
    };
  }

  private async laatste() {
    const hoofd = await this.opslag.laatsteBoomhoofd();
    if (!hoofd) throw new NotFoundError('GEEN_BOOMHOOFD', 'Er is nog geen ondertekend boomhoofd');
    return hoofd;
  }

  private zonderAanleiding({ grootte, wortel, tijdstip, sleutelId, handtekening }: SignedTreeHead): SignedTreeHead {
    return { grootte, wortel, tijdstip, sleutelId, handtekening };
  }

  /**
   * The read rule for one event: an afspraak's event as the afspraak itself (the one rule); a
   * programme's within the key's programme; other streams (parties, reminders) not for a party.
   */
  private async vereisLeesrecht(actor: Actor, streamId: string): Promise<void> {
    const stream = parseStreamName(streamId);
    if (stream?.categorie === 'afspraak') {
      await this.leesrecht.afspraak(actor, stream.id);
      return;
    }
    if (actor.rol === 'partij') throw new ForbiddenError('GEEN_LEESRECHT', `Een partij ziet alleen bewijzen van events van afspraken; ${streamId} is dat niet`);
    if (stream?.categorie === 'programma') this.leesrecht.vereisProgramma(actor, stream.id);
  }
}
