import { v5 as uuidv5 } from 'uuid';
import {
  beslisBijAfloop,
  herinneringenStream,
  ontvangendePartijen,
  verzendingId,
  ESCALATIE_GESTART,
  type GeplandeHerinnering,
  type Verzending,
} from '@afspraken/domain';
import type { Clock } from '@afspraken/application';
import type { EventStore } from '@afspraken/event-store';
import { VERZEND_JOB, verzendJobId, type HerinneringQueues, type VerzendOpdracht } from './queues';
import { laadAfspraak, laadContext, laadPartijenMetLeden } from './toestand';
import { systeemMetadata, verzendEventId } from './verzender';

export type AfloopUitkomst = { readonly uitkomst: 'genegeerd'; readonly reden: string } | { readonly uitkomst: 'uitgezet'; readonly verzendingen: number };

const ESCALATIE_NAMESPACE = 'a4d2b1c8-8f61-4d0e-b3a7-5e9c2f1d7a40';

/**
 * A reminder's moment has come: decide on the afspraak as it stands now, record an escalation,
 * and fan out one delivery job per recipient (its own retries, its own deterministic id).
 */
export class Afloop {
  constructor(
    private readonly store: EventStore,
    private readonly queues: HerinneringQueues,
    private readonly clock: Clock,
  ) {}

  async verwerk(herinnering: GeplandeHerinnering): Promise<AfloopUitkomst> {
    const afspraak = await laadAfspraak(this.store, herinnering.afspraakId);
    const context = await laadContext(this.store, herinnering.programmaId);
    const besluit = beslisBijAfloop(herinnering, afspraak, context);
    if (besluit.soort === 'negeer') return { uitkomst: 'genegeerd', reden: besluit.reden };
    const h = besluit.herinnering;

    if (h.doelgroep === 'coordinator') {
      const nu = this.clock.now().toISOString();
      await this.store.appendToStream(
        herinneringenStream(h.afspraakId),
        [
          {
            id: uuidv5(h.herinneringId, ESCALATIE_NAMESPACE),
            type: ESCALATIE_GESTART,
            data: {
              herinneringId: h.herinneringId,
              afspraakId: h.afspraakId,
              deadlineId: h.deadlineId,
              versie: h.versie,
              niveau: h.trede === 'bestuurlijk-overleg' ? 'bestuurlijk-overleg' : 'coordinator',
              due: h.due,
              overlegDatum: h.overlegDatum,
              gestartOp: nu,
            },
            metadata: systeemMetadata(ESCALATIE_GESTART, nu, h.herinneringId, verzendEventId(h.herinneringId, 'escalatie')),
          },
        ],
        { expectedRevision: 'any' },
      );
    }

    // A collectief gets no reminder of its own: its members do (each party once).
    const partijen = await laadPartijenMetLeden(this.store, besluit.partijen);
    const opdrachten: VerzendOpdracht[] = [];
    for (const partijId of ontvangendePartijen(besluit.partijen, partijen)) {
      const basis = { herinneringId: h.herinneringId, afspraakId: h.afspraakId, deadlineId: h.deadlineId, trede: h.trede, partijId };
      opdrachten.push({ herinnering: h, verzending: { ...basis, verzendingId: verzendingId(h.herinneringId, partijId, null), contactId: null, kanaal: 'inbox' } });
      const partij = partijen.get(partijId);
      if (partij?.status !== 'vastgelegd') continue;
      for (const contact of partij.contacten) {
        // Contacts on the weekly digest get reminders there; escalations always go out at once.
        if (contact.wekelijksOverzicht && h.doelgroep === 'partijen') continue;
        const verzending: Verzending = { ...basis, verzendingId: verzendingId(h.herinneringId, partijId, contact.contactId), contactId: contact.contactId, kanaal: contact.kanaal };
        opdrachten.push({ herinnering: h, verzending });
      }
    }
    await this.queues.verzendingen.addBulk(
      opdrachten.map((o) => ({ name: o.verzending.kanaal, data: o, opts: { ...VERZEND_JOB, jobId: verzendJobId(o.verzending.verzendingId) } })),
    );
    return { uitkomst: 'uitgezet', verzendingen: opdrachten.length };
  }
}
