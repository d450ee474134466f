import type { Event } from './event';

/**
 * Stored events become domain events here and nowhere else. Each event type has a current schema
 * version (what is written today) and, for every older version, one pure step to the next:
 * `v1 → v2 → … → current`. Stored JSON is never rewritten; it is upcast each time it is read.
 */

/** A stored event as any adapter gives it back; `RecordedEvent` of the event store fits it. */
export interface StoredEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** One step: the data as version n stored it, to the data of version n + 1. Pure, and tested with old JSON. */
// `any`: each step knows the shape of its own version; the table cannot type them one by one.
export type UpcastStep = (data: any) => object;

export interface EventSchema {
  /** The version written today; 1 until the meaning or shape of the event changes. */
  readonly version: number;
  /** `steps[n]` turns version n into version n + 1, for every n below `version`. */
  readonly steps?: Readonly<Record<number, UpcastStep>>;
}

/** Per event type of one aggregate: its schema. A missing type does not compile. */
export type Upcasters<E extends Event> = { readonly [T in E['type']]: EventSchema };

/** A stored type that no decoder knows: a stream reader fails on it rather than skip a fact. */
export class UnknownEventTypeError extends Error {
  constructor(readonly type: string) {
    super(`Onbekend eventtype in de store: ${type}`);
    this.name = new.target.name;
  }
}

/** A version this code cannot read: newer than it writes (a newer release wrote it), or not a version at all. */
export class UnsupportedSchemaVersionError extends Error {
  constructor(
    readonly type: string,
    readonly version: unknown,
    readonly current: number,
  ) {
    super(`${type} met schemaVersion ${String(version)} kan niet gelezen worden (deze versie kent 1 tot en met ${current})`);
    this.name = new.target.name;
  }
}

/** Checks at load time that every schema has a step for each older version, so a gap never reaches a reader. */
export const upcasters = <E extends Event>(table: Upcasters<E>): Upcasters<E> => {
  for (const [type, schema] of Object.entries<EventSchema>(table)) {
    if (!Number.isInteger(schema.version) || schema.version < 1) throw new Error(`${type}: version moet een geheel getal ≥ 1 zijn`);
    for (let v = 1; v < schema.version; v++) {
      if (typeof schema.steps?.[v] !== 'function') throw new Error(`${type}: geen upcaster van versie ${v} naar ${v + 1}`);
    }
  }
  return table;
};

/** The version an event was stored with; events written before versions were recorded are version 1. */
export const storedSchemaVersion = (stored: StoredEvent): unknown => stored.metadata?.schemaVersion ?? 1;

export const isKnownType = <E extends Event>(table: Upcasters<E>, type: string): type is E['type'] => Object.hasOwn(table, type);

/** The version to write for `type`: one constant per event type, kept in its aggregate's table. */
export const currentSchemaVersion = <E extends Event>(table: Upcasters<E>, type: string): number => {
  if (!isKnownType(table, type)) throw new UnknownEventTypeError(type);
  return table[type].version;
};

/** The decoder of one table: a stored event of any known version as the current domain event. */
export const decoder =
  <E extends Event>(table: Upcasters<E>) =>
  (recorded: StoredEvent): E =>
    upcast(table, recorded.type, storedSchemaVersion(recorded), recorded.data);

/** Turns stored data of any known version into the current domain event. */
export const upcast = <E extends Event>(table: Upcasters<E>, type: string, version: unknown, data: unknown): E => {
  if (!isKnownType(table, type)) throw new UnknownEventTypeError(type);
  const schema: EventSchema = table[type];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > schema.version) {
    throw new UnsupportedSchemaVersionError(type, version, schema.version);
  }
  let current = data as object;
  for (let v = version; v < schema.version; v++) current = (schema.steps as Record<number, UpcastStep>)[v](current);
  return { type, data: current } as E;
};
