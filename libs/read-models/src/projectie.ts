import type { RecordedEvent, SqlExecutor } from '@afspraken/event-store';

/** Qualified table names of one build of a projection: the live tables, or the shadow copies of a rebuild. */
export type Tabellen = Readonly<Record<string, string>>;

/**
 * A read model kept from the global stream. `verwerk` gets a batch in position order and must be
 * deterministic and free of side effects: a rebuild from position 0 gives the very same rows.
 */
export interface Projectie {
  /** Stable name: key of the checkpoint and argument of `projecties herbouw <naam>`. */
  readonly naam: string;
  /** Base names of the tables it owns, e.g. `rm_afspraken`. */
  readonly tabellen: readonly string[];
  /**
   * Creates the tables when missing. A rebuild asks for them without secondary indexes (added by
   * `maakIndexen` at the end) and unlogged (made logged before the swap): both make a bulk build cheaper.
   */
  maakTabellen(tx: SqlExecutor, tabellen: Tabellen, opties?: { readonly voorHerbouw: boolean }): Promise<void>;
  /** Secondary indexes: a rebuild adds them once at the end, which is cheaper than keeping them up per batch. */
  maakIndexen?(tx: SqlExecutor, tabellen: Tabellen): Promise<void>;
  verwerk(tx: SqlExecutor, events: readonly RecordedEvent[], tabellen: Tabellen): Promise<void>;
  /**
   * The document an event belongs to, if the projection keeps one per key. Events of different
   * keys are independent, so a rebuild may apply them on several connections at once.
   */
  sleutel?(event: RecordedEvent): string | null;
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
