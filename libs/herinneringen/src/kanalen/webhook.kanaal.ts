import { createHmac } from 'node:crypto';
import { PermanenteFout, type Aflevering, type Kanaal } from './kanaal';

export const HANDTEKENING_HEADER = 'X-Afspraken-Signature';
export const TIJDSTEMPEL_HEADER = 'X-Afspraken-Timestamp';
export const VERZENDING_HEADER = 'X-Afspraken-Delivery';

/** Each contact's own signing key, derived from the root secret: no secret is stored per contact. */
export const webhookSleutel = (geheim: string, partijId: string, contactId: string): string =>
  createHmac('sha256', geheim).update(`webhook\u0000${partijId}\u0000${contactId}`).digest('hex');

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`; the timestamp lets receivers refuse replays. */
export const onderteken = (sleutel: string, tijdstempel: string, body: string): string =>
  `sha256=${createHmac('sha256', sleutel).update(`${tijdstempel}.${body}`).digest('hex')}`;

/** Signed JSON POST. 2xx: delivered; 4xx (but 408/429): refused for good; anything else: try again later. */
export class WebhookKanaal implements Kanaal {
  constructor(
    private readonly geheim: string | null,
    private readonly now: () => Date,
    private readonly timeoutMs = 10_000,
  ) {}

  async verstuur({ verzending, herinnering, ontvanger, bericht }: Aflevering): Promise<string> {
    if (!ontvanger.webhookUrl) throw new PermanenteFout(`contact ${verzending.contactId} heeft geen webhookUrl`);
    if (!this.geheim || !verzending.contactId) throw new PermanenteFout('WEBHOOK_GEHEIM is niet ingesteld: webhooks worden niet ondertekend verstuurd');
    const body = JSON.stringify({
      type: herinnering.doelgroep === 'coordinator' ? 'escalatie' : 'herinnering',
      verzendingId: verzending.verzendingId,
      herinneringId: herinnering.herinneringId,
      afspraakId: herinnering.afspraakId,
      deadlineId: herinnering.deadlineId,
      trede: herinnering.trede,
      due: herinnering.due,
      overlegDatum: herinnering.overlegDatum,
      onderwerp: bericht.onderwerp,
      tekst: bericht.tekst,
      link: bericht.link,
    });
    const tijdstempel = String(Math.floor(this.now().getTime() / 1000));
    const sleutel = webhookSleutel(this.geheim, verzending.partijId, verzending.contactId);
    const response = await fetch(ontvanger.webhookUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [HANDTEKENING_HEADER]: onderteken(sleutel, tijdstempel, body),
        [TIJDSTEMPEL_HEADER]: tijdstempel,
        // Receivers can dedupe on it should an ambiguous attempt (a timeout) ever be retried.
        [VERZENDING_HEADER]: verzending.verzendingId,
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return verzending.verzendingId;
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      throw new PermanenteFout(`webhook weigerde met HTTP ${response.status}`);
    }
    throw new Error(`webhook antwoordde HTTP ${response.status}`);
  }
}
