import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import type { Afspraak, GeplandeHerinnering } from '@afspraken/domain';

export interface Bericht {
  readonly onderwerp: string;
  readonly tekst: string;
  readonly link: string;
}

/** The web page of an afspraak, where a person reads it and reports progress (the iCal feed links there too). */
export const afspraakPagina = (publicUrl: string, afspraakId: string): string => `${publicUrl.replace(/\/$/, '')}/#/afspraak/${encodeURIComponent(afspraakId)}`;

const datumTekst = (datum: string): string => format(new Date(`${datum}T12:00:00Z`), 'd MMMM yyyy', { locale: nl });

/** The Dutch text of a reminder or escalation: the afspraak, the deadline as written, the date, a link. */
export const stelBerichtOp = (h: GeplandeHerinnering, afspraak: Afspraak, publicUrl: string): Bericht => {
  const gegevens = afspraak.status === 'onbekend' ? null : afspraak;
  const mijlpaal = gegevens?.mijlpalen.find((m) => m.deadlineId === h.deadlineId);
  const titel = gegevens?.titel ?? h.afspraakId;
  const phrase = mijlpaal?.deadline.phrase ?? h.due;
  const link = afspraakPagina(publicUrl, h.afspraakId);
  const wat = mijlpaal ? `${mijlpaal.omschrijving} — "${phrase}"` : `"${phrase}"`;
  const due = datumTekst(h.due);
  let onderwerp: string;
  let kern: string;
  if (h.trede.startsWith('voor-')) {
    const dagen = Number(h.trede.slice('voor-'.length));
    onderwerp = `Herinnering: ${h.afspraakId} ${titel} — deadline over ${dagen} dagen (${due})`;
    kern = `Over ${dagen} dagen, op ${due}, verloopt de deadline van deze afspraak.`;
  } else if (h.trede === 'op-deadline') {
    onderwerp = `Vandaag deadline: ${h.afspraakId} ${titel} (${due})`;
    kern = `Vandaag, ${due}, verloopt de deadline van deze afspraak.`;
  } else if (h.trede === 'escalatie-coordinator') {
    onderwerp = `Escalatie: ${h.afspraakId} ${titel} — deadline ${due} verstreken`;
    kern = `De deadline van ${due} is verstreken zonder gemelde levering. Deze afspraak is geëscaleerd naar de programmacoördinator.`;
  } else {
    const overleg = h.overlegDatum ? datumTekst(h.overlegDatum) : 'het volgende overleg';
    onderwerp = `Geagendeerd voor het Bestuurlijk Overleg van ${overleg}: ${h.afspraakId} ${titel}`;
    kern = `De deadline van ${due} is meer dan een maand verstreken. Deze afspraak staat op de agenda van het Bestuurlijk Overleg van ${overleg}.`;
  }
  const tekst = [
    kern,
    '',
    `Afspraak: ${h.afspraakId} — ${titel}`,
    `Mijlpaal: ${wat}`,
    `Deadline: ${due}`,
    '',
    `Bekijk de afspraak, meld voortgang of levering: ${link}`,
    '',
    'Dit bericht is automatisch verstuurd door de Afspraken Tracker.',
  ].join('\n');
  return { onderwerp, tekst, link };
};
