import type { Afspraak } from '../afspraak/afspraak';

/** One line of a weekly digest: an open milestone of an afspraak the party is involved in. */
export interface OverzichtRegel {
  readonly afspraakId: string;
  readonly titel: string;
  readonly deadlineId: string;
  readonly omschrijving: string;
  readonly phrase: string;
  readonly due: string;
  readonly rol: 'trekker' | 'betrokken';
}

/**
 * The weekly digest of a party: every open milestone with a due date up to `horizonDagen` ahead
 * (overdue ones included), nearest due first. Empty means no mail: quiet when nothing is due.
 */
export const weekoverzicht = (afspraken: Iterable<Afspraak>, partijId: string, vandaag: string, horizonDagen = 120): OverzichtRegel[] => {
  const grens = new Date(Date.parse(`${vandaag}T00:00:00Z`) + horizonDagen * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const regels: OverzichtRegel[] = [];
  for (const a of afspraken) {
    if (a.status !== 'lopend') continue;
    const rol = a.trekker === partijId ? 'trekker' : a.betrokken.includes(partijId) ? 'betrokken' : null;
    if (!rol) continue;
    for (const m of a.mijlpalen) {
      const open = m.levering.status === 'open' || m.levering.status === 'afgewezen';
      if (!open || !m.deadline.due || m.deadline.due > grens) continue;
      regels.push({ afspraakId: a.afspraakId, titel: a.titel, deadlineId: m.deadlineId, omschrijving: m.omschrijving, phrase: m.deadline.phrase, due: m.deadline.due, rol });
    }
  }
  return regels.sort((x, y) => x.due.localeCompare(y.due) || x.afspraakId.localeCompare(y.afspraakId) || x.deadlineId.localeCompare(y.deadlineId));
};

/** ISO week of a date (`2023-W14`): the digest's identity, so one week never gets two. */
export const isoWeek = (datum: string): string => {
  const d = new Date(`${datum}T00:00:00Z`);
  const dag = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dag + 3);
  const jaar = d.getUTCFullYear();
  const eersteDonderdag = new Date(Date.UTC(jaar, 0, 4));
  const week = 1 + Math.round(((d.getTime() - eersteDonderdag.getTime()) / 86_400_000 - 3 + ((eersteDonderdag.getUTCDay() + 6) % 7)) / 7);
  return `${jaar}-W${String(week).padStart(2, '0')}`;
};
