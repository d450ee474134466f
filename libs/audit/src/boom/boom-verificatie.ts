import type { KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MerkleFrontier, auditBladHash, consistencyProof, controleerBoomhoofd, verifyConsistency, type Hash, type SignedTreeHead } from '@afspraken/application';
import { AuditLezer } from '../shared/audit-lezer';
import { BoomOpslag, AuditSleutel } from '@afspraken/platform';

export type BoomFoutSoort = 'handtekening' | 'wortel' | 'ontbrekende-events' | 'blad' | 'consistentie';

export interface BoomFout {
  readonly soort: BoomFoutSoort;
  readonly reden: string;
  /** The head concerned (size, time), or the leaf: its number and the event found there now. */
  readonly grootte?: number;
  readonly tijdstip?: string;
  readonly blad?: number;
  readonly eventId?: string;
  readonly streamId?: string;
}

export interface BoomVerslag {
  readonly intact: boolean;
  /** Events read from the store now, and leaves the tree holds. */
  readonly events: number;
  readonly bladeren: number;
  /** Signed heads checked (stored ones and the one handed in). */
  readonly boomhoofden: number;
  readonly laatsteBoomhoofd: SignedTreeHead | null;
  readonly consistentie?: { readonly van: number; readonly tot: number; readonly bewijs: readonly string[]; readonly geldig: boolean };
  readonly fouten: readonly BoomFout[];
}

export interface BoomVerificatieOpties {
  /** A head published earlier (from a report): must be signed and be a prefix of today's log. */
  readonly tegen?: SignedTreeHead;
  /** Check signatures with this public key instead of the app's own. */
  readonly publiekeSleutel?: KeyObject;
}

const MAX_FOUTEN = 20;

/**
 * Recomputes every leaf from the events as the store gives them now and checks each signed head
 * against that: a head's root over today's events must be the signed one. So removing, reordering
 * or changing an event that a head covers — even with the hash chain recomputed — is found, and
 * needs no trust in the database beyond the public key. Memory: one page of events and O(log n).
 */
@Injectable()
export class BoomVerificatie {
  constructor(
    private readonly lezer: AuditLezer,
    private readonly opslag: BoomOpslag,
    private readonly sleutel: AuditSleutel,
  ) {}

  async verifieer(opties: BoomVerificatieOpties = {}): Promise<BoomVerslag> {
    const publiek = opties.publiekeSleutel ?? this.sleutel.publiek();
    const fouten: BoomFout[] = [];
    const fout = (f: BoomFout) => void (fouten.length < MAX_FOUTEN && fouten.push(f));

    const opgeslagen = await this.opslag.boomhoofden();
    const alle = [...opgeslagen, ...(opties.tegen ? [opties.tegen] : [])];
    const geldig: SignedTreeHead[] = [];
    for (const hoofd of alle) {
      const oordeel = controleerBoomhoofd(publiek, hoofd);
      if (oordeel.geldig) geldig.push(hoofd);
      else fout({ soort: 'handtekening', reden: oordeel.reden, grootte: hoofd.grootte, tijdstip: hoofd.tijdstip });
    }
    const perGrootte = new Map<number, SignedTreeHead[]>();
    for (const h of geldig) perGrootte.set(h.grootte, [...(perGrootte.get(h.grootte) ?? []), h]);
    const controleerWortels = (grootte: number, wortel: Hash) => {
      for (const h of perGrootte.get(grootte) ?? []) {
        if (h.wortel !== wortel.toString('hex')) {
          fout({ soort: 'wortel', reden: `de events van nu geven bij grootte ${grootte} wortel ${wortel.toString('hex')}, ondertekend is ${h.wortel}`, grootte, tijdstip: h.tijdstip });
        }
      }
    };

    const bladeren = await this.opslag.aantalBladeren();
    const opgeslagenBladeren = this.opslag.bladHashes(0, bladeren)[Symbol.asyncIterator]();
    const rand = new MerkleFrontier();
    let eersteAfwijking = true;
    controleerWortels(0, rand.root());
    for await (const event of this.lezer.alleEvents()) {
      const blad = auditBladHash(event);
      const index = rand.size;
      if (index < bladeren) {
        const { value } = await opgeslagenBladeren.next();
        if (eersteAfwijking && !(value as Hash).equals(blad)) {
          eersteAfwijking = false;
          fout({ soort: 'blad', reden: `blad ${index} past niet bij het event dat nu op die plaats staat (eerste afwijking)`, blad: index, eventId: event.id, streamId: event.streamId });
        }
      }
      rand.append(blad);
      controleerWortels(rand.size, rand.root());
    }
    const events = rand.size;
    for (const h of geldig) {
      if (h.grootte > events) {
        fout({ soort: 'ontbrekende-events', reden: `boomhoofd van ${h.tijdstip} telt ${h.grootte} events; de log heeft er nu ${events}`, grootte: h.grootte, tijdstip: h.tijdstip });
      }
    }
    if (bladeren > events) fout({ soort: 'blad', reden: `de boom heeft ${bladeren} bladeren voor ${events} events: events zijn verwijderd` });

    const laatste = [...opgeslagen].reverse().find((h) => geldig.includes(h)) ?? null;
    const consistentie = opties.tegen && geldig.includes(opties.tegen) ? await this.consistentie(opties.tegen, laatste, bladeren) : undefined;
    if (consistentie && !consistentie.geldig) {
      fout({ soort: 'consistentie', reden: `de boom van nu (grootte ${consistentie.tot}) bevat het boomhoofd van grootte ${consistentie.van} niet als begin`, grootte: consistentie.van });
    }
    return { intact: fouten.length === 0, events, bladeren, boomhoofden: alle.length, laatsteBoomhoofd: laatste, ...(consistentie ? { consistentie } : {}), fouten };
  }

  /** RFC 6962 consistency from the handed-in head to the latest stored one, over the stored leaves. */
  private async consistentie(van: SignedTreeHead, tot: SignedTreeHead | null, bladeren: number): Promise<BoomVerslag['consistentie']> {
    const doel = tot && tot.grootte >= van.grootte ? tot : null;
    if (!doel || doel.grootte > bladeren) return { van: van.grootte, tot: doel?.grootte ?? bladeren, bewijs: [], geldig: false };
    const bewijs = consistencyProof(await this.opslag.alleBladHashes(doel.grootte), van.grootte, doel.grootte);
    const geldig = verifyConsistency(van.grootte, doel.grootte, Buffer.from(van.wortel, 'hex'), Buffer.from(doel.wortel, 'hex'), bewijs);
    return { van: van.grootte, tot: doel.grootte, bewijs: bewijs.map((h) => h.toString('hex')), geldig };
  }
}
