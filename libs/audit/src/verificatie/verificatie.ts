import { Injectable } from '@nestjs/common';
import { verifyChain } from '@afspraken/application';
import { AuditLezer } from '../shared/audit-lezer';
import { BoomVerificatie, type BoomVerslag } from '../boom/boom-verificatie';

export interface GebrokenSchakel {
  readonly streamId: string;
  /** The first revision whose link does not hold. */
  readonly revision: number;
  readonly reden: string;
  readonly verwachteHash: string | null;
  readonly gevondenHash: string | null;
  /** Events before the broken link that check out. */
  readonly intacteEvents: number;
}

export interface VerificatieVerslag {
  /** Every hash chain holds and the audit tree agrees with every signed head. */
  readonly intact: boolean;
  readonly streams: number;
  readonly events: number;
  readonly gebroken: readonly GebrokenSchakel[];
  /** The events against the signed tree heads: what a chain cannot show (removed, reordered or rewritten events). */
  readonly boom: BoomVerslag;
}

/**
 * Walks every stream and checks its hash chain. Two passes (stream ids, then one stream at a time)
 * keep memory at one stream, however long the history.
 */
@Injectable()
export class VerificatieService {
  constructor(
    private readonly lezer: AuditLezer,
    private readonly boom: BoomVerificatie,
  ) {}

  async verifieer(opties: Parameters<BoomVerificatie['verifieer']>[0] = {}): Promise<VerificatieVerslag> {
    const streamIds = new Set<string>();
    for await (const event of this.lezer.alleEvents()) streamIds.add(event.streamId);

    let events = 0;
    const gebroken: GebrokenSchakel[] = [];
    for (const streamId of [...streamIds].sort()) {
      const stream = await this.lezer.store.readStream(streamId);
      events += stream.length;
      const check = verifyChain(stream);
      if (!check.intact) {
        gebroken.push({
          streamId,
          revision: check.revision,
          reden: check.reason,
          verwachteHash: check.expected ?? null,
          gevondenHash: check.found ?? null,
          intacteEvents: check.events,
        });
      }
    }
    const boom = await this.boom.verifieer(opties);
    return { intact: gebroken.length === 0 && boom.intact, streams: streamIds.size, events, gebroken, boom };
  }
}
