import type { Command, Decider, Event } from '../shared/event';
import { fold } from '../shared/event';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface Then<E extends Event> {
  then(expected: E[]): void;
  thenNothingHappens(): void;
  /** Only the types of the events, for tables where the data is not the point (permissions). */
  thenEmits(types: E['type'][]): void;
  thenThrows(errorClass: ErrorClass, check?: (error: Error) => void): void;
}

/**
 * given(events).when(command).then(events): the decider's behaviour as a specification.
 * Modelled on EventSourcing.NodeJS samples/decider/src/testing.
 */
export const DeciderSpecification = {
  for<C extends Command, E extends Event, S>(decider: Decider<C, E, S>) {
    return (givenEvents: E[]) => ({
      when(command: C): Then<E> {
        const run = () => decider.decide(command, fold(decider.evolve, decider.initialState, givenEvents));
        return {
          then(expected) {
            expect(run()).toEqual(expected);
          },
          thenEmits(types) {
            expect(run().map((e) => e.type)).toEqual(types);
          },
          thenNothingHappens() {
            expect(run()).toEqual([]);
          },
          thenThrows(errorClass, check) {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(errorClass);
            check?.(thrown as Error);
          },
        };
      },
    });
  },
};
