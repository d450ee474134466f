import { html, useState } from '/vendor/htm/standalone.module.js';
import { api, ApiFout, q } from '../api.js';
import { t } from '../i18n.js';
import { naPositie } from '../positie.js';
import { AfspraakLink, Fout, Laden, Stoplicht, datumTijd, useLaad } from '../components.js';

/** Reminders (inbox, iCal) come from another part of the API; until it is there they answer 404. */
const ofNietBeschikbaar = (belofte) => belofte.catch((fout) => (fout instanceof ApiFout && fout.status === 404 ? { nietBeschikbaar: true } : Promise.reject(fout)));

const Inbox = ({ partijId }) => {
  const { data, fout, laden } = useLaad(() => ofNietBeschikbaar(api(`/partijen/${encodeURIComponent(partijId)}/inbox`)), [partijId]);
  if (laden) return html`<${Laden} />`;
  if (fout) return html`<${Fout} fout=${fout} />`;
  if (data.nietBeschikbaar) return html`<p data-testid="inbox"><em>${t('nietBeschikbaar')}</em></p>`;
  if (data.items.length === 0) return html`<p data-testid="inbox">${t('geen')}</p>`;
  return html`<ul data-testid="inbox">${data.items.map((i) => html`<li><small>${datumTijd(i.ontvangenOp)}</small> <${AfspraakLink} id=${i.afspraakId} />: ${i.onderwerp}</li>`)}</ul>`;
};

const Ical = ({ partijId }) => {
  const [staat, zet] = useState({});
  const maak = async () => {
    try {
      zet({ url: (await ofNietBeschikbaar(api(`/partijen/${encodeURIComponent(partijId)}/ical-tokens`, { method: 'POST', body: {} }))).url ?? null });
    } catch (fout) {
      zet({ fout });
    }
  };
  return html`<div data-testid="ical">
    ${staat.url === null ? html`<p><em>${t('nietBeschikbaar')}</em></p>`
      : staat.url ? html`<p><a href=${staat.url}>${staat.url}</a></p>`
      : html`<button class="outline" onClick=${maak}>${t('icalMaken')}</button>`}
    <${Fout} fout=${staat.fout} />
  </div>`;
};

export const Portaal = ({ ik }) => {
  const { data, fout, laden } = useLaad(() => api(`/partijen/${encodeURIComponent(ik.partijId)}/afspraken${q({ perPagina: 200, naPositie: naPositie() })}`), [ik.partijId]);
  if (laden && !data) return html`<${Laden} />`;
  if (fout) return html`<${Fout} fout=${fout} />`;
  return html`<section data-testid="portaal">
    <hgroup><h2>${t('portaal')}</h2><p>${data.partij.naam} (${data.partij.partijId})</p></hgroup>
    <div class="tellingen" data-testid="aantallen">
      <span>${t('open')}: <strong>${data.aantallen.open}</strong></span>
      <span>${t('verlopen')}: <strong>${data.aantallen.verlopen}</strong></span>
      <span>${t('binnenkort')}: <strong>${data.aantallen.binnenkort}</strong></span>
    </div>
    <table class="striped" data-testid="mijn-afspraken">
      <thead><tr><th>${t('afspraak')}</th><th>${t('status')}</th><th>${t('deadline')}</th><th>${t('partij')}</th><th>${t('voortgang')}</th></tr></thead>
      <tbody>${data.items.map((a) => {
        const eigen = a.partijen.find((p) => p.partijId === ik.partijId);
        return html`<tr data-afspraak=${a.afspraakId}>
          <td><${AfspraakLink} id=${a.afspraakId} /> ${a.titel}</td>
          <td><${Stoplicht} kleur=${a.stoplicht} />${t(a.status)}</td>
          <td>${a.eerstvolgendeDue ?? '—'}</td>
          <td>${eigen ? (eigen.rol === 'trekker' ? t('trekker') : t('betrokken')) : ''}</td>
          <td>${eigen?.laatsteVoortgang ? `${eigen.laatsteVoortgang.percentage}%` : '—'}</td>
        </tr>`;
      })}</tbody>
    </table>
    <div class="grid">
      <article><header><strong>${t('inbox')}</strong></header><${Inbox} partijId=${ik.partijId} /></article>
      <article><header><strong>${t('ical')}</strong></header><${Ical} partijId=${ik.partijId} /></article>
    </div>
  </section>`;
};
