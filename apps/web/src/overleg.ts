import type { ProgrammaWeergave } from './typen';

export type Programma = ProgrammaWeergave['programma'];

export type OverlegStaat =
  | { readonly soort: 'gepland' }
  | { readonly soort: 'verplaatst'; readonly van: string; readonly reden: string }
  | { readonly soort: 'extra' };

/** What a meeting date is: a rule's meeting moved here (from which day, why), an extra one-off meeting, or as the rule gives it. */
export const overlegOp = (programma: Programma, dag: string): OverlegStaat => {
  const voorkomen = (programma.overlegVoorkomens ?? []).find((v) => v.datum === dag && v.status !== 'afgelast');
  if (!voorkomen) return { soort: 'extra' };
  return voorkomen.status === 'verplaatst' ? { soort: 'verplaatst', van: voorkomen.volgensRegel, reden: voorkomen.reden ?? '' } : { soort: 'gepland' };
};

/** The rule's meetings from today up to the next one that are cancelled: said, so nobody waits for them. */
export const afgelastVoor = (programma: Programma, vandaag: string, volgende: string | undefined) =>
  (programma.overlegVoorkomens ?? []).filter((v) => v.status === 'afgelast' && v.volgensRegel >= vandaag && (volgende === undefined || v.volgensRegel <= volgende));
