import type { SqlExecutor } from '@afspraken/event-store';
import { PROGRAMMAS_TABEL, type ProgrammaDocument } from './projectie';

/** Every programme in the read model, by id. */
export const alleProgrammas = async (db: SqlExecutor, schema: string): Promise<ProgrammaDocument[]> => {
  const { rows } = await db.query<{ document: ProgrammaDocument }>(`SELECT document FROM "${schema}".${PROGRAMMAS_TABEL} ORDER BY sleutel`);
  return rows.map((r) => r.document);
};

export interface Lijn {
  readonly voorganger: string | null;
  readonly opvolger: string | null;
}

/**
 * The lineage of a programme as either side names it: WIDZ naming TAZ as its opvolger makes WIDZ
 * TAZ's voorganger. Links from older documents (before lineage existed) are absent, not errors.
 */
export const lijnVan = (programma: Pick<ProgrammaDocument, 'programmaId'> & Partial<Lijn>, alle: readonly ProgrammaDocument[]): Lijn => ({
  voorganger: programma.voorganger ?? alle.find((p) => p.opvolger === programma.programmaId)?.programmaId ?? null,
  opvolger: programma.opvolger ?? alle.find((p) => p.voorganger === programma.programmaId)?.programmaId ?? null,
});

/** Afspraken of other programmes that carry out an afspraak of this one. */
export const bijdragenAan = (programmaId: string, alle: readonly ProgrammaDocument[]) =>
  alle.flatMap((p) => (p.bijdragen ?? []).filter((b) => b.doelProgrammaId === programmaId && p.programmaId !== programmaId).map((b) => ({ ...b, programmaId: p.programmaId })));
