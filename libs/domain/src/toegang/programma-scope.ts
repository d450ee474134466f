import { ForbiddenError } from '../shared/errors';
import type { Actor } from '../shared/event';

/** Whether an actor limited to one programme may act on this one; unlimited actors always may. */
export const binnenProgramma = (actor: Actor, programmaId: string): boolean => !actor.programmaId || actor.programmaId === programmaId;

export const vereisProgramma = (actor: Actor, programmaId: string): void => {
  if (!binnenProgramma(actor, programmaId)) {
    throw new ForbiddenError('ANDER_PROGRAMMA', `Deze sleutel hoort bij programma ${actor.programmaId}, niet bij ${programmaId}`);
  }
};
