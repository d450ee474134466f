import { DEADLINE_STATUSSEN, binnenLeesbereik, type DeadlineStatus, type Leesbereik, type StatusOpties, type Stoplicht } from '@afspraken/domain';
import type { SqlExecutor } from '@afspraken/event-store';
import { kwartaalVan } from '../afspraak-status/projectie';
import { zoekAfspraken } from '../afspraak-status/query';
import type { AfspraakStatusWeergave } from '../afspraak-status/weergave';
import { PROGRAMMAS_TABEL, type ProgrammaDocument } from '../programma-structuur/projectie';

export interface Telling {
  readonly aantal: number;
  readonly perStatus: Readonly<Record<DeadlineStatus, number>>;
  readonly stoplicht: Stoplicht;
}

export interface MijlpaalRegel {
  readonly afspraakId: string;
  readonly titel: string;
  readonly trekker: string;
  readonly deadlineId: string;
  readonly omschrijving: string;
  readonly phrase: string;
  readonly due: string;
  readonly dueAt: string;
  readonly status: DeadlineStatus;
}

export interface ProgrammaOverzicht {
  readonly programmaId: string;
  readonly naam: string | null;
  readonly totaal: Telling;
  readonly programmalijnen: readonly {
    readonly programmalijnId: string;
    readonly nummer: number | null;
    readonly naam: string | null;
    readonly telling: Telling;
    readonly opgaven: readonly { readonly opgaveId: string; readonly nummer: number | null; readonly naam: string | null; readonly telling: Telling }[];
  }[];
  /** Open milestones from the peilmoment's quarter on, per quarter. */
  readonly deadlinesPerKwartaal: readonly { readonly kwartaal: string; readonly mijlpalen: readonly MijlpaalRegel[] }[];
  /** Open milestones whose deadline has passed, longest overdue first; the first day after the deadline is 1 day late. */
  readonly verlopen: readonly (MijlpaalRegel & { readonly dagenTeLaat: number })[];
  /**
   * Open work without a due date, so someone can give it one (a re-plan with reason): milestones
   * whose phrase is vague or waits for its anchor, and afspraken without any milestone (deadlineId null).
   */
  readonly zonderTermijn: readonly ZonderTermijnRegel[];
}

export interface ZonderTermijnRegel {
  readonly afspraakId: string;
  readonly titel: string;
  readonly trekker: string;
  readonly deadlineId: string | null;
  readonly omschrijving: string | null;
  readonly phrase: string | null;
  readonly status: 'geen termijn' | 'wacht op anker';
  readonly wachtOp: string | null;
  readonly reden: string | null;
}

/** A group is as red as its worst member; blue when nothing in it has a date yet. */
export const stoplichtVanGroep = (statussen: readonly DeadlineStatus[]): Stoplicht => {
  if (statussen.includes('verlopen')) return 'rood';
  if (statussen.includes('binnenkort') || statussen.includes('geleverd te laat')) return 'oranje';
  const actief = statussen.filter((s) => s !== 'ingetrokken');
  if (actief.length === 0) return 'grijs';
  return actief.every((s) => s === 'geen termijn' || s === 'wacht op anker') ? 'blauw' : 'groen';
};

export const telling = (afspraken: readonly AfspraakStatusWeergave[]): Telling => {
  const perStatus = Object.fromEntries(DEADLINE_STATUSSEN.map((s) => [s, 0])) as Record<DeadlineStatus, number>;
  for (const a of afspraken) perStatus[a.status]++;
  return { aantal: afspraken.length, perStatus, stoplicht: stoplichtVanGroep(afspraken.map((a) => a.status)) };
};

const DAG_MS = 86_400_000;

/**
 * Pure: counts, traffic lights and deadline lists from judged afspraken. Counts are programme-wide;
 * the lines (ids, titles) only of the afspraken `metRegel` lets through.
 */
