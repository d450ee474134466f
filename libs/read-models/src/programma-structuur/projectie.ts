import { PROGRAMMA_EVENT_TYPES, evolveProgramma, initialProgramma, type Programma, type ProgrammaEvent } from '@afspraken/domain';
import type { RecordedEvent } from '@afspraken/event-store';
import { documentProjectie } from '../document-projectie';

export const PROGRAMMA_STRUCTUUR = 'programma-structuur';
export const PROGRAMMAS_TABEL = 'rm_programmas';

export type ProgrammaDocument = Exclude<Programma, { status: 'onbekend' }>;

export const canHandle = (event: { type: string }): boolean => (PROGRAMMA_EVENT_TYPES as readonly string[]).includes(event.type);

/** Names of the programme, its programmalijnen and opgaven: what an overview groups by. */
export const evolve = (document: ProgrammaDocument | null, event: { type: string; data: object }): ProgrammaDocument | null => {
  if (!canHandle(event)) return document;
  const next = evolveProgramma(document ?? initialProgramma, event as ProgrammaEvent);
  return next.status === 'onbekend' ? null : next;
};

export const programmaStructuurProjectie = documentProjectie<ProgrammaDocument>({
  naam: PROGRAMMA_STRUCTUUR,
  tabel: PROGRAMMAS_TABEL,
  kolommen: {},
  sleutel: (event: RecordedEvent) => (canHandle(event) ? (event.data as { programmaId: string }).programmaId : null),
  evolve,
  kolomwaarden: () => ({}),
});
