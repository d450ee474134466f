import { html, useState } from '/vendor/htm/standalone.module.js';
import { api, download, q } from '../api.js';
import { t } from '../i18n.js';
import { AfspraakLink, Fout, Laden, Stoplicht, StatusTabel, Tellingen, datumTijd, normaliseerTelling, useLaad } from '../components.js';

const Integriteit = () => {
  const [staat, zet] = useState({});
  const controleer = async () => {
    zet({ bezig: true });
    try {
      zet({ verslag: await api('/audit/verificatie') });
    } catch (fout) {
      zet({ fout });
    }
  };
  const v = staat.verslag;
  return html`<article data-testid="integriteit">
    <header><strong>${t('integriteit')}</strong></header>
    <button class="outline" onClick=${controleer} aria-busy=${!!staat.bezig}>${t('controleer')}</button>
    ${v && html`<p data-testid="integriteit-uitslag" data-intact=${String(v.intact)}><${Stoplicht} kleur=${v.intact ? 'groen' : 'rood'} />
      <strong>${v.intact ? t('intact') : t('gebroken')}</strong> — ${v.streams} ${t('streams')}, ${v.events} ${t('events')}</p>
      ${v.gebroken.map((g) => html`<p class="fout">${g.streamId} #${g.revision}: ${g.reden}</p>`)}`}
    <${Fout} fout=${staat.fout} />
  </article>`;
};

const Stand = ({ programmaId, peildatum }) => {
  const { data, fout, laden } = useLaad(() => api(`/programmas/${programmaId}/overzicht${q({ peildatum, zoals: 'vastgelegd' })}`), [programmaId, peildatum]);
  if (laden) return html`<${Laden} />`;
  if (fout) return html`<${Fout} fout=${fout} />`;
  const totaal = normaliseerTelling(data.totaal);
  const metVoortgang = data.afspraken.filter((a) => Object.keys(a.voortgangPerPartij ?? {}).length > 0);
  return html`<div data-testid="stand" data-peildatum=${data.peildatum}>
    <p>${t('zoalsVastgelegd')}: <strong>${data.peildatum}</strong> (${data.events} ${t('events')})</p>
    <h3><${Stoplicht} kleur=${totaal.stoplicht} />${data.naam} — ${t('totaal')} ${totaal.aantal}</h3>
    <${Tellingen} telling=${totaal} />
    <${StatusTabel} overzicht=${data} />
    <table class="striped" data-testid="stand-afspraken">
      <thead><tr><th>${t('afspraak')}</th><th>${t('status')}</th><th>${t('deadline')}</th><th>${t('trekker')}</th><th>${t('voortgang')}</th></tr></thead>
      <tbody>${data.afspraken.filter((a) => a.soort === 'afspraak' || metVoortgang.includes(a)).map((a) => html`<tr data-afspraak=${a.afspraakId}>
        <td><${AfspraakLink} id=${a.afspraakId} /> ${a.titel}</td>
        <td><${Stoplicht} kleur=${a.stoplicht} />${t(a.status)}</td>
        <td>${a.eerstvolgendeDue ?? '—'}</td><td>${a.trekker}</td>
        <td data-testid="voortgang-cel">${Object.entries(a.voortgangPerPartij ?? {}).map(([p, v]) => `${p}: ${v.percentage ?? v}%`).join(', ') || '—'}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
};

const AfspraakTijdlijn = () => {
  const [afspraakId, zetId] = useState('');
  const { data, fout, laden } = useLaad(() => (afspraakId ? api(`/afspraken/${encodeURIComponent(afspraakId)}/geschiedenis`) : Promise.resolve(null)), [afspraakId]);
  return html`<article data-testid="afspraak-tijdlijn">
    <header><strong>${t('tijdlijnAfspraak')}</strong></header>
    <form onSubmit=${(e) => { e.preventDefault(); zetId(new FormData(e.target).get('afspraakId').trim()); }}>
      <fieldset role="group"><input name="afspraakId" placeholder="TAZ-A09" aria-label=${t('afspraakId')} required /><button type="submit">${t('toon')}</button></fieldset>
    </form>
    ${laden && afspraakId ? html`<${Laden} />` : fout ? html`<${Fout} fout=${fout} />` : data && html`<ol>${data.map((e) => html`<li data-type=${e.type}>
      <small>${datumTijd(e.vastgelegdOp)} · ${e.rol}${e.partijId ? ` (${e.partijId})` : ''}</small><br /><code>${e.type}</code> ${e.samenvatting}</li>`)}</ol>`}
  </article>`;
};

export const AuditPagina = ({ ik }) => {
  const programmaId = ik.programmaId ?? 'TAZ';
  const [peildatum, zetPeildatum] = useState('');
  const [fout, zetFout] = useState(null);
  return html`<section data-testid="audit">
    <h2>${t('audit')} — ${programmaId}</h2>
    <form data-testid="peildatum" onSubmit=${(e) => { e.preventDefault(); zetPeildatum(new FormData(e.target).get('peildatum')); }}>
      <fieldset role="group">
        <input type="date" name="peildatum" required aria-label=${t('peildatum')} value=${peildatum} />
        <button type="submit">${t('toon')}</button>
      </fieldset>
    </form>
    ${peildatum && html`<p><button class="secondary" data-testid="rapport" onClick=${() => download(`/audit/programmas/${programmaId}/rapport${q({ peildatum, formaat: 'pdf' })}`).catch(zetFout)}>${t('rapport')} (PDF)</button>
      <button class="secondary outline" onClick=${() => download(`/audit/programmas/${programmaId}/rapport${q({ peildatum, formaat: 'md' })}`).catch(zetFout)}>Markdown</button></p>
      <${Fout} fout=${fout} />
      <${Stand} programmaId=${programmaId} peildatum=${peildatum} />`}
    <div class="grid"><${Integriteit} /><${AfspraakTijdlijn} /></div>
  </section>`;
};
