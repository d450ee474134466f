import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError, peildatumVan, peilmomentVan } from '@afspraken/domain';
import { Clock, type SignedTreeHead } from '@afspraken/application';
import { BoomOpslag } from '@afspraken/platform';
import { AuditStandService } from '../stand/audit-stand.service';
import { alsHtml } from './html';
import { alsMarkdown } from './markdown';
import { alsPdf } from './pdf';
import { sha256, voortgangsrapportage, type RapportFormaat } from './rapportage';

export interface Rapport {
  readonly bestand: Buffer;
  readonly formaat: RapportFormaat;
  readonly mediaType: string;
  readonly bestandsnaam: string;
  /** SHA-256 of the content (the Markdown text without footer), printed in the footer. */
  readonly inhoudHash: string;
  /** SHA-256 of the file as delivered. */
  readonly bestandHash: string;
  /** The audit log's signed tree head in the footer. */
  readonly boomhoofd: SignedTreeHead;
}

const MEDIA_TYPES: Record<RapportFormaat, string> = { md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf' };

/**
 * The Voortgangsrapportage on a peildatum, always as recorded (zoals vastgelegd): a later event never
 * changes it, so regenerating gives the same bytes and the same hash.
 */
@Injectable()
export class RapportService {
  constructor(
    private readonly stand: AuditStandService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly boom: BoomOpslag,
  ) {}

  /**
   * `boomgrootte`: the footer carries the signed head of that size (a report made again byte for
   * byte); without it the tree is signed as it stands now.
   */
  async maak(programmaId: string, peildatum: string, formaat: RapportFormaat, boomgrootte?: number): Promise<Rapport> {
    // A day that is not over yet can still change: its report would not be reproducible.
    peilmomentVan(peildatum);
    const vandaag = peildatumVan(this.clock.now());
    if (peildatum >= vandaag) {
      throw new ValidationError('PEILDATUM_NIET_VOORBIJ', `peildatum moet vóór vandaag (${vandaag}) liggen: een dag die nog niet voorbij is kan nog veranderen`, 'peildatum');
    }
    const stand = await this.stand.programma(programmaId, { peildatum, zoals: 'vastgelegd' });
    const rapportage = voortgangsrapportage(stand);
    const opgeslagen = boomgrootte === undefined ? await this.boom.ondertekenBijgewerkt('rapport') : await this.boom.boomhoofdVan(boomgrootte);
    if (!opgeslagen) throw new NotFoundError('BOOMHOOFD_ONBEKEND', `Er is geen ondertekend boomhoofd van grootte ${boomgrootte}`);
    const { grootte, wortel, tijdstip, sleutelId, handtekening } = opgeslagen;
    const boomhoofd = { grootte, wortel, tijdstip, sleutelId, handtekening };
    const { bestand: markdown, inhoudHash } = alsMarkdown(rapportage, boomhoofd);
    const bestand =
      formaat === 'md' ? markdown : formaat === 'html' ? alsHtml(rapportage, inhoudHash, boomhoofd) : await alsPdf(rapportage, inhoudHash, stand.peilmoment, boomhoofd);
    return {
      bestand,
      formaat,
      mediaType: MEDIA_TYPES[formaat],
      bestandsnaam: `voortgangsrapportage-${programmaId}-${peildatum}.${formaat}`,
      inhoudHash,
      bestandHash: sha256(bestand),
      boomhoofd,
    };
  }
}
