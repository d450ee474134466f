import { ForbiddenError } from '../shared/errors';
import type { Actor } from '../shared/event';

/**
 * "An auditor cannot write": the one rule, asked at the two doors every write passes: the command
 * path (every command of every aggregate, from the API, the CLI or an import) and the HTTP guard
 * (every write request, also those that are no command: keys, feed tokens, queue actions).
 * Who may do which command beyond that is each decider's own rule.
 */
export const magSchrijven = (actor: Pick<Actor, 'rol'>): boolean => actor.rol !== 'auditor';

export const vereisSchrijfrecht = (actor: Pick<Actor, 'rol'>): void => {
  if (!magSchrijven(actor)) throw new ForbiddenError('AUDITOR_LEEST_ALLEEN', 'Een auditor kan alleen lezen en nooit iets vastleggen');
};
