import { stringify } from 'csv-stringify/sync';
import { NotFoundError, beschrijf, decodeAfspraakEvent, streams } from '@afspraken/domain';
import type { EventStore } from '@afspraken/event-store';
import type { EventMetadata } from '@afspraken/application';

export interface HistorieRegel {
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly samenvatting: string;
  readonly actor: string | null;
  readonly rol: string | null;
  readonly partijId: string | null;
  readonly vastgelegdOp: string | null;
  readonly effectiefOp: string | null;
  readonly data: object;
  readonly metadata: object;
}

/**
 * Every event of one afspraak, straight from its stream: who, what (readable and raw), when recorded and when
 * effective. No read rule here: the caller asks it first (the api's route; the CLI reads as the system).
 */
export const afspraakGeschiedenis = async (store: EventStore, afspraakId: string): Promise<HistorieRegel[]> => {
  const events = await store.readStream(streams.afspraak(afspraakId));
  if (events.length === 0) throw new NotFoundError('AFSPRAAK_ONBEKEND', `Afspraak ${afspraakId} bestaat niet`);
  return events.map((e) => {
    const m = e.metadata as Partial<EventMetadata>;
    return {
      revision: e.revision,
      position: e.position,
      type: e.type,
      samenvatting: beschrijf(decodeAfspraakEvent(e)),
      actor: m.actor ?? null,
      rol: m.rol ?? null,
      partijId: m.partijId ?? null,
      vastgelegdOp: m.recordedAt ?? e.createdAt,
      effectiefOp: m.effectiveAt ?? m.recordedAt ?? null,
      data: e.data,
      metadata: e.metadata,
    };
  });
};

export const HISTORIE_FORMATEN = ['json', 'csv'] as const;
export type HistorieFormaat = (typeof HISTORIE_FORMATEN)[number];

const CSV_KOLOMMEN = ['revisie', 'positie', 'type', 'samenvatting', 'actor', 'rol', 'partijId', 'vastgelegdOp', 'effectiefOp', 'data', 'previousHash', 'hash'];

/**
 * The history as CSV (RFC 4180 quoting by csv-stringify, also for a lone line break); raw data as JSON in one cell. A cell
 * that starts like a formula is prefixed so a spreadsheet shows it instead of running it.
 */
export const historieAlsCsv = (regels: readonly HistorieRegel[]): string =>
  stringify(
    regels.map((r) => {
      const m = r.metadata as Partial<EventMetadata>;
      return [r.revision, r.position, r.type, r.samenvatting, r.actor, r.rol, r.partijId, r.vastgelegdOp, r.effectiefOp, JSON.stringify(r.data), m.previousHash ?? null, m.hash ?? null];
    }),
    { header: true, columns: CSV_KOLOMMEN, escape_formulas: true, record_delimiter: 'windows', quoted_match: /[\r\n]/, bom: false },
  );
