import { createHmac } from 'node:crypto';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PermanenteFout, type Aflevering, type Kanaal } from './kanaal';
import { InternAdresFout, isToegestaan, veiligeLookup, webhookUrlProbleem } from './webhook-doel';

export const HANDTEKENING_HEADER = 'X-Afspraken-Signature';
export const TIJDSTEMPEL_HEADER = 'X-Afspraken-Timestamp';
export const VERZENDING_HEADER = 'X-Afspraken-Delivery';

/** Each contact's own signing key, derived from the root secret: no secret is stored per contact. */
export const webhookSleutel = (geheim: string, partijId: string, contactId: string): string =>
  createHmac('sha256', geheim).update(`webhook\u0000${partijId}\u0000${contactId}`).digest('hex');

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`; the timestamp lets receivers refuse replays. */
export const onderteken = (sleutel: string, tijdstempel: string, body: string): string =>
  `sha256=${createHmac('sha256', sleutel).update(`${tijdstempel}.${body}`).digest('hex')}`;

/**
 * Signed JSON POST. 2xx: delivered; 4xx (but 408/429): refused for good; anything else: try again later.
 * Only to public addresses, judged after DNS, unless `toegestaan` (WEBHOOK_TOEGESTANE_HOSTS) names the
 * host; a redirect is not followed (it could point anywhere).
 */
export class WebhookKanaal implements Kanaal {
  constructor(
    private readonly geheim: string | null,
    private readonly now: () => Date,
    private readonly timeoutMs = 10_000,
    private readonly toegestaan: readonly string[] = [],
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
    const status = await this.post(ontvanger.webhookUrl, {
      'Content-Type': 'application/json',
      [HANDTEKENING_HEADER]: onderteken(sleutel, tijdstempel, body),
      [TIJDSTEMPEL_HEADER]: tijdstempel,
      // Receivers can dedupe on it should an ambiguous attempt (a timeout) ever be retried.
      [VERZENDING_HEADER]: verzending.verzendingId,
    }, body);
    if (status >= 200 && status < 300) return verzending.verzendingId;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      throw new PermanenteFout(`webhook weigerde met HTTP ${status}`);
    }
    throw new Error(`webhook antwoordde HTTP ${status}`);
  }

  /** POSTs the body; the answer's status code. An internal address is a PermanenteFout: DNS is asked again only on a later delivery. */
  private post(adres: string, headers: OutgoingHttpHeaders, body: string): Promise<number> {
    const url = new URL(adres);
    const toegestaan = isToegestaan(url, this.toegestaan);
    // Registered before the rule existed, or a literal address: judged as written, then after DNS.
    const probleem = toegestaan ? null : webhookUrlProbleem(adres, []);
    if (probleem) return Promise.reject(new PermanenteFout(`webhookUrl ${probleem}`));
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
          lookup: toegestaan ? undefined : veiligeLookup,
          signal: AbortSignal.timeout(this.timeoutMs),
        },
        (response) => {
          response.on('error', reject);
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.resume();
        },
      );
      req.on('error', (error) => reject(error instanceof InternAdresFout ? new PermanenteFout(`webhook niet verstuurd: ${error.message}`) : error));
      req.end(body);
    });
  }
}
