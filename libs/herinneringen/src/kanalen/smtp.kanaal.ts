import nodemailer, { type Transporter } from 'nodemailer';
import { PermanenteFout, type Aflevering, type Kanaal } from './kanaal';

/** Email through SMTP. The Message-ID is derived from the delivery, so a mail can be traced (and deduped) by it. */
export class SmtpKanaal implements Kanaal {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly van: string,
  ) {
    // Bounded, so a live send always ends well within a claim's term (CLAIM_TERMIJN_MS).
    this.transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  }

  async verstuur({ verzending, ontvanger, bericht }: Aflevering): Promise<string> {
    if (!ontvanger.email) throw new PermanenteFout(`contact ${verzending.contactId} heeft geen e-mailadres`);
    const messageId = `<${verzending.verzendingId}@afspraken-tracker>`;
    await this.transport.sendMail({
      from: this.van,
      to: { name: ontvanger.naam, address: ontvanger.email },
      subject: bericht.onderwerp,
      text: bericht.tekst,
      messageId,
      headers: { 'X-Afspraken-Verzending': verzending.verzendingId },
    });
    return messageId;
  }

  close(): void {
    this.transport.close();
  }
}
