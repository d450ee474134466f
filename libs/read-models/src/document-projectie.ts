import type { KnownEvent } from '@afspraken/domain';
import type { RecordedEvent, SqlExecutor } from '@afspraken/event-store';
import type { Herbouwer, Projectie, Tabellen } from './projectie';

export type KolomType = 'text' | 'text[]' | 'timestamptz' | 'bigint';

export interface DocumentProjectieDefinitie<D, E = KnownEvent> {
  readonly naam: string;
  readonly tabel: string;
  /** Indexed columns next to the document, for filtering in SQL. */
  readonly kolommen: Readonly<Record<string, KolomType>>;
  /** Extra indexes, as the part after `ON <tabel>`, e.g. `USING gin (partijen)`. */
  readonly indexen?: readonly string[];
  /** Stored event to domain event, once per event: `decodeEvent` (null for a type this release does not know: skipped). */
  decode(recorded: RecordedEvent): E | null;
  /** The document this event belongs to, or null when the event is not for this read model. */
  sleutel(event: E): string | null;
  /** Pure: the next document. Time comes only from the event. */
  evolve(document: D | null, event: E): D | null;
  /** The indexed columns of a document. */
  kolomwaarden(document: D): Readonly<Record<string, unknown>>;
}

/** The decoded events of one document, and the position of the last. */
interface Groep<E> {
  readonly events: E[];
  positie: number;
}

/** A folded batch: the rows to write, the keys to delete, and each touched key's document as stored. */
interface Uitkomst {
  readonly rijen: Record<string, unknown>[];
  /** The documents of `rijen`, in the same order, as JSON text. */
  readonly documenten: string[];
  readonly weg: string[];
  /** Per touched key: the stored JSON text, or null when deleted. */
  readonly opgeslagen: Map<string, string | null>;
}

/**
 * One JSON document per key (an afspraak, a programme, a party) plus indexed columns. A batch
 * costs two statements however many events it holds: read the touched documents, upsert them all.
 *
 * Documents are stored as `json`, the text as written, not `jsonb`: nothing queries inside them,
 * and `json` costs PostgreSQL a syntax check instead of a conversion on every write and every read.
 */
