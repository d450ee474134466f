import { isBetrokkenPartij, type AfspraakGegevens } from '../afspraak/afspraak';
import { ForbiddenError } from '../shared/errors';
import type { Actor } from '../shared/event';
import { binnenProgramma, vereisProgramma } from './programma-scope';

/**
 * Who may read an afspraak. Coordinators and auditors: everything (within their programme when
 * limited to one). A party: every afspraak of the programme its key is limited to; a party key
 * without a programme sees only the afspraken where it is trekker or betrokken.
 */
export const magAfspraakLezen = (actor: Actor, afspraak: AfspraakGegevens): boolean => {
  if (!binnenProgramma(actor, afspraak.programmaId)) return false;
  switch (actor.rol) {
    case 'coordinator':
    case 'auditor':
    case 'systeem':
      return true;
    case 'partij':
      return actor.programmaId ? true : actor.partijId !== undefined && isBetrokkenPartij(afspraak, actor.partijId);
    default: {
      const _exhaustive: never = actor.rol;
      return false;
    }
  }
};

export const vereisLeesrechtAfspraak = (actor: Actor, afspraak: AfspraakGegevens): void => {
  vereisProgramma(actor, afspraak.programmaId);
  if (!magAfspraakLezen(actor, afspraak)) {
    throw new ForbiddenError(
      'GEEN_LEESRECHT',
      `Partij ${actor.partijId ?? 'onbekend'} is geen trekker of betrokkene van ${afspraak.afspraakId}; een sleutel met een programma ziet alle afspraken van dat programma`,
    );
  }
};

/** Programme data (structure, planning) is readable by every role within the actor's programme. */
export const vereisLeesrechtProgramma = (actor: Actor, programmaId: string): void => vereisProgramma(actor, programmaId);
