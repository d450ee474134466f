/** Partij keys see only their own organisation's reminders and feeds. */
export const magPartijZien = (actor: { rol: string; partijId?: string }, partijId: string): boolean =>
  actor.rol === 'coordinator' || actor.rol === 'auditor' || (actor.rol === 'partij' && actor.partijId === partijId);
