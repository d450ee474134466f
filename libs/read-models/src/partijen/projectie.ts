import { decodeEvent, evolvePartij, initialPartij, isPartijEvent, type KnownEvent, type Partij } from '@afspraken/domain';
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

export const canHandle = isPartijEvent;

export const evolve = (document: PartijDocument | null, event: KnownEvent): PartijDocument | null => {
  if (!canHandle(event)) return document;
  const vorige: Partij = document ? { status: 'vastgelegd', ...document, leden: document.leden ?? [], contacten: [] } : initialPartij;
  const next = evolvePartij(vorige, event);
  if (next.status === 'onbekend') return null;
  const { partijId, naam, soort, aliassen, leden } = next;
  return { partijId, naam, soort, aliassen, ...(leden.length ? { leden } : {}) };
};

export const partijenProjectie = documentProjectie<PartijDocument>({
  naam: PARTIJEN,
  tabel: PARTIJEN_TABEL,
  kolommen: {},
  decode: decodeEvent,
  sleutel: (event) => (canHandle(event) ? event.data.partijId : null),
  evolve,
  kolomwaarden: () => ({}),
});
