import type { Upcasters } from './upcasting';

/** A domain event: a fact in the past tense. `type` is the stored, constant type string. */
export type Event<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** A command: an intention that may be refused. Time and actor come in with it. */
export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: CommandMetadata;
}>;

export type Rol = 'coordinator' | 'partij' | 'auditor' | 'systeem';

export const ROLLEN: readonly Rol[] = ['coordinator', 'partij', 'auditor', 'systeem'];

/** Who gives the command. `partijId` is set for the `partij` role: the organisation acted for. */
export interface Actor {
  readonly id: string;
  readonly rol: Rol;
  readonly partijId?: string;
  /** Set when the key or token is limited to one programme: every read and write stays inside it. */
  readonly programmaId?: string | null;
}

export interface CommandMetadata {
  /** ISO-8601 instant; the decider never reads a clock of its own. */
  readonly now: string;
  readonly actor: Actor;
}

export interface Decider<C extends Command, E extends Event, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  readonly initialState: S;
  /** Schema version per event type and the upcasters of older ones: how its stream is written and read back (shared/upcasting). */
  readonly upcasters: Upcasters<E>;
}

export const fold = <E extends Event, S>(evolve: (state: S, event: E) => S, initial: S, events: Iterable<E>): S => {
  let state = initial;
  for (const event of events) state = evolve(state, event);
  return state;
};
