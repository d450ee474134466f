import type { MijlpaalRegel } from '@afspraken/read-models';

/** One change to an afspraak since the previous meeting, in words. */
export interface AgendaWijziging {
  readonly afspraakId: string;
  readonly titel: string;
  readonly soort: 'herplanning' | 'levering' | 'nieuw';
  readonly op: string;
  readonly samenvatting: string;
}

export interface AgendaInvoer {
  readonly programmaId: string;
  readonly naam: string;
  readonly datum: string;
  /** The meeting before this one; null: the first, so everything so far counts as changed. */
  readonly vorige: string | null;
  readonly wijzigingen: readonly AgendaWijziging[];
  readonly verlopen: readonly (MijlpaalRegel & { readonly dagenTeLaat: number })[];
  readonly binnenkort: readonly MijlpaalRegel[];
  readonly publicUrl: string;
}

const KOPPEN: Record<AgendaWijziging['soort'], string> = { herplanning: 'Herplanningen', levering: 'Leveringen', nieuw: 'Nieuwe afspraken' };

/** Markdown cells hold no line breaks or pipes. */
const cel = (tekst: string): string => tekst.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/**
 * The agenda of a Bestuurlijk Overleg as a document: what changed since the previous meeting (re-plans,
 * deliveries, new afspraken), then every overdue milestone and every one due soon. Nothing is cut:
 * a long list stays long. Pure.
 */
export const agendaAlsMarkdown = (a: AgendaInvoer): string => {
  const basis = a.publicUrl.replace(/\/$/, '');
  const link = (id: string) => `[${id}](${basis}/#/afspraak/${encodeURIComponent(id)})`;
  const regels: string[] = [`# Agenda Bestuurlijk Overleg ${a.datum} — ${a.naam} (${a.programmaId})`, ''];
  regels.push(a.vorige ? `Wijzigingen sinds het vorige overleg van ${a.vorige}.` : 'Het eerste overleg: alle wijzigingen tot nu.', '');
  regels.push(`## 1. Wat is er veranderd`, '');
  for (const soort of ['herplanning', 'levering', 'nieuw'] as const) {
    const van = a.wijzigingen.filter((w) => w.soort === soort);
    regels.push(`### ${KOPPEN[soort]} (${van.length})`, '');
    if (!van.length) regels.push('Geen.', '');
    else regels.push('| Afspraak | Titel | Vastgelegd | Wat |', '|---|---|---|---|', ...van.map((w) => `| ${link(w.afspraakId)} | ${cel(w.titel)} | ${w.op.slice(0, 10)} | ${cel(w.samenvatting)} |`), '');
  }
  regels.push(`## 2. Verlopen mijlpalen (${a.verlopen.length})`, '');
  if (!a.verlopen.length) regels.push('Geen.', '');
  else
    regels.push(
      '| Afspraak | Titel | Trekker | Mijlpaal | Deadline | Dagen te laat |',
      '|---|---|---|---|---|---|',
      ...a.verlopen.map((m) => `| ${link(m.afspraakId)} | ${cel(m.titel)} | ${cel(m.trekker)} | ${cel(m.omschrijving)} ("${cel(m.phrase)}") | ${m.due} | ${m.dagenTeLaat} |`),
      '',
    );
  regels.push(`## 3. Binnenkort (${a.binnenkort.length})`, '');
  if (!a.binnenkort.length) regels.push('Geen.', '');
  else
    regels.push(
      '| Afspraak | Titel | Trekker | Mijlpaal | Deadline |',
      '|---|---|---|---|---|',
      ...a.binnenkort.map((m) => `| ${link(m.afspraakId)} | ${cel(m.titel)} | ${cel(m.trekker)} | ${cel(m.omschrijving)} ("${cel(m.phrase)}") | ${m.due} |`),
      '',
    );
  return regels.join('\n');
};
