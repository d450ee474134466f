import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import { isoWeek, weekoverzicht, type GeplandeHerinnering, type OverzichtRegel } from '@afspraken/domain';
import type { Clock } from '@afspraken/application';
import type { EventStore } from '@afspraken/event-store';
import { afspraakPagina, type Bericht } from './bericht';
import { VERZEND_JOB, verzendJobId, type HerinneringQueues, type VerzendOpdracht } from './queues';
import { laadPartij, Werkvoorraad } from './toestand';

/** Monday 08:00 in Amsterdam. */
export const OVERZICHT_PATROON = '0 8 * * 1';

const datumTekst = (datum: string): string => format(new Date(`${datum}T12:00:00Z`), 'd MMMM yyyy', { locale: nl });

/** The digest of a party's open milestones; each links to its afspraak's web page, the mail to the party's own page. */
export const stelOverzichtOp = (regels: readonly OverzichtRegel[], partijId: string, partijNaam: string, week: string, publicUrl: string): Bericht => {
  const basis = publicUrl.replace(/\/$/, '');
  const tekst = [
    `Weekoverzicht ${week} voor ${partijNaam}: ${regels.length} open ${regels.length === 1 ? 'mijlpaal' : 'mijlpalen'}, de eerstvolgende deadline eerst.`,
    '',
    ...regels.map((r) => `- ${datumTekst(r.due)}: ${r.afspraakId} ${r.titel} — ${r.omschrijving} ("${r.phrase}", ${r.rol})\n  ${afspraakPagina(basis, r.afspraakId)}`),
    '',
    'Dit overzicht is automatisch verstuurd door de Afspraken Tracker, omdat u een wekelijks overzicht hebt gekozen in plaats van losse herinneringen.',
  ].join('\n');
  return { onderwerp: `Weekoverzicht ${week}: ${regels.length} open ${regels.length === 1 ? 'mijlpaal' : 'mijlpalen'} (${partijNaam})`, tekst, link: `${basis}/#/portaal` };
};

/**
 * The weekly digest: one mail (or webhook) per contact that chose it, listing all its party's open
 * items. Its identity is the ISO week, so a re-run in the same week sends nothing new.
 */
export class Weekoverzicht {
  constructor(
    private readonly store: EventStore,
    private readonly queues: HerinneringQueues,
    private readonly clock: Clock,
    private readonly publicUrl: string,
  ) {}

  async verwerk(): Promise<number> {
    const nu = this.clock.now();
    const vandaag = format(new TZDate(nu.getTime(), 'Europe/Amsterdam'), 'yyyy-MM-dd');
    const week = isoWeek(vandaag);
    const { voorraad } = await Werkvoorraad.lees(this.store);
    const afspraken = [...voorraad.afspraken.values()];
    const partijen = new Set(afspraken.flatMap((a) => (a.status === 'lopend' ? [a.trekker, ...a.betrokken] : [])));
    const opdrachten: VerzendOpdracht[] = [];
    for (const partijId of [...partijen].sort()) {
      const partij = await laadPartij(this.store, partijId);
      if (partij.status === 'onbekend') continue;
      const contacten = partij.contacten.filter((c) => c.wekelijksOverzicht);
      if (contacten.length === 0) continue;
      const regels = weekoverzicht(afspraken, partijId, vandaag);
      if (regels.length === 0) continue;
      const bericht = stelOverzichtOp(regels, partijId, partij.naam, week, this.publicUrl);
      const herinnering: GeplandeHerinnering = {
        herinneringId: `overzicht-${week}`,
        afspraakId: `overzicht-${partijId}`,
        programmaId: '',
        deadlineId: 'overzicht',
        versie: 0,
        trede: 'wekelijks-overzicht',
        doelgroep: 'partijen',
        datum: vandaag,
        moment: nu.toISOString(),
        due: regels[0].due,
        overlegDatum: null,
      };
      for (const contact of contacten) {
        const verzendingId = `overzicht-${week}.${partijId}.${contact.contactId}`;
        opdrachten.push({
          herinnering,
          bericht,
          verzending: { verzendingId, herinneringId: herinnering.herinneringId, afspraakId: herinnering.afspraakId, deadlineId: 'overzicht', trede: 'wekelijks-overzicht', partijId, contactId: contact.contactId, kanaal: contact.kanaal },
        });
      }
    }
    await this.queues.verzendingen.addBulk(
      opdrachten.map((o) => ({ name: 'overzicht', data: o, opts: { ...VERZEND_JOB, jobId: verzendJobId(o.verzending.verzendingId) } })),
    );
    return opdrachten.length;
  }
}
