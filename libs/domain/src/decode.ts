import { afspraakUpcasters, type AfspraakEvent } from './afspraak/afspraak';
import { herinneringUpcasters, type HerinneringEvent } from './herinneringen/verzending';
import { indicatorUpcasters, type IndicatorEvent } from './indicator/indicator';
import { partijUpcasters, type PartijEvent } from './partij/partij';
import { programmaUpcasters, type ProgrammaEvent } from './programma/programma';
import { currentSchemaVersion, isKnownType, storedSchemaVersion, upcast, type StoredEvent, type Upcasters } from './shared/upcasting';

/** Every event type the store may hold, of every aggregate. */
export type KnownEvent = AfspraakEvent | ProgrammaEvent | PartijEvent | IndicatorEvent | HerinneringEvent;

const tables: readonly Upcasters<KnownEvent>[] = [afspraakUpcasters, programmaUpcasters, partijUpcasters, indicatorUpcasters, herinneringUpcasters] as Upcasters<KnownEvent>[];
const allUpcasters = Object.assign({}, ...tables) as Upcasters<KnownEvent>;
if (Object.keys(allUpcasters).length !== tables.reduce((n, t) => n + Object.keys(t).length, 0)) {
  throw new Error('Twee aggregates gebruiken hetzelfde eventtype: een gelezen event zou niet meer eenduidig zijn');
}

/**
 * For readers of the global stream: any stored event as the current domain event, or null for a
 * type this release does not know (a reader of `$all` skips those; a stream reader uses its
 * aggregate's `decode…Event`, which fails instead). A known type at a version it cannot read fails.
 */
export const decodeEvent = (recorded: StoredEvent): KnownEvent | null =>
  isKnownType(allUpcasters, recorded.type) ? upcast(allUpcasters, recorded.type, storedSchemaVersion(recorded), recorded.data) : null;

/** The `schemaVersion` to write with an event of this type; an unknown type fails. */
export const schemaVersionOf = (type: string): number => currentSchemaVersion(allUpcasters, type);