export const bouwOverzicht = (
  programmaId: string,
  programma: ProgrammaDocument | null,
  afspraken: readonly AfspraakStatusWeergave[],
  opties: StatusOpties,
  metRegel: (a: AfspraakStatusWeergave) => boolean = () => true,
): ProgrammaOverzicht => {
  const lijnIds = [...new Set([...(programma?.programmalijnen.map((l) => l.programmalijnId) ?? []), ...afspraken.flatMap((a) => (a.programmalijnId ? [a.programmalijnId] : []))])];
  const programmalijnen = lijnIds.map((programmalijnId) => {
    const lijn = programma?.programmalijnen.find((l) => l.programmalijnId === programmalijnId);
    const inLijn = afspraken.filter((a) => a.programmalijnId === programmalijnId);
    const opgaveIds = [
      ...new Set([
        ...(programma?.opgaven.filter((o) => o.programmalijnId === programmalijnId).map((o) => o.opgaveId) ?? []),
        ...inLijn.flatMap((a) => (a.opgaveId ? [a.opgaveId] : [])),
      ]),
    ];
    return {
      programmalijnId,
      nummer: lijn?.nummer ?? null,
      naam: lijn?.naam ?? null,
      telling: telling(inLijn),
      opgaven: opgaveIds.map((opgaveId) => {
        const opgave = programma?.opgaven.find((o) => o.opgaveId === opgaveId);
        return { opgaveId, nummer: opgave?.nummer ?? null, naam: opgave?.naam ?? null, telling: telling(inLijn.filter((a) => a.opgaveId === opgaveId)) };
      }),
    };
  });

  const open: MijlpaalRegel[] = afspraken
    .filter((a) => a.levenscyclus === 'lopend' && metRegel(a))
    .flatMap((a) =>
      a.mijlpalen
        .filter((m) => m.levering !== 'geaccepteerd' && m.due && m.dueAt)
        .map((m) => ({
          afspraakId: a.afspraakId,
          titel: a.titel,
          trekker: a.trekker,
          deadlineId: m.deadlineId,
          omschrijving: m.omschrijving,
          phrase: m.phrase,
          due: m.due as string,
          dueAt: m.dueAt as string,
          status: m.status,
        })),
    )
    .sort((x, y) => x.dueAt.localeCompare(y.dueAt) || x.afspraakId.localeCompare(y.afspraakId) || x.deadlineId.localeCompare(y.deadlineId));

  const nu = Date.parse(opties.peilmoment);
  const ditKwartaal = kwartaalVan(new Date(nu).toISOString().slice(0, 10));
  const perKwartaal = new Map<string, MijlpaalRegel[]>();
  for (const m of open.filter((x) => x.status !== 'verlopen' && kwartaalVan(x.due) >= ditKwartaal)) {
    const k = kwartaalVan(m.due);
    perKwartaal.set(k, [...(perKwartaal.get(k) ?? []), m]);
  }
  const lopend = afspraken.filter((a) => a.levenscyclus === 'lopend');
  const zonderTermijn: ZonderTermijnRegel[] = [
    ...lopend
      .filter((a) => a.mijlpalen.length === 0)
      .map((a) => ({ afspraakId: a.afspraakId, titel: a.titel, trekker: a.trekker, deadlineId: null, omschrijving: null, phrase: null, status: 'geen termijn' as const, wachtOp: null, reden: 'de afspraak heeft geen deadline' })),
    ...lopend.flatMap((a) =>
      a.mijlpalen.flatMap((m) =>
        m.status === 'geen termijn' || m.status === 'wacht op anker'
          ? [{ afspraakId: a.afspraakId, titel: a.titel, trekker: a.trekker, deadlineId: m.deadlineId, omschrijving: m.omschrijving, phrase: m.phrase, status: m.status, wachtOp: m.wachtOp, reden: m.reden }]
          : [],
      ),
    ),
  ].sort((x, y) => x.afspraakId.localeCompare(y.afspraakId) || (x.deadlineId ?? '').localeCompare(y.deadlineId ?? ''));
  return {
    programmaId,
    naam: programma?.naam ?? null,
    totaal: telling(afspraken),
    programmalijnen,
    deadlinesPerKwartaal: [...perKwartaal].sort(([a], [b]) => a.localeCompare(b)).map(([kwartaal, mijlpalen]) => ({ kwartaal, mijlpalen })),
    verlopen: open.filter((m) => m.status === 'verlopen').map((m) => ({ ...m, dagenTeLaat: Math.floor((nu - Date.parse(m.dueAt)) / DAG_MS) + 1 })),
    zonderTermijn,
  };
};

/** With `bereik`: programme-wide counts, and milestone lines only of the afspraken it may read. */
export const programmaOverzicht = async (db: SqlExecutor, schema: string, programmaId: string, opties: StatusOpties, bereik?: Leesbereik): Promise<ProgrammaOverzicht | null> => {
  const { rows } = await db.query<{ document: ProgrammaDocument }>(`SELECT document FROM "${schema}".${PROGRAMMAS_TABEL} WHERE sleutel = $1`, [programmaId]);
  const afspraken = await zoekAfspraken(db, schema, { programmaId }, opties);
  if (!rows.length && !afspraken.length) return null;
  return bouwOverzicht(programmaId, rows[0]?.document ?? null, afspraken, opties, bereik ? (a) => binnenLeesbereik(bereik, a) : undefined);
};
