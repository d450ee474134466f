import type { Leesbereik, StatusOpties } from '@afspraken/domain';
import type { SqlExecutor } from '@afspraken/event-store';
import { zoekAfspraken } from '../afspraak-status/query';
import type { AfspraakStatusWeergave } from '../afspraak-status/weergave';
import { PARTIJEN_TABEL, type PartijDocument } from '../partijen/projectie';

export interface PartijAfspraken {
  readonly partij: PartijDocument | null;
  readonly aantallen: { readonly open: number; readonly verlopen: number; readonly binnenkort: number };
  /** Running afspraken and acties of the party (trekker or betrokken) within the reader's scope, soonest deadline first. */
  readonly open: readonly AfspraakStatusWeergave[];
}

/** Counts and lines alike cover only what `bereik` may read: a party's counts are not programme-wide. */
export const partijAfspraken = async (db: SqlExecutor, schema: string, partijId: string, opties: StatusOpties, bereik?: Leesbereik): Promise<PartijAfspraken> => {
  const { rows } = await db.query<{ document: PartijDocument }>(`SELECT document FROM "${schema}".${PARTIJEN_TABEL} WHERE sleutel = $1`, [partijId]);
  const open = await zoekAfspraken(db, schema, { partijId, alleenLopend: true, bereik }, opties);
  return {
    partij: rows[0]?.document ?? null,
    aantallen: {
      open: open.length,
      verlopen: open.filter((a) => a.status === 'verlopen').length,
      binnenkort: open.filter((a) => a.status === 'binnenkort').length,
    },
    open,
  };
};
