import { decodeEvent, evolveProgramma, initialProgramma, isProgrammaEvent, type KnownEvent, type Programma } from '@afspraken/domain';
import { documentProjectie } from '../document-projectie';

export const PROGRAMMA_STRUCTUUR = 'programma-structuur';
export const PROGRAMMAS_TABEL = 'rm_programmas';

export type ProgrammaDocument = Exclude<Programma, { status: 'onbekend' }>;

export const canHandle = isProgrammaEvent;

/** Names of the programme, its programmalijnen and opgaven: what an overview groups by. */
export const evolve = (document: ProgrammaDocument | null, event: KnownEvent): ProgrammaDocument | null => {
  if (!canHandle(event)) return document;
  const next = evolveProgramma(document ?? initialProgramma, event);
  return next.status === 'onbekend' ? null : next;
};

export const programmaStructuurProjectie = documentProjectie<ProgrammaDocument>({
  naam: PROGRAMMA_STRUCTUUR,
  tabel: PROGRAMMAS_TABEL,
  kolommen: {},
  decode: decodeEvent,
  sleutel: (event) => (canHandle(event) ? event.data.programmaId : null),
  evolve,
  kolomwaarden: () => ({}),
});
