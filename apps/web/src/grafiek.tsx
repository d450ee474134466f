import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';
import { statusLabel, t, taal } from './i18n';
import type { AfspraakStatusWeergave, DeadlineStatus } from './typen';

const VOLGORDE: readonly DeadlineStatus[] = ['verlopen', 'binnenkort', 'op schema', 'geleverd te laat', 'geleverd op tijd', 'wacht op anker', 'geen termijn', 'ingetrokken'];
const KLEUR: Record<DeadlineStatus, string> = {
  verlopen: '#c0392b', binnenkort: '#e0a000', 'op schema': '#2a8a45', 'geleverd te laat': '#a0522d', 'geleverd op tijd': '#7fb77e',
  'wacht op anker': '#3a6ea5', 'geen termijn': '#8fb3d9', ingetrokken: '#8a9199',
};

export const kwartaalVan = (due: string): string => `${due.slice(0, 4)}-Q${Math.ceil(Number(due.slice(5, 7)) / 3)}`;

/** One row per milestone with a date: its quarter and its status, past and future quarters alike. */
export const mijlpalenPerKwartaal = (afspraken: readonly AfspraakStatusWeergave[]) =>
  afspraken.flatMap((a) => a.mijlpalen.flatMap((m) => (m.due ? [{ kwartaal: kwartaalVan(m.due), status: a.levenscyclus === 'ingetrokken' ? ('ingetrokken' as const) : m.status }] : [])));

/** Deadlines per quarter by status, stacked; drawn by Observable Plot. */
export const KwartaalGrafiek = ({ afspraken }: { afspraken: readonly AfspraakStatusWeergave[] }) => {
  const ref = useRef<HTMLDivElement>(null);
  const taalNu = taal();
  useEffect(() => {
    const rijen = mijlpalenPerKwartaal(afspraken);
    const aanwezig = VOLGORDE.filter((s) => rijen.some((r) => r.status === s));
    const plot = Plot.plot({
      width: Math.max(320, Math.min(1100, ref.current?.clientWidth ?? 800)),
      height: 320,
      marginBottom: 50,
      ariaLabel: t('perKwartaal'),
      x: { label: t('kwartaal'), tickRotate: -45 },
      y: { label: t('aantal'), grid: true },
      color: { domain: aanwezig.map(statusLabel), range: aanwezig.map((s) => KLEUR[s]), legend: true },
      marks: [
        Plot.barY(
          rijen.map((r) => ({ ...r, label: statusLabel(r.status) })),
          Plot.groupX({ y: 'count' }, { x: 'kwartaal', fill: 'label', order: aanwezig.map(statusLabel), tip: true }),
        ),
        Plot.ruleY([0]),
      ],
    });
    // Plot names its groups ("bar", "rule") with aria-label, which ARIA does not allow on a <g> without a role; the chart keeps its own label.
    plot.querySelectorAll('g[aria-label]').forEach((g) => g.removeAttribute('aria-label'));
    ref.current?.replaceChildren(plot);
    return () => plot.remove();
  }, [afspraken, taalNu]);
  return (
    <figure class="grafiek" data-testid="grafiek-kwartalen">
      <div ref={ref} />
      <figcaption><small>{t('grafiekUitleg')}</small></figcaption>
    </figure>
  );
};
