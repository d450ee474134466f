import type { Event } from '../shared/event';
import { upcast, upcasters, storedSchemaVersion, type StoredEvent } from '../shared/upcasting';
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

/** Schema version per event type, and the upcasters from older versions (none yet: every type is at 1). */
export const herinneringUpcasters = upcasters<HerinneringEvent>({
  [HERINNERING_VERZENDING_GESTART]: { version: 1 },
  [HERINNERING_VERSTUURD]: { version: 1 },
  [HERINNERING_NIET_VERSTUURD]: { version: 1 },
  [ESCALATIE_GESTART]: { version: 1 },
});

export const isHerinneringEvent = (event: { type: string }): event is HerinneringEvent => Object.hasOwn(herinneringUpcasters, event.type);

/** A stored event of a herinneringen stream as the current domain event; any other type fails. */
export const decodeHerinneringEvent = (recorded: StoredEvent): HerinneringEvent =>
  upcast(herinneringUpcasters, recorded.type, storedSchemaVersion(recorded), recorded.data);

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
      // A claim for the next attempt takes over one whose sender died (see beslisVerzending).
      const opvolger = huidig.status === 'geclaimd' && event.data.poging === huidig.poging + 1;
      if ((huidig.status === 'nieuw' && event.data.poging === huidig.pogingen) || opvolger) {
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
  | { readonly soort: 'wacht'; readonly tot: string }
  | { readonly soort: 'klaar'; readonly reden: 'al verstuurd' | 'onbevestigd' | 'definitief mislukt' };

/** Longer than any live send may take (the SMTP and webhook timeouts are shorter), so only a dead sender's claim expires. */
export const CLAIM_TERMIJN_MS = 60_000;

/**
 * Whether a delivery may be attempted. A claim without a confirmation means a sender is busy or
 * stopped between claiming and recording (killed mid-send). While the claim is young we wait;
 * once it is older than any live send can take, its sender is dead and the next attempt takes
 * over, with the same Message-ID / delivery id, so a message that did go out before the crash
 * arrives as a duplicate the receiver recognises, and one that did not go out is not lost.
 * Without `nu` (listings) such a claim is reported as `onbevestigd`.
 */
export const beslisVerzending = (log: Verzendlog, verzendingId: string, nu?: string, claimTermijnMs = CLAIM_TERMIJN_MS): VerzendBesluit => {
  const status = statusVan(log, verzendingId);
  switch (status.status) {
    case 'nieuw':
      return { soort: 'claim', poging: status.pogingen };
    case 'geclaimd': {
      if (nu === undefined) return { soort: 'klaar', reden: 'onbevestigd' };
      const verloopt = Date.parse(status.gestartOp) + claimTermijnMs;
      return Date.parse(nu) >= verloopt ? { soort: 'claim', poging: status.poging + 1 } : { soort: 'wacht', tot: new Date(verloopt).toISOString() };
    }
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
