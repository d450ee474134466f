import type { GeplandeHerinnering, Verzending } from '@afspraken/domain';
import type { Bericht } from '../bericht';

export interface Ontvanger {
  readonly naam: string;
  readonly email: string | null;
  readonly webhookUrl: string | null;
}

export interface Aflevering {
  readonly verzending: Verzending;
  readonly herinnering: GeplandeHerinnering;
  readonly ontvanger: Ontvanger;
  readonly bericht: Bericht;
}

/** One way to reach a recipient. Returns the message id the channel knows it by. */
export interface Kanaal {
  verstuur(aflevering: Aflevering): Promise<string>;
}

/** The channel refused for good (a 4xx, a missing address): retrying cannot help. */
export class PermanenteFout extends Error {
  override readonly name = 'PermanenteFout';
}
