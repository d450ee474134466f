import type { RecordedEvent, SqlExecutor } from '@afspraken/event-store';

/** Qualified table names of one build of a projection: the live tables, or the shadow copies of a rebuild. */
export type Tabellen = Readonly<Record<string, string>>;

/**
 * A read model kept from the global stream. `verwerk` gets a batch in position order and must be
 * deterministic and free of side effects: a rebuild from position 0 gives the very same rows.
 * A rebuild uses `herbouwer` when there is one, else `verwerk` page by page.
 */
export interface Projectie {
  /** Stable name: key of the checkpoint and argument of `projecties herbouw <naam>`. */
  readonly naam: string;
  /** Base names of the tables it owns, e.g. `rm_afspraken`. */
  readonly tabellen: readonly string[];
  /**
   * Creates the tables when missing. A rebuild asks for them without secondary indexes: it builds
   * those from `indexen` once at the end, which is cheaper than keeping them up page by page.
   */
  maakTabellen(tx: SqlExecutor, tabellen: Tabellen, opties?: { readonly voorHerbouw: boolean }): Promise<void>;
  /** The statements that create the secondary indexes; a rebuild runs them side by side. */
  indexen?(tabellen: Tabellen): readonly string[];
  verwerk(tx: SqlExecutor, events: readonly RecordedEvent[], tabellen: Tabellen): Promise<void>;
  /**
   * For a rebuild: folds page after page, remembering what the last `diepte` pages stored, so that
   * many pages' writes may be in flight while the next page is computed.
   */
  herbouwer?(tabellen: Tabellen, diepte: number): Herbouwer;
}

export interface Herbouwer {
  /**
   * Folds a page onto the documents and returns its write. Reads from `db` only keys that none of
   * the last `diepte` pages touched; the caller keeps at most `diepte` writes in flight, so those
   * keys' last writes have committed. Writes may commit out of order: a newer document wins.
   */
  bereken(db: SqlExecutor, events: readonly RecordedEvent[]): Promise<Schrijfopdracht>;
}

export interface Schrijfopdracht {
  /** Deletions are not ordered by position: the caller writes such a page alone. */
  readonly verwijdert: boolean;
  schrijf(tx: SqlExecutor): Promise<void>;
}

const NAAM = /^[a-z_][a-z0-9_]{0,62}$/;

/** `"schema".tabel`, or the rebuild's shadow `"schema".tabel__herbouw`. */
export const tabellenVoor = (schema: string, projectie: Projectie, achtervoegsel = ''): Tabellen => {
  if (!NAAM.test(schema)) throw new Error(`Ongeldige schemanaam: ${schema}`);
  return Object.fromEntries(
    projectie.tabellen.map((t) => {
      if (!NAAM.test(`${t}${achtervoegsel}`)) throw new Error(`Ongeldige tabelnaam: ${t}${achtervoegsel}`);
      return [t, `"${schema}"."${t}${achtervoegsel}"`];
    }),
  );
};
