import { PARTIJ_EVENT_TYPES, evolvePartij, initialPartij, type Partij, type PartijEvent } from '@afspraken/domain';
import type { RecordedEvent } from '@afspraken/event-store';
import { documentProjectie } from '../document-projectie';

export const PARTIJEN = 'partijen';
export const PARTIJEN_TABEL = 'rm_partijen';

/** Contacts stay in the partij stream: an overview only needs who the party is. */
export interface PartijDocument {
  readonly partijId: string;
  readonly naam: string;
  readonly soort: Extract<Partij, { status: 'vastgelegd' }>['soort'];
  readonly aliassen: readonly string[];
  /** Only a collectief: its member parties. */
  readonly leden?: readonly string[];
}

export const canHandle = (event: { type: string }): boolean => (PARTIJ_EVENT_TYPES as readonly string[]).includes(event.type);

export const evolve = (document: PartijDocument | null, event: { type: string; data: object }): PartijDocument | null => {
  if (!canHandle(event)) return document;
  const vorige: Partij = document ? { status: 'vastgelegd', ...document, leden: document.leden ?? [], contacten: [] } : initialPartij;
  const next = evolvePartij(vorige, event as PartijEvent);
  if (next.status === 'onbekend') return null;
  const { partijId, naam, soort, aliassen, leden } = next;
  return { partijId, naam, soort, aliassen, ...(leden.length ? { leden } : {}) };
};

export const partijenProjectie = documentProjectie<PartijDocument>({
  naam: PARTIJEN,
  tabel: PARTIJEN_TABEL,
  kolommen: {},
  sleutel: (event: RecordedEvent) => (canHandle(event) ? (event.data as { partijId: string }).partijId : null),
  evolve,
  kolomwaarden: () => ({}),
});
