import { html, useEffect, useState } from '/vendor/htm/standalone.module.js';
import { t } from './i18n.js';

export const Stoplicht = ({ kleur }) => html`<span class="stoplicht ${kleur}" title=${kleur} data-stoplicht=${kleur}></span>`;

export const STATUSSEN = ['op schema', 'binnenkort', 'verlopen', 'geleverd op tijd', 'geleverd te laat', 'ingetrokken', 'geen termijn', 'wacht op anker'];

/** The live overview counts { aantal, perStatus, stoplicht }; the audit fold counts { <status>: n, totaal }. */
export const normaliseerTelling = (telling) => {
  if (telling.perStatus) return telling;
  const perStatus = Object.fromEntries(STATUSSEN.map((s) => [s, telling[s] ?? 0]));
  const zonderDatum = perStatus['geen termijn'] + perStatus['wacht op anker'];
  const stoplicht = perStatus.verlopen ? 'rood' : perStatus.binnenkort || perStatus['geleverd te laat'] ? 'oranje' : telling.totaal === perStatus.ingetrokken ? 'grijs' : telling.totaal === perStatus.ingetrokken + zonderDatum ? 'blauw' : 'groen';
  return { aantal: telling.totaal, perStatus, stoplicht };
};

export const Tellingen = ({ telling }) => html`<div class="tellingen">
  ${STATUSSEN.map((s) => html`<span data-status=${s}>${t(s)}: <strong>${telling.perStatus[s]}</strong></span>`)}
</div>`;

export const StatusTabel = ({ overzicht }) => html`<table class="striped" data-testid="status-tabel">
  <thead><tr><th>${t('programmalijn')} / ${t('opgave')}</th><th>${t('aantal')}</th>${STATUSSEN.map((s) => html`<th>${t(s)}</th>`)}</tr></thead>
  <tbody>
    ${overzicht.programmalijnen.map((lijn) => {
      const telling = normaliseerTelling(lijn.telling);
      return html`<tr data-programmalijn=${lijn.programmalijnId}>
          <th><${Stoplicht} kleur=${telling.stoplicht} /><strong>${lijn.nummer}. ${lijn.naam}</strong></th>
          <td>${telling.aantal}</td>${STATUSSEN.map((s) => html`<td>${telling.perStatus[s]}</td>`)}
        </tr>
        ${lijn.opgaven.map((opgave) => {
          const o = normaliseerTelling(opgave.telling);
          return html`<tr data-opgave=${opgave.opgaveId}>
            <td><${Stoplicht} kleur=${o.stoplicht} />${opgave.nummer}. ${opgave.naam}</td>
            <td>${o.aantal}</td>${STATUSSEN.map((s) => html`<td>${o.perStatus[s]}</td>`)}
          </tr>`;
        })}`;
    })}
  </tbody>
</table>`;

export const AfspraakLink = ({ id }) => html`<a href="#/afspraak/${encodeURIComponent(id)}">${id}</a>`;

export const Fout = ({ fout }) => (fout ? html`<p class="fout" role="alert">${fout.message ?? String(fout)}</p>` : null);

/** Loads once per change of `sleutels`; gives { data, fout, laden, opnieuw }. */
export const useLaad = (laad, sleutels) => {
  const [staat, zet] = useState({ data: null, fout: null, laden: true });
  const [teller, zetTeller] = useState(0);
  useEffect(() => {
    let actief = true;
    zet((s) => ({ ...s, laden: true }));
    laad().then(
      (data) => actief && zet({ data, fout: null, laden: false }),
      (fout) => actief && zet({ data: null, fout, laden: false }),
    );
    return () => (actief = false);
  }, [...sleutels, teller]);
  return { ...staat, opnieuw: () => zetTeller((n) => n + 1) };
};

export const Laden = () => html`<p aria-busy="true">${t('laden')}</p>`;

export const datumTijd = (iso) => (iso ? new Date(iso).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam' }) : '');
