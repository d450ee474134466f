import { decodeEvent, evolveIndicator, initialIndicator, isIndicatorEvent, type Indicator, type KnownEvent } from '@afspraken/domain';
import type { SqlExecutor } from '@afspraken/event-store';
import { documentProjectie } from '../document-projectie';

export const INDICATOREN = 'indicatoren';
export const INDICATOREN_TABEL = 'rm_indicatoren';

export type IndicatorDocument = Exclude<Indicator, { status: 'onbekend' }>;

const canHandle = isIndicatorEvent;

/** One document per indicator: its target, the afspraken it belongs to and every measurement. */
export const evolve = (document: IndicatorDocument | null, event: KnownEvent): IndicatorDocument | null => {
  if (!canHandle(event)) return document;
  const next = evolveIndicator(document ?? initialIndicator, event);
  return next.status === 'onbekend' ? null : next;
};

export const indicatorenProjectie = documentProjectie<IndicatorDocument>({
  naam: INDICATOREN,
  tabel: INDICATOREN_TABEL,
  kolommen: { programma: 'text' },
  indexen: ['(programma)'],
  decode: decodeEvent,
  sleutel: (event) => (canHandle(event) ? event.data.indicatorId : null),
  evolve,
  kolomwaarden: (d) => ({ programma: d.programmaId }),
});

export const indicatorenVan = async (db: SqlExecutor, schema: string, programmaId: string): Promise<IndicatorDocument[]> => {
  const { rows } = await db.query<{ document: IndicatorDocument }>(`SELECT document FROM "${schema}".${INDICATOREN_TABEL} WHERE programma = $1 ORDER BY sleutel`, [programmaId]);
  return rows.map((r) => r.document);
};
