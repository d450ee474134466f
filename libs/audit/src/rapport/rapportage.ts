import { createHash } from 'node:crypto';
import type { SignedTreeHead } from '@afspraken/application';
import type { Deadline, ProgrammaStand, StatusTelling } from '@afspraken/domain';
import { DEADLINE_STATUSSEN } from '@afspraken/domain';

/** A report is a list of blocks; Markdown, HTML and PDF render the same blocks. */
export type Blok =
  | { readonly soort: 'kop'; readonly niveau: 1 | 2; readonly tekst: string }
  | { readonly soort: 'alinea'; readonly tekst: string }
  | { readonly soort: 'tabel'; readonly kolommen: readonly string[]; readonly rijen: readonly (readonly string[])[] };

export interface Rapportage {
  readonly titel: string;
  readonly blokken: readonly Blok[];
}

export const RAPPORT_FORMATEN = ['md', 'html', 'pdf'] as const;
export type RapportFormaat = (typeof RAPPORT_FORMATEN)[number];

const dag = (iso: string): string => iso.slice(0, 10);
const deadlineTekst = (d: Deadline): string => (d.due ? `${d.phrase} (${d.due})` : d.phrase);

const tellingRij = (label: string, t: StatusTelling): string[] => [label, ...DEADLINE_STATUSSEN.map((s) => String(t[s])), String(t.totaal)];

/**
 * The Voortgangsrapportage of a programme on a peildatum. Everything in it comes from the stand
 * (events recorded up to the end of the peildatum): no clock, no locale, no random order.
 */
export const voortgangsrapportage = (stand: ProgrammaStand): Rapportage => {
  const naam = stand.programma.status === 'vastgelegd' ? stand.programma.naam : stand.programmaId;
  const titel = `Voortgangsrapportage ${naam} per ${stand.peildatum}`;
  const blokken: Blok[] = [
    { soort: 'kop', niveau: 1, tekst: titel },
    {
      soort: 'alinea',
      tekst:
        `Programma ${stand.programmaId}. Stand aan het einde van ${stand.peildatum} (Europe/Amsterdam), ` +
        `zoals ${stand.zoals}: ${stand.events} events, ${stand.totaal.totaal} afspraken en acties.`,
    },
    { soort: 'kop', niveau: 2, tekst: 'Status per programmalijn' },
    {
      soort: 'tabel',
      kolommen: ['Programmalijn', ...DEADLINE_STATUSSEN, 'totaal'],
      rijen: [
        ...stand.programmalijnen.map((l) =>
          tellingRij(l.programmalijnId === null ? 'zonder programmalijn' : `${l.nummer ?? '?'}. ${l.naam ?? l.programmalijnId}`, l.telling),
        ),
        tellingRij('afspraken', stand.perSoort.afspraak),
        tellingRij('acties', stand.perSoort.actie),
        tellingRij('totaal', stand.totaal),
      ],
    },
  ];

  const verlopen = stand.afspraken.filter((a) => a.status.status === 'verlopen');
  blokken.push({ soort: 'kop', niveau: 2, tekst: `Verlopen (${verlopen.length})` });
  blokken.push(
    verlopen.length
      ? {
          soort: 'tabel',
          kolommen: ['Afspraak', 'Titel', 'Trekker', 'Betrokken', 'Verlopen mijlpalen'],
          rijen: verlopen.map(({ afspraak: a, status: s }) => [
            a.afspraakId,
            a.titel,
            a.trekker,
            a.betrokken.join(', ') || '-',
            s.mijlpalen
              .filter((m) => m.status === 'verlopen')
              .map((m) => `${m.deadlineId} ${m.omschrijving}: ${m.phrase}${m.due ? ` (${m.due})` : ''}`)
              .join('; '),
          ]),
        }
      : { soort: 'alinea', tekst: 'Geen verlopen afspraken.' },
  );

  const herplanningen = stand.afspraken.flatMap(({ afspraak: a }) =>
    a.mijlpalen.flatMap((m) =>
      m.verschuivingen.map((v) => [
        `${a.afspraakId} ${m.deadlineId}`,
        `${deadlineTekst(v.van)} -> ${deadlineTekst(v.naar)}`,
        v.reden,
        `${v.besluitorgaan}${v.besluitdatum ? ` (${v.besluitdatum})` : ''}`,
        dag(v.verschovenOp),
      ]),
    ),
  );
  blokken.push({ soort: 'kop', niveau: 2, tekst: `Herplanningen (${herplanningen.length})` });
  blokken.push(
    herplanningen.length
      ? { soort: 'tabel', kolommen: ['Mijlpaal', 'Van -> naar', 'Reden', 'Besloten door', 'Vastgelegd'], rijen: herplanningen }
      : { soort: 'alinea', tekst: 'Geen herplanningen.' },
  );

  const voortgang = stand.afspraken.flatMap(({ afspraak: a }) =>
    Object.keys(a.voortgang)
      .sort()
      .map((partij) => {
        const v = a.voortgang[partij];
        return [a.afspraakId, v.partijId, `${v.percentage}%`, dag(v.gerapporteerdOp), v.toelichting];
      }),
  );
  blokken.push({ soort: 'kop', niveau: 2, tekst: `Voortgang (${voortgang.length} rapportages)` });
  blokken.push(
    voortgang.length
      ? { soort: 'tabel', kolommen: ['Afspraak', 'Partij', 'Voortgang', 'Gerapporteerd', 'Toelichting'], rijen: voortgang }
      : { soort: 'alinea', tekst: 'Nog geen voortgang gerapporteerd.' },
  );
  return { titel, blokken };
};

export const sha256 = (inhoud: string | Buffer): string => createHash('sha256').update(inhoud).digest('hex');

/** The footer: a file cannot hold its own hash, so it holds the hash of the content without the footer. */
export const voetregel = (inhoudHash: string): string =>
  `SHA-256 van de rapportinhoud (de Markdown-tekst van dit rapport zonder de twee voetregels): ${inhoudHash}`;

/** The second footer line: the signed tree head of the audit log when the report was made (GET /audit/sleutel checks it). */
export const boomregel = (hoofd: SignedTreeHead): string =>
  `Ondertekend boomhoofd van het auditlog: grootte ${hoofd.grootte}, wortel ${hoofd.wortel}, tijdstip ${hoofd.tijdstip}, sleutel ${hoofd.sleutelId}, handtekening ${hoofd.handtekening}`;
