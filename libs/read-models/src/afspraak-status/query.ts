import type { BestaandeAfspraak, DeadlineStatus, Leesbereik, StatusOpties } from '@afspraken/domain';
import type { SqlExecutor } from '@afspraken/event-store';
import { AFSPRAKEN_TABEL } from './projectie';
import { afspraakStatusWeergave, type AfspraakStatusWeergave } from './weergave';

export interface AfspraakFilter {
  readonly programmaId?: string;
  readonly programmalijnId?: string;
  readonly opgaveId?: string;
  readonly partijId?: string;
  /** `2023-Q2`: afspraken with a milestone due in that quarter. */
  readonly kwartaal?: string;
  readonly soort?: BestaandeAfspraak['soort'];
  /** Judged at the peilmoment, so filtered after the SQL. */
  readonly statussen?: readonly DeadlineStatus[];
  /** Only afspraken still running (not completed, not withdrawn). */
  readonly alleenLopend?: boolean;
  /** The reader's scope (the domain's `leesbereik`): applied in SQL, so totals and pages count only what it may read. */
  readonly bereik?: Leesbereik;
}

const sortering = (a: AfspraakStatusWeergave, b: AfspraakStatusWeergave): number =>
  a.eerstvolgendeDueAt === b.eerstvolgendeDueAt
    ? a.afspraakId.localeCompare(b.afspraakId)
    : a.eerstvolgendeDueAt === null
      ? 1
      : b.eerstvolgendeDueAt === null
        ? -1
        : a.eerstvolgendeDueAt.localeCompare(b.eerstvolgendeDueAt);

/** Filters on indexed columns in SQL, then judges each afspraak at the peilmoment; soonest deadline first. */
export const zoekAfspraken = async (db: SqlExecutor, schema: string, filter: AfspraakFilter, opties: StatusOpties): Promise<AfspraakStatusWeergave[]> => {
  const voorwaarden: string[] = [];
  const params: unknown[] = [];
  const voeg = (sql: (p: string) => string, waarde: unknown) => {
    params.push(waarde);
    voorwaarden.push(sql(`$${params.length}`));
  };
  if (filter.programmaId) voeg((p) => `programma_id = ${p}`, filter.programmaId);
  if (filter.programmalijnId) voeg((p) => `programmalijn_id = ${p}`, filter.programmalijnId);
  if (filter.opgaveId) voeg((p) => `opgave_id = ${p}`, filter.opgaveId);
  if (filter.partijId) voeg((p) => `partijen @> ARRAY[${p}::text]`, filter.partijId);
  if (filter.kwartaal) voeg((p) => `kwartalen @> ARRAY[${p}::text]`, filter.kwartaal);
  if (filter.soort) voeg((p) => `soort = ${p}`, filter.soort);
  if (filter.alleenLopend) voorwaarden.push(`levenscyclus = 'lopend'`);
  if (filter.bereik?.programmaId != null) voeg((p) => `programma_id = ${p}`, filter.bereik.programmaId);
  if (filter.bereik?.partijId != null) voeg((p) => `partijen @> ARRAY[${p}::text]`, filter.bereik.partijId);
  const { rows } = await db.query<{ document: BestaandeAfspraak }>(
    `SELECT document FROM "${schema}".${AFSPRAKEN_TABEL} ${voorwaarden.length ? `WHERE ${voorwaarden.join(' AND ')}` : ''} ORDER BY sleutel`,
    params,
  );
  const statussen = filter.statussen?.length ? new Set(filter.statussen) : null;
  return rows
    .map((r) => afspraakStatusWeergave(r.document, opties))
    .filter((w) => !statussen || statussen.has(w.status))
    .sort(sortering);
};

export const afspraakDocument = async (db: SqlExecutor, schema: string, afspraakId: string): Promise<BestaandeAfspraak | null> => {
  const { rows } = await db.query<{ document: BestaandeAfspraak }>(`SELECT document FROM "${schema}".${AFSPRAKEN_TABEL} WHERE sleutel = $1`, [afspraakId]);
  return rows[0]?.document ?? null;
};

export interface Pagina {
  readonly pagina: number;
  readonly perPagina: number;
}

export interface Lijst<T> extends Pagina {
  readonly items: readonly T[];
  readonly totaal: number;
  readonly aantalPaginas: number;
}

export const pagineer = <T>(items: readonly T[], { pagina, perPagina }: Pagina): Lijst<T> => ({
  items: items.slice((pagina - 1) * perPagina, pagina * perPagina),
  totaal: items.length,
  pagina,
  perPagina,
  aantalPaginas: Math.max(1, Math.ceil(items.length / perPagina)),
});
