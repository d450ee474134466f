import type { Afspraak, Mijlpaal } from '../afspraak/afspraak';
import { STANDAARD_BELEID, type Herinneringsbeleid } from './beleid';
import { berekenLadder, momentVan, type Doelgroep, type Trede } from './ladder';

/**
 * The reminder workflow: a pure decider between the afspraak events and the job queue. It says
 * which reminders should exist; BullMQ only executes that schedule. Fed by afspraak and programme
 * state (reactor) and by a due reminder (timeout), never by a clock of its own.
 */

/** What the workflow needs to know of the programme. */
export interface ProgrammaContext {
  readonly programmaId: string;
  readonly beleid: Herinneringsbeleid;
  readonly bestuurlijkOverleggen: readonly string[];
  /** The party that runs the programme: its contacts get the escalations. */
  readonly eigenaar: string | null;
}

export const standaardContext = (programmaId: string): ProgrammaContext => ({
  programmaId,
  beleid: STANDAARD_BELEID,
  bestuurlijkOverleggen: [],
  eigenaar: null,
});

export interface GeplandeHerinnering {
  /** Deterministic: the BullMQ job id and the root of every event id derived from it. */
  readonly herinneringId: string;
  readonly afspraakId: string;
  readonly programmaId: string;
  readonly deadlineId: string;
  /** How often this deadline was moved: a moved deadline gets new reminders, never the old ones. */
  readonly versie: number;
  readonly trede: Trede;
  readonly doelgroep: Doelgroep;
  readonly datum: string;
  /** ISO-8601 instant it is due to go out. */
  readonly moment: string;
  readonly due: string;
  readonly overlegDatum: string | null;
}

export type WorkflowActie =
  | { readonly soort: 'plan'; readonly herinnering: GeplandeHerinnering }
  | { readonly soort: 'annuleer'; readonly herinneringId: string; readonly reden: string };

export type Afloop =
  | { readonly soort: 'verstuur'; readonly herinnering: GeplandeHerinnering; readonly partijen: readonly string[] }
  | { readonly soort: 'negeer'; readonly reden: string };

/** `herinnering-<afspraak>-<deadline>-v<versie>-<trede>`: no `:`, never all digits (BullMQ). */
export const herinneringId = (afspraakId: string, deadlineId: string, versie: number, trede: Trede): string =>
  `herinnering-${afspraakId}-${deadlineId}-v${versie}-${trede}`;

const DAG_MS = 24 * 60 * 60 * 1000;

const isOpen = (mijlpaal: Mijlpaal): boolean => mijlpaal.levering.status === 'open' || mijlpaal.levering.status === 'afgewezen';

/** Every reminder the afspraak should have now, given the programme. Quiet when nothing is due. */
export const gewensteHerinneringen = (afspraak: Afspraak, context: ProgrammaContext, nu: string): GeplandeHerinnering[] => {
  if (afspraak.status !== 'lopend') return [];
  const ondergrens = Date.parse(nu) - context.beleid.inhaalDagen * DAG_MS;
  const result: GeplandeHerinnering[] = [];
  for (const mijlpaal of afspraak.mijlpalen) {
    const due = mijlpaal.deadline.due;
    if (!due || !isOpen(mijlpaal)) continue;
    const versie = mijlpaal.verschuivingen.length;
    for (const trede of berekenLadder(due, context.beleid, context.bestuurlijkOverleggen)) {
      const moment = momentVan(trede.datum, context.beleid.uur);
      if (Date.parse(moment) < ondergrens) continue;
      result.push({
        herinneringId: herinneringId(afspraak.afspraakId, mijlpaal.deadlineId, versie, trede.trede),
        afspraakId: afspraak.afspraakId,
        programmaId: afspraak.programmaId,
        deadlineId: mijlpaal.deadlineId,
        versie,
        trede: trede.trede,
        doelgroep: trede.doelgroep,
        datum: trede.datum,
        moment,
        due,
        overlegDatum: trede.overlegDatum,
      });
    }
  }
  return result;
};

const zelfde = (a: GeplandeHerinnering, b: GeplandeHerinnering): boolean =>
  a.moment === b.moment && a.overlegDatum === b.overlegDatum && a.doelgroep === b.doelgroep;

/**
 * The reactor's decision for one change: what to schedule and what to remove, as the difference
 * between the reminders wanted before and after it. A moved rung (a new meeting date) is removed
 * and planned again under the same id.
 */
export const reageer = (
  voor: { afspraak: Afspraak; context: ProgrammaContext },
  na: { afspraak: Afspraak; context: ProgrammaContext },
  nu: string,
): WorkflowActie[] => {
  const oud = new Map(gewensteHerinneringen(voor.afspraak, voor.context, nu).map((h) => [h.herinneringId, h]));
  const nieuw = gewensteHerinneringen(na.afspraak, na.context, nu);
  const nieuweIds = new Set(nieuw.map((h) => h.herinneringId));
  const reden = annuleerReden(na.afspraak);
  const acties: WorkflowActie[] = [];
  for (const [id, h] of oud) {
    if (!nieuweIds.has(id)) acties.push({ soort: 'annuleer', herinneringId: id, reden: reden(h) });
  }
  for (const h of nieuw) {
    const eerder = oud.get(h.herinneringId);
    if (eerder && zelfde(eerder, h)) continue;
    if (eerder) acties.push({ soort: 'annuleer', herinneringId: h.herinneringId, reden: 'verplaatst' });
    acties.push({ soort: 'plan', herinnering: h });
  }
  return acties;
};

const annuleerReden = (afspraak: Afspraak) => (h: GeplandeHerinnering): string => {
  if (afspraak.status === 'ingetrokken') return 'afspraak ingetrokken';
  if (afspraak.status === 'afgerond') return 'afspraak afgerond';
  if (afspraak.status !== 'lopend') return 'afspraak onbekend';
  const mijlpaal = afspraak.mijlpalen.find((m) => m.deadlineId === h.deadlineId);
  if (!mijlpaal) return 'mijlpaal bestaat niet meer';
  if (!isOpen(mijlpaal)) return 'mijlpaal geleverd';
  if (mijlpaal.verschuivingen.length !== h.versie) return 'deadline verschoven';
  return 'trede vervallen';
};

/**
 * A reminder's moment has come (the timeout). It goes out only when the afspraak as it stands
 * still wants exactly this reminder; a stale job left in Redis is ignored.
 */
export const beslisBijAfloop = (herinnering: GeplandeHerinnering, afspraak: Afspraak, context: ProgrammaContext): Afloop => {
  if (afspraak.status !== 'lopend') return { soort: 'negeer', reden: annuleerReden(afspraak)(herinnering) };
  // Judged as of its own moment, so a late worker does not drop it as out of the catch-up window.
  const gewenst = gewensteHerinneringen(afspraak, context, herinnering.moment).find((h) => h.herinneringId === herinnering.herinneringId);
  if (!gewenst) return { soort: 'negeer', reden: annuleerReden(afspraak)(herinnering) };
  if (gewenst.doelgroep === 'coordinator') {
    return context.eigenaar
      ? { soort: 'verstuur', herinnering: gewenst, partijen: [context.eigenaar] }
      : { soort: 'negeer', reden: 'programma heeft geen eigenaar' };
  }
  return { soort: 'verstuur', herinnering: gewenst, partijen: [afspraak.trekker, ...afspraak.betrokken] };
};
