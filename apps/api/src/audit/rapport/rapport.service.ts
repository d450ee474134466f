import { Inject, Injectable } from '@nestjs/common';
import { ValidationError, peildatumVan, peilmomentVan } from '@afspraken/domain';
import { Clock } from '@afspraken/application';
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
  ) {}

  async maak(programmaId: string, peildatum: string, formaat: RapportFormaat): Promise<Rapport> {
    // A day that is not over yet can still change: its report would not be reproducible.
    peilmomentVan(peildatum);
    const vandaag = peildatumVan(this.clock.now());
    if (peildatum >= vandaag) {
      throw new ValidationError('PEILDATUM_NIET_VOORBIJ', `peildatum moet vóór vandaag (${vandaag}) liggen: een dag die nog niet voorbij is kan nog veranderen`, 'peildatum');
    }
    const stand = await this.stand.programma(programmaId, { peildatum, zoals: 'vastgelegd' });
    const rapportage = voortgangsrapportage(stand);
    const { bestand: markdown, inhoudHash } = alsMarkdown(rapportage);
    const bestand = formaat === 'md' ? markdown : formaat === 'html' ? alsHtml(rapportage, inhoudHash) : await alsPdf(rapportage, inhoudHash, stand.peilmoment);
    return {
      bestand,
      formaat,
      mediaType: MEDIA_TYPES[formaat],
      bestandsnaam: `voortgangsrapportage-${programmaId}-${peildatum}.${formaat}`,
      inhoudHash,
      bestandHash: sha256(bestand),
    };
  }
}