export const documentProjectie = <D, E = KnownEvent>(def: DocumentProjectieDefinitie<D, E>): Projectie & { readonly definitie: DocumentProjectieDefinitie<D, E> } => {
  const kolomNamen = Object.keys(def.kolommen);
  const gereserveerd = kolomNamen.filter((k) => ['sleutel', 'positie', 'document', 'documentnummer'].includes(k));
  if (gereserveerd.length) throw new Error(`Projectie ${def.naam}: kolomnaam ${gereserveerd.join(', ')} is gereserveerd`);
  const velden = ['sleutel', 'positie', ...kolomNamen];
  const typen: Record<string, string> = { sleutel: 'text', positie: 'bigint', ...def.kolommen };
  const upsert = (t: string) => `
    INSERT INTO ${t} AS huidig (${velden.join(', ')}, document)
    SELECT ${velden.map((k) => `r.${k}`).join(', ')}, d.document::json
      FROM jsonb_to_recordset($1::jsonb) AS r(${velden.map((k) => `${k} ${typen[k]}`).join(', ')}, documentnummer bigint)
      JOIN unnest(string_to_array($2, E'\\n')) WITH ORDINALITY AS d(document, documentnummer) USING (documentnummer)
     -- One order of row locks for every write: two rebuild writes in flight never deadlock.
     ORDER BY r.sleutel
    ON CONFLICT (sleutel) DO UPDATE SET ${[...velden.slice(1), 'document'].map((k) => `${k} = excluded.${k}`).join(', ')}
     -- Newer wins: a rebuild may commit two pages' writes out of order.
     WHERE huidig.positie < excluded.positie`;

  // Decoded once per event; a type this release does not know is skipped.
  const groepeer = (events: readonly RecordedEvent[]): Map<string, Groep<E>> => {
    const perSleutel = new Map<string, Groep<E>>();
    for (const recorded of events) {
      const event = def.decode(recorded);
      if (event === null) continue;
      const sleutel = def.sleutel(event);
      if (sleutel === null) continue;
      const groep = perSleutel.get(sleutel);
      if (groep) {
        groep.events.push(event);
        groep.positie = recorded.position;
      } else perSleutel.set(sleutel, { events: [event], positie: recorded.position });
    }
    return perSleutel;
  };
  const lees = async (db: SqlExecutor, t: string, sleutels: string[]): Promise<Map<string, D>> => {
    const { rows } = await db.query<{ sleutel: string; document: D }>(`SELECT sleutel, document FROM ${t} WHERE sleutel = ANY($1::text[])`, [sleutels]);
    return new Map(rows.map((r) => [r.sleutel, r.document]));
  };
  const vouw = (perSleutel: Map<string, Groep<E>>, bestaand: ReadonlyMap<string, D>): Uitkomst => {
    const rijen: Record<string, unknown>[] = [];
    const documenten: string[] = [];
    const weg: string[] = [];
    const opgeslagen = new Map<string, string | null>();
    for (const [sleutel, groep] of perSleutel) {
      let document: D | null = bestaand.get(sleutel) ?? null;
      for (const event of groep.events) document = def.evolve(document, event);
      if (document === null) {
        weg.push(sleutel);
        opgeslagen.set(sleutel, null);
        continue;
      }
      // JSON.stringify never writes a raw newline, so one joins the documents of a batch.
      const tekst = JSON.stringify(document);
      rijen.push({ sleutel, positie: groep.positie, ...def.kolomwaarden(document), documentnummer: rijen.length + 1 });
      documenten.push(tekst);
      opgeslagen.set(sleutel, tekst);
    }
    return { rijen, documenten, weg, opgeslagen };
  };
  const schrijf = async (tx: SqlExecutor, t: string, { rijen, documenten, weg }: Uitkomst): Promise<void> => {
    if (rijen.length) await tx.query(upsert(t), [JSON.stringify(rijen), documenten.join('\n')]);
    if (weg.length) await tx.query(`DELETE FROM ${t} WHERE sleutel = ANY($1::text[])`, [weg]);
  };
  // Unnamed indexes: PostgreSQL picks unique names, so a shadow copy never clashes with the live one.
  const indexen = (tabellen: Tabellen) => (def.indexen ?? []).map((index) => `CREATE INDEX ON ${tabellen[def.tabel]} ${index}`);
  return {
    naam: def.naam,
    tabellen: [def.tabel],
    definitie: def,

    async maakTabellen(tx: SqlExecutor, tabellen: Tabellen, opties = { voorHerbouw: false }) {
      const t = tabellen[def.tabel];
      const kolommen = kolomNamen.map((k) => `${k} ${def.kolommen[k]}`).join(',\n');
      const { rows } = await tx.query<{ bestaat: boolean }>('SELECT to_regclass($1) IS NOT NULL AS bestaat', [t]);
      if (rows[0].bestaat) return;
      await tx.exec(`
        CREATE TABLE ${t} (
          sleutel  text   PRIMARY KEY,
          positie  bigint NOT NULL,
          ${kolommen}${kolommen ? ',' : ''}
          document json   NOT NULL
        );
      `);
      if (!opties.voorHerbouw) for (const index of indexen(tabellen)) await tx.exec(index);
    },

    indexen,

    async verwerk(tx: SqlExecutor, events: readonly RecordedEvent[], tabellen: Tabellen) {
      const t = tabellen[def.tabel];
      const perSleutel = groepeer(events);
      if (perSleutel.size === 0) return;
      await schrijf(tx, t, vouw(perSleutel, await lees(tx, t, [...perSleutel.keys()])));
    },

    herbouwer(tabellen: Tabellen, diepte: number): Herbouwer {
      const t = tabellen[def.tabel];
      // What the last `diepte` pages stored, newest first: their writes may not have committed yet.
      const recent: Map<string, string | null>[] = [];
      return {
        async bereken(db: SqlExecutor, events: readonly RecordedEvent[]) {
          const perSleutel = groepeer(events);
          const bestaand = new Map<string, D>();
          const onbekend: string[] = [];
          for (const sleutel of perSleutel.keys()) {
            const pagina = recent.find((r) => r.has(sleutel));
            if (!pagina) onbekend.push(sleutel);
            else {
              // Parsed from the text, as a read from the table would be: the same input, the same bytes out.
              const tekst = pagina.get(sleutel);
              if (tekst) bestaand.set(sleutel, JSON.parse(tekst) as D);
            }
          }
          if (onbekend.length) for (const [sleutel, document] of await lees(db, t, onbekend)) bestaand.set(sleutel, document);
          const uitkomst = vouw(perSleutel, bestaand);
          recent.unshift(uitkomst.opgeslagen);
          recent.length = Math.min(recent.length, diepte);
          return { verwijdert: uitkomst.weg.length > 0, schrijf: (tx: SqlExecutor) => schrijf(tx, t, uitkomst) };
        },
      };
    },
  };
};
