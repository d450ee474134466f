import { isBetrokkenPartij, type AfspraakGegevens } from '../afspraak/afspraak';
import { ForbiddenError } from '../shared/errors';
import type { Actor } from '../shared/event';
import { vereisProgramma } from './programma-scope';

/**
 * The one read rule, as a scope that a list query can apply in its WHERE clause:
 * - `programmaId`: only afspraken of this programme (null: every programme);
 * - `partijId`: only afspraken where this organisation is trekker or betrokken (null: every party's).
 * Coordinators and auditors read every afspraak within their programme. A party reads only the
 * afspraken where it is trekker or betrokken, also when its key is limited to a programme (the
 * limit narrows, it never widens). A party without an organisation reads nothing.
 */
export interface Leesbereik {
  readonly programmaId: string | null;
  readonly partijId: string | null;
}

/** Matches no afspraak: ids are never empty (ID_PATTERN). */
const GEEN_PARTIJ = '';

export const leesbereik = (actor: Actor): Leesbereik => {
  const programmaId = actor.programmaId ?? null;
  switch (actor.rol) {
    case 'coordinator':
    case 'auditor':
    case 'systeem':
      return { programmaId, partijId: null };
    case 'partij':
      return { programmaId, partijId: actor.partijId || GEEN_PARTIJ };
    default: {
      const _exhaustive: never = actor.rol;
      return { programmaId: GEEN_PARTIJ, partijId: GEEN_PARTIJ };
    }
  }
};

/** Whether the scope reaches everything: lists then need no filter at all. */
export const onbeperktBereik = (bereik: Leesbereik): boolean => bereik.programmaId === null && bereik.partijId === null;

export const binnenLeesbereik = (bereik: Leesbereik, afspraak: Pick<AfspraakGegevens, 'programmaId' | 'trekker' | 'betrokken'>): boolean =>
  (bereik.programmaId === null || bereik.programmaId === afspraak.programmaId) &&
  (bereik.partijId === null || (bereik.partijId !== GEEN_PARTIJ && isBetrokkenPartij(afspraak, bereik.partijId)));

/** Who may read an afspraak: see {@link leesbereik}. */
export const magAfspraakLezen = (actor: Actor, afspraak: Pick<AfspraakGegevens, 'programmaId' | 'trekker' | 'betrokken'>): boolean =>
  binnenLeesbereik(leesbereik(actor), afspraak);

export const vereisLeesrechtAfspraak = (actor: Actor, afspraak: AfspraakGegevens): void => {
  vereisProgramma(actor, afspraak.programmaId);
  if (!magAfspraakLezen(actor, afspraak)) {
    throw new ForbiddenError('GEEN_LEESRECHT', `Partij ${actor.partijId ?? 'onbekend'} is geen trekker of betrokkene van ${afspraak.afspraakId}`);
  }
};

/** Programme data (structure, planning, counts) is readable by every role within the actor's programme. */
export const vereisLeesrechtProgramma = (actor: Actor, programmaId: string): void => vereisProgramma(actor, programmaId);

