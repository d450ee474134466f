import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { v5 as uuidv5 } from 'uuid';
import {
  beslisVerzending,
  decodeHerinneringEvent,
  herinneringenStream,
  schemaVersionOf,
  statusVan,
  verzendlog,
  HERINNERING_NIET_VERSTUURD,
  HERINNERING_VERSTUURD,
  HERINNERING_VERZENDING_GESTART,
  type HerinneringEvent,
  type VerzendKanaal,
} from '@afspraken/domain';
import type { Clock } from '@afspraken/application';
import type { EventStore } from '@afspraken/event-store';
import { stelBerichtOp } from './bericht';
import { PermanenteFout, type Kanaal, type Ontvanger } from './kanalen/kanaal';
import type { VerzendOpdracht } from './queues';
import { laadAfspraak, laadPartij } from './toestand';

// Namespace for the ids of send events (uuid v5): the same delivery and step always get the same id.
const VERZEND_NAMESPACE = '6c1f3e0a-4b7d-4a55-9a1e-2d8f0c7b9e13';

export const verzendEventId = (verzendingId: string, stap: string): string => uuidv5(`${verzendingId}\u0000${stap}`, VERZEND_NAMESPACE);

export const systeemMetadata = (type: HerinneringEvent['type'], nu: string, correlatie: string, oorzaak: string) => ({
  actor: 'systeem:herinneringen',
  rol: 'systeem',
  partijId: null,
  recordedAt: nu,
  effectiveAt: nu,
  correlationId: correlatie,
  causationId: oorzaak,
  commandType: 'VerstuurHerinnering',
  idempotencyKey: null,
  requestHash: null,
  schemaVersion: schemaVersionOf(type),
});

export type VerzendUitkomst =
  | { readonly uitkomst: 'verstuurd'; readonly berichtId: string }
  | { readonly uitkomst: 'overgeslagen'; readonly reden: string };

export interface VerzenderHooks {
  /** Test seam: runs after the channel accepted the message and before it is recorded. */
  readonly naVersturen?: (opdracht: VerzendOpdracht) => Promise<void>;
}

/**
 * Claim, send, record. The claim is an event with a deterministic id per attempt, carrying a
 * random token: appending it twice stores it once, and only the sender whose token is stored
 * goes on. After sending, `HerinneringVerstuurd` confirms it. A sender that dies in between leaves
 * a claim without confirmation; once that claim is older than any live send can take, the next
 * attempt takes over and sends again with the same Message-ID / delivery id (nothing is lost; a
 * mail that had gone out arrives as a recognisable duplicate). A channel that says it did not
 * deliver releases the claim for a retry.
 */
export class Verzender {
  constructor(
    private readonly store: EventStore,
    private readonly kanalen: Readonly<Record<VerzendKanaal, Kanaal>>,
    private readonly clock: Clock,
    private readonly publicUrl: string,
    private readonly hooks: VerzenderHooks = {},
  ) {}

  private async log(afspraakId: string) {
    const recorded = await this.store.readStream(herinneringenStream(afspraakId));
    return verzendlog(recorded.map(decodeHerinneringEvent));
  }

  private async schrijf(afspraakId: string, id: string, event: HerinneringEvent, oorzaak: string): Promise<void> {
    const nu = this.clock.now().toISOString();
    await this.store.appendToStream(
      herinneringenStream(afspraakId),
      [{ id, type: event.type, data: event.data, metadata: systeemMetadata(event.type, nu, event.data.herinneringId, oorzaak) }],
      { expectedRevision: 'any' },
    );
  }

  async verwerk(opdracht: VerzendOpdracht): Promise<VerzendUitkomst> {
    const { verzending, herinnering } = opdracht;
    const id = verzending.verzendingId;
    const besluit = beslisVerzending(await this.log(verzending.afspraakId), id, this.clock.now().toISOString());
    if (besluit.soort === 'klaar') return { uitkomst: 'overgeslagen', reden: besluit.reden };
    // Another sender holds a young claim: retry later (BullMQ backoff); it expires if that sender died.
    if (besluit.soort === 'wacht') throw new Error(`verzending ${id} is geclaimd door een andere verzender; opnieuw na ${besluit.tot}`);

    const ontvanger = await this.ontvanger(opdracht);
    if (!ontvanger) return { uitkomst: 'overgeslagen', reden: 'contact bestaat niet meer' };
    const bericht = opdracht.bericht ?? stelBerichtOp(herinnering, await laadAfspraak(this.store, verzending.afspraakId), this.publicUrl);

    const token = randomUUID();
    const poging = besluit.poging;
    await this.schrijf(
      verzending.afspraakId,
      verzendEventId(id, `claim-${poging}`),
      { type: HERINNERING_VERZENDING_GESTART, data: { ...verzending, poging, claim: token, gestartOp: this.clock.now().toISOString() } },
      id,
    );
    const geclaimd = statusVan(await this.log(verzending.afspraakId), id);
    if (geclaimd.status !== 'geclaimd' || geclaimd.claim !== token) return { uitkomst: 'overgeslagen', reden: 'een andere verzender was eerder' };

    let berichtId: string;
    try {
      berichtId = await this.kanalen[verzending.kanaal].verstuur({ verzending, herinnering, ontvanger, bericht });
    } catch (error) {
      const definitief = error instanceof PermanenteFout;
      const reden = error instanceof Error ? error.message : String(error);
      await this.schrijf(
        verzending.afspraakId,
        verzendEventId(id, `mislukt-${poging}`),
        { type: HERINNERING_NIET_VERSTUURD, data: { ...verzending, poging, reden, definitief, misluktOp: this.clock.now().toISOString() } },
        id,
      );
      throw definitief ? new UnrecoverableError(reden) : error;
    }
    await this.hooks.naVersturen?.(opdracht);
    await this.schrijf(
      verzending.afspraakId,
      verzendEventId(id, 'verstuurd'),
      { type: HERINNERING_VERSTUURD, data: { ...verzending, poging, berichtId, verstuurdOp: this.clock.now().toISOString() } },
      id,
    );
    return { uitkomst: 'verstuurd', berichtId };
  }

  private async ontvanger({ verzending }: VerzendOpdracht): Promise<Ontvanger | null> {
    const partij = await laadPartij(this.store, verzending.partijId);
    if (verzending.contactId === null) return { naam: partij.status === 'onbekend' ? verzending.partijId : partij.naam, email: null, webhookUrl: null };
    if (partij.status === 'onbekend') return null;
    const contact = partij.contacten.find((c) => c.contactId === verzending.contactId);
    return contact ? { naam: contact.naam, email: contact.email, webhookUrl: contact.webhookUrl } : null;
  }
}
