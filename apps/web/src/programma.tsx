import { useState } from 'preact/hooks';
import { api, enc, positieNaCommando, q } from './api';
import { useLaad } from './components';
import { t } from './i18n';
import type { AfspraakStatusWeergave, IkWeergave, Lijst } from './typen';

interface ProgrammaRegel {
  readonly programmaId: string;
  readonly naam: string;
}

/** The programme a page shows: the key's own, else the first the key may see, with a switch when there are more. */
export const useProgramma = (ik: IkWeergave) => {
  const lijst = useLaad(() => api<{ programmas: ProgrammaRegel[] }>('/programmas').then((r) => r.programmas), []);
  const [gekozen, kies] = useState<string | null>(ik.programmaId);
  const programmaId = gekozen ?? lijst.data?.find((p) => p.programmaId === 'TAZ')?.programmaId ?? lijst.data?.[0]?.programmaId ?? null;
  const keuze =
    (lijst.data?.length ?? 0) > 1 && !ik.programmaId ? (
      <label class="programma-keuze">
        {t('programma')}
        <select data-testid="programma-keuze" value={programmaId ?? ''} onChange={(e) => kies((e.currentTarget as HTMLSelectElement).value)}>
          {lijst.data!.map((p) => (
            <option key={p.programmaId} value={p.programmaId}>
              {p.naam} ({p.programmaId})
            </option>
          ))}
        </select>
      </label>
    ) : null;
  return { programmaId, keuze, fout: lijst.fout };
};

/** Every afspraak of a programme, page by page (the API gives at most 200 a page). */
export const alleAfspraken = async (programmaId: string): Promise<AfspraakStatusWeergave[]> => {
  const items: AfspraakStatusWeergave[] = [];
  for (let pagina = 1; pagina <= 50; pagina++) {
    const lijst = await api<Lijst<AfspraakStatusWeergave>>(`/afspraken${q({ programma: programmaId, perPagina: 200, pagina, naPositie: positieNaCommando() })}`);
    items.push(...lijst.items);
    if (pagina >= lijst.aantalPaginas) break;
  }
  return items;
};

export const overzichtPad = (programmaId: string, extra: Record<string, string | undefined> = {}) =>
  `/programmas/${enc(programmaId)}/overzicht${q({ naPositie: positieNaCommando(), ...extra })}`;
