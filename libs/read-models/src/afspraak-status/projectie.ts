import { decodeEvent, evolve as evolveAfspraak, initialAfspraak, isAfspraakEvent, type BestaandeAfspraak, type KnownEvent } from '@afspraken/domain';
import { documentProjectie } from '../document-projectie';

export const AFSPRAAK_STATUS = 'afspraak-status';
export const AFSPRAKEN_TABEL = 'rm_afspraken';

/** `2023-06-30` → `2023-Q2`. */
export const kwartaalVan = (due: string): string => `${due.slice(0, 4)}-Q${Math.ceil(Number(due.slice(5, 7)) / 3)}`;

export const canHandle = isAfspraakEvent;

/**
 * The afspraak as the decider sees it, folded with the domain's own evolve so the read model
 * cannot drift from it. Deadline status is not stored: it depends on the moment of asking.
 */
export const evolve = (document: BestaandeAfspraak | null, event: KnownEvent): BestaandeAfspraak | null => {
  if (!canHandle(event)) return document;
  const next = evolveAfspraak(document ?? initialAfspraak, event);
  return next.status === 'onbekend' ? null : next;
};

/** Indexed columns: what the query API filters and sorts on in SQL. */
export const kolomwaarden = (a: BestaandeAfspraak) => {
  const openDue = a.mijlpalen
    .filter((m) => m.levering.status !== 'geaccepteerd' && m.deadline.dueAt)
    .map((m) => m.deadline.dueAt as string)
    .sort();
  return {
    programma_id: a.programmaId,
    programmalijn_id: a.programmalijnId,
    opgave_id: a.opgaveId,
    soort: a.soort,
    levenscyclus: a.status,
    partijen: [a.trekker, ...a.betrokken],
    eerstvolgende_due_at: a.status === 'lopend' ? (openDue[0] ?? null) : null,
    kwartalen: [...new Set(a.mijlpalen.flatMap((m) => (m.deadline.due ? [kwartaalVan(m.deadline.due)] : [])))].sort(),
  };
};

export const afspraakStatusProjectie = documentProjectie<BestaandeAfspraak>({
  naam: AFSPRAAK_STATUS,
  tabel: AFSPRAKEN_TABEL,
  kolommen: {
    programma_id: 'text',
    programmalijn_id: 'text',
    opgave_id: 'text',
    soort: 'text',
    levenscyclus: 'text',
    partijen: 'text[]',
    eerstvolgende_due_at: 'timestamptz',
    kwartalen: 'text[]',
  },
  indexen: ['(programma_id, programmalijn_id)', 'USING gin (partijen)', 'USING gin (kwartalen)', '(eerstvolgende_due_at)'],
  decode: decodeEvent,
  sleutel: (event) => (canHandle(event) ? event.data.afspraakId : null),
  evolve,
  kolomwaarden,
});
