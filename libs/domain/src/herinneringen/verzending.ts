import type { Event } from '../shared/event';
import type { Trede } from './ladder';

/**
 * Sending, recorded as events on a stream of its own per afspraak (`herinneringen-<afspraakId>`),
 * so the afspraak stream and the revisions its users hold stay untouched. The events are the
 * dedupe key: a delivery is claimed before it is sent and confirmed after.
 */
export type VerzendKanaal = 'email' | 'webhook' | 'inbox';

export const HERINNERING_VERZENDING_GESTART = 'HerinneringVerzendingGestart';
export const HERINNERING_VERSTUURD = 'HerinneringVerstuurd';
export const HERINNERING_NIET_VERSTUURD = 'HerinneringNietVerstuurd';
export const ESCALATIE_GESTART = 'EscalatieGestart';

export interface Verzending {
  /** `<herinneringId>.<partijId>.<contactId | inbox>`: one delivery to one recipient. */
  readonly verzendingId: string;
  readonly herinneringId: string;
  readonly afspraakId: string;
  readonly deadlineId: string;
  readonly trede: Trede;
  readonly partijId: string;
  readonly contactId: string | null;
  readonly kanaal: VerzendKanaal;
}

export type HerinneringVerzendingGestart = Event<
  typeof HERINNERING_VERZENDING_GESTART,
  Verzending & {
    /** Which attempt (0-based) this claim is: a released claim may be claimed again. */
    readonly poging: number;
    /** Random per claimant: of two racing claimants only the one whose token was stored sends. */
    readonly claim: string;
    readonly gestartOp: string;
  }
>;
export type HerinneringVerstuurd = Event<
  typeof HERINNERING_VERSTUURD,
  Verzending & { readonly poging: number; readonly berichtId: string; readonly verstuurdOp: string }
>;
/** `definitief: false` releases the claim (the channel said it did not deliver): a retry may send. */
export type HerinneringNietVerstuurd = Event<
  typeof HERINNERING_NIET_VERSTUURD,
  Verzending & { readonly poging: number; readonly reden: string; readonly definitief: boolean; readonly misluktOp: string }
>;
export type EscalatieGestart = Event<
  typeof ESCALATIE_GESTART,
  {
    readonly herinneringId: string;
    readonly afspraakId: string;
    readonly deadlineId: string;
    readonly versie: number;
    readonly niveau: 'coordinator' | 'bestuurlijk-overleg';
    readonly due: string;
    readonly overlegDatum: string | null;
    readonly gestartOp: string;
  }
>;

export type HerinneringEvent = HerinneringVerzendingGestart | HerinneringVerstuurd | HerinneringNietVerstuurd | EscalatieGestart;

export const HERINNERING_EVENT_TYPES: readonly HerinneringEvent['type'][] = [
  HERINNERING_VERZENDING_GESTART,
  HERINNERING_VERSTUURD,
  HERINNERING_NIET_VERSTUURD,
  ESCALATIE_GESTART,
];

export type VerzendStatus =
  | { readonly status: 'nieuw'; readonly pogingen: number }
  | { readonly status: 'geclaimd'; readonly poging: number; readonly claim: string; readonly gestartOp: string }
  | { readonly status: 'verstuurd'; readonly berichtId: string; readonly verstuurdOp: string }
  | { readonly status: 'mislukt'; readonly reden: string };

export type Verzendlog = ReadonlyMap<string, VerzendStatus>;

export const statusVan = (log: Verzendlog, verzendingId: string): VerzendStatus => log.get(verzendingId) ?? { status: 'nieuw', pogingen: 0 };

export const evolveVerzendlog = (log: Map<string, VerzendStatus>, event: HerinneringEvent): Map<string, VerzendStatus> => {
  switch (event.type) {
    case HERINNERING_VERZENDING_GESTART: {
      const huidig = statusVan(log, event.data.verzendingId);
      // A second claim of the same attempt (same event id) is never stored; a stale one changes nothing.
      if (huidig.status === 'nieuw' && event.data.poging === huidig.pogingen) {
        log.set(event.data.verzendingId, { status: 'geclaimd', poging: event.data.poging, claim: event.data.claim, gestartOp: event.data.gestartOp });
      }
      return log;
    }
    case HERINNERING_VERSTUURD:
      log.set(event.data.verzendingId, { status: 'verstuurd', berichtId: event.data.berichtId, verstuurdOp: event.data.verstuurdOp });
      return log;
    case HERINNERING_NIET_VERSTUURD: {
      if (statusVan(log, event.data.verzendingId).status === 'verstuurd') return log;
      log.set(
        event.data.verzendingId,
        event.data.definitief ? { status: 'mislukt', reden: event.data.reden } : { status: 'nieuw', pogingen: event.data.poging + 1 },
      );
      return log;
    }
    case ESCALATIE_GESTART:
      return log;
    default: {
      const _exhaustive: never = event;
      return log;
    }
  }
};

export const verzendlog = (events: Iterable<HerinneringEvent>): Map<string, VerzendStatus> => {
  const log = new Map<string, VerzendStatus>();
  for (const event of events) evolveVerzendlog(log, event);
  return log;
};

export type VerzendBesluit =
  | { readonly soort: 'claim'; readonly poging: number }
  | { readonly soort: 'klaar'; readonly reden: 'al verstuurd' | 'onbevestigd' | 'definitief mislukt' };

/**
 * Whether a delivery may be attempted. A claim without a confirmation means a sender stopped
 * between claiming and recording (killed mid-send): it may or may not have gone out, and we do
 * not send it again (at most once); it is listed as `onbevestigd` for a coordinator to check.
 */
export const beslisVerzending = (log: Verzendlog, verzendingId: string): VerzendBesluit => {
  const status = statusVan(log, verzendingId);
  switch (status.status) {
    case 'nieuw':
      return { soort: 'claim', poging: status.pogingen };
    case 'geclaimd':
      return { soort: 'klaar', reden: 'onbevestigd' };
    case 'verstuurd':
      return { soort: 'klaar', reden: 'al verstuurd' };
    case 'mislukt':
      return { soort: 'klaar', reden: 'definitief mislukt' };
    default: {
      const _exhaustive: never = status;
      throw new Error('onbekende verzendstatus');
    }
  }
};

export const verzendingId = (herinneringId: string, partijId: string, contactId: string | null): string =>
  `${herinneringId}.${partijId}.${contactId ?? 'inbox'}`;

export const herinneringenStream = (afspraakId: string): string => `herinneringen-${afspraakId}`;
