import { ForbiddenError } from '@afspraken/domain';
import type { RequestActor } from '../../auth/actor';

/** A key limited to one programme sees only that programme; other keys see all. */
export const programmaVoor = (actor: RequestActor, gevraagd: string | undefined): string | undefined => {
  if (!actor.programmaId) return gevraagd;
  if (gevraagd && gevraagd !== actor.programmaId) {
    throw new ForbiddenError('ANDER_PROGRAMMA', `Deze sleutel geeft alleen toegang tot programma ${actor.programmaId}`);
  }
  return actor.programmaId;
};
