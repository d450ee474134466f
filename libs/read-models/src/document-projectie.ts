import type { RecordedEvent, SqlExecutor } from '@afspraken/event-store';
import type { Projectie, Tabellen } from './projectie';

export type KolomType = 'text' | 'text[]' | 'timestamptz' | 'bigint';

export interface DocumentProjectieDefinitie<D> {
  readonly naam: string;
  readonly tabel: string;
  /** Indexed columns next to the document, for filtering in SQL. */
  readonly kolommen: Readonly<Record<string, KolomType>>;
  /** Extra indexes, as the part after `ON <tabel>`, e.g. `USING gin (partijen)`. */
  readonly indexen?: readonly string[];
  /** The document this event belongs to, or null when the event is not for this read model. */
  sleutel(event: RecordedEvent): string | null;
  /** Pure: the next document. Time comes only from the event. */
  evolve(document: D | null, event: RecordedEvent): D | null;
  /** The indexed columns of a document. */
  kolomwaarden(document: D): Readonly<Record<string, unknown>>;
}

/**
 * One JSONB document per key (an afspraak, a programme, a party) plus indexed columns. A batch
 * costs two statements however many events it holds: read the touched documents, upsert them all.
 */
export const documentProjectie = <D>(def: DocumentProjectieDefinitie<D>): Projectie & { readonly definitie: DocumentProjectieDefinitie<D> } => {
  const kolomNamen = Object.keys(def.kolommen);
  const maakIndexen = async (tx: SqlExecutor, tabellen: Tabellen) => {
    // Unnamed indexes: PostgreSQL picks unique names, so a shadow copy never clashes with the live one.
    for (const index of def.indexen ?? []) await tx.exec(`CREATE INDEX ON ${tabellen[def.tabel]} ${index}`);
  };
  return {
    naam: def.naam,
    tabellen: [def.tabel],
    definitie: def,
    sleutel: def.sleutel,

    async maakTabellen(tx: SqlExecutor, tabellen: Tabellen, opties = { voorHerbouw: false }) {
      const t = tabellen[def.tabel];
      const kolommen = kolomNamen.map((k) => `${k} ${def.kolommen[k]}`).join(',\n');
      const { rows } = await tx.query<{ bestaat: boolean }>('SELECT to_regclass($1) IS NOT NULL AS bestaat', [t]);
      if (rows[0].bestaat) return;
      await tx.exec(`
        CREATE ${opties.voorHerbouw ? 'UNLOGGED ' : ''}TABLE ${t} (
          sleutel  text   PRIMARY KEY,
          positie  bigint NOT NULL,
          ${kolommen}${kolommen ? ',' : ''}
          document jsonb  NOT NULL
        );
      `);
      if (!opties.voorHerbouw) await maakIndexen(tx, tabellen);
    },

    maakIndexen,

    async verwerk(tx: SqlExecutor, events: readonly RecordedEvent[], tabellen: Tabellen) {
      const t = tabellen[def.tabel];
      const perSleutel = new Map<string, RecordedEvent[]>();
      for (const event of events) {
        const sleutel = def.sleutel(event);
        if (sleutel === null) continue;
        const lijst = perSleutel.get(sleutel);
        if (lijst) lijst.push(event);
        else perSleutel.set(sleutel, [event]);
      }
      if (perSleutel.size === 0) return;

      const { rows } = await tx.query<{ sleutel: string; document: D }>(`SELECT sleutel, document FROM ${t} WHERE sleutel = ANY($1::text[])`, [
        [...perSleutel.keys()],
      ]);
      const bestaand = new Map(rows.map((r) => [r.sleutel, r.document]));
      const rijen: Record<string, unknown>[] = [];
      const weg: string[] = [];
      for (const [sleutel, lijst] of perSleutel) {
        let document: D | null = bestaand.get(sleutel) ?? null;
        for (const event of lijst) document = def.evolve(document, event);
        if (document === null) {
          weg.push(sleutel);
          continue;
        }
        rijen.push({ sleutel, positie: lijst[lijst.length - 1].position, ...def.kolomwaarden(document), document });
      }
      if (rijen.length) {
        const alle = ['sleutel', 'positie', ...kolomNamen, 'document'];
        const typen: Record<string, string> = { sleutel: 'text', positie: 'bigint', ...def.kolommen, document: 'jsonb' };
        await tx.query(
          `INSERT INTO ${t} (${alle.join(', ')})
           SELECT ${alle.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${alle.map((k) => `${k} ${typen[k]}`).join(', ')})
           ON CONFLICT (sleutel) DO UPDATE SET ${alle.filter((k) => k !== 'sleutel').map((k) => `${k} = excluded.${k}`).join(', ')}`,
          [JSON.stringify(rijen)],
        );
      }
      if (weg.length) await tx.query(`DELETE FROM ${t} WHERE sleutel = ANY($1::text[])`, [weg]);
    },
  };
};
