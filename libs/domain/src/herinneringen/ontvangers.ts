import type { Partij } from '../partij/partij';

/**
 * The parties a reminder goes to. A collectief ("overheid", "sociale partners") is not an
 * organisation with a mailbox: it is replaced by its members, a member that is itself a collectief
 * by its own members, each party once, in the order named. A party not (yet) known is kept: its
 * inbox still gets the reminder.
 */
export const ontvangendePartijen = (partijIds: readonly string[], partijen: ReadonlyMap<string, Partij>): string[] => {
  const uit: string[] = [];
  const gezien = new Set<string>();
  const voegToe = (partijId: string) => {
    if (gezien.has(partijId)) return;
    gezien.add(partijId);
    const partij = partijen.get(partijId);
    if (partij?.status === 'vastgelegd' && partij.soort === 'collectief') partij.leden.forEach(voegToe);
    else uit.push(partijId);
  };
  partijIds.forEach(voegToe);
  return uit;
};

/** The ids to load before `ontvangendePartijen` can answer: the named parties and, for a collectief, its members. */
export const teLadenLeden = (partij: Partij): readonly string[] => (partij.status === 'vastgelegd' && partij.soort === 'collectief' ? partij.leden : []);
