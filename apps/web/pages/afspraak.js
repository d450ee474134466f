import { html, useState } from '/vendor/htm/standalone.module.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { onthoudPositie } from '../positie.js';
import { Fout, Laden, datumTijd, useLaad } from '../components.js';

/** One form for one command: posts its fields, shows the API's refusal, reloads the page on success. */
const CommandoFormulier = ({ titel, testid, pad, velden, naarBody, klaar }) => {
  const [fout, zetFout] = useState(null);
  const [bezig, zetBezig] = useState(false);
  const verstuur = async (e) => {
    e.preventDefault();
    zetBezig(true);
    zetFout(null);
    try {
      const waarden = Object.fromEntries(new FormData(e.target));
      const url = typeof pad === 'function' ? pad(waarden) : pad;
      onthoudPositie(await api(url, { method: 'POST', body: naarBody(waarden) }));
      klaar();
    } catch (error) {
      zetFout(error);
    } finally {
      zetBezig(false);
    }
  };
  return html`<details data-testid=${testid}>
    <summary role="button" class="outline">${titel}</summary>
    <form onSubmit=${verstuur}>${velden}<${Fout} fout=${fout} /><button type="submit" aria-busy=${bezig}>${t('versturen')}</button></form>
  </details>`;
};

const Veld = ({ naam, label, type = 'text', verplicht = true, ...rest }) =>
  html`<label>${label}<input name=${naam} type=${type} required=${verplicht} ...${rest} /></label>`;

const Mijlpalen = ({ afspraak }) => html`<table class="striped" data-testid="mijlpalen">
  <thead><tr><th>${t('omschrijving')}</th><th>${t('deadline')}</th><th>${t('datum')}</th><th>${t('oorspronkelijk')}</th><th>${t('levering')}</th></tr></thead>
  <tbody>${afspraak.mijlpalen.map((m) => html`<tr data-deadline=${m.deadlineId}>
    <td>${m.omschrijving}</td><td>${m.deadline.phrase}</td><td>${m.deadline.due ?? '—'}</td>
    <td>${m.baseline.phrase !== m.deadline.phrase ? `${m.baseline.phrase} (${m.baseline.due ?? '—'})` : '—'}</td>
    <td>${m.levering.status}</td></tr>`)}</tbody>
</table>`;

const Voortgang = ({ afspraak }) => {
  const rapporten = Object.values(afspraak.voortgang);
  if (rapporten.length === 0) return html`<p data-testid="voortgang">${t('geenVoortgang')}</p>`;
  return html`<div data-testid="voortgang">${rapporten.map((r) => html`<article data-partij=${r.partijId}>
    <header><strong>${r.partijId}</strong>: ${r.percentage}% <small>${datumTijd(r.gerapporteerdOp)}</small></header>
    <progress value=${r.percentage} max="100"></progress>
    <p>${r.toelichting}</p>
    ${r.bewijs.length > 0 && html`<p>${t('bewijs')}: ${r.bewijs.map((b) => html`<a href=${b.url} target="_blank" rel="noopener noreferrer" data-testid="bewijs">${b.titel ?? b.url}</a> `)}</p>`}
  </article>`)}</div>`;
};

const Geschiedenis = ({ events }) => html`<table class="striped" data-testid="geschiedenis">
  <thead><tr><th>#</th><th>${t('wanneer')}</th><th>${t('wie')}</th><th>${t('wat')}</th></tr></thead>
  <tbody>${events.map((e) => html`<tr data-type=${e.type}>
    <td>${e.revision}</td>
    <td>${datumTijd(e.vastgelegdOp)}${e.effectiefOp !== e.vastgelegdOp ? html`<br /><small>${t('effectiefOp')}: ${datumTijd(e.effectiefOp)}</small>` : ''}</td>
    <td>${e.rol}${e.partijId ? ` (${e.partijId})` : ''}</td>
    <td><code>${e.type}</code> ${e.samenvatting}</td></tr>`)}</tbody>
</table>`;

export const AfspraakPagina = ({ ik, afspraakId }) => {
  const pad = `/afspraken/${encodeURIComponent(afspraakId)}`;
  const { data, fout, laden, opnieuw } = useLaad(async () => {
    const [weergave, geschiedenis] = await Promise.all([api(pad), api(`${pad}/geschiedenis`)]);
    return { afspraak: weergave.afspraak, geschiedenis };
  }, [afspraakId]);
  if (laden && !data) return html`<${Laden} />`;
  if (fout) return html`<${Fout} fout=${fout} />`;
  const { afspraak, geschiedenis } = data;
  const lopend = afspraak.status === 'lopend';
  const coordinator = ik.rol === 'coordinator';
  const betrokken = ik.rol === 'partij' && (afspraak.trekker === ik.partijId || afspraak.betrokken.includes(ik.partijId));
  const namens = ik.partijId ?? afspraak.trekker;
  // The API wants a title for every link; without one the link itself serves.
  const bewijs = (v) => (v.bewijsUrl ? [{ url: v.bewijsUrl, titel: v.bewijsTitel || v.bewijsUrl }] : []);

  return html`<section data-testid="afspraak">
    ${ik.rol !== 'partij' && html`<a href="#/dashboard">← ${t('terug')}</a>`}
    <hgroup><h2>${afspraak.afspraakId}: ${afspraak.titel}</h2><p>${afspraak.programmaId} · ${afspraak.programmalijnId} · ${afspraak.opgaveId} · <mark data-testid="levenscyclus">${afspraak.status}</mark></p></hgroup>
    <h4>${t('tekst')}</h4><p>${afspraak.tekst}</p>
    ${afspraak.bronCitaat && html`<h4>${t('bronCitaat')}</h4><blockquote>${afspraak.bronCitaat}</blockquote>`}
    <p><strong>${t('trekker')}:</strong> ${afspraak.trekker}${afspraak.betrokken.length > 0 && html` · <strong>${t('betrokken')}:</strong> ${afspraak.betrokken.join(', ')}`}</p>
    <h3>${t('mijlpalen')}</h3><${Mijlpalen} afspraak=${afspraak} />
    <h3>${t('voortgang')}</h3><${Voortgang} afspraak=${afspraak} />

    ${lopend && (coordinator || betrokken) && html`<h3>${t('acties')}</h3><div data-testid="acties">
      <${CommandoFormulier} titel=${t('rapporteren')} testid="rapporteren" pad="${pad}/voortgang" klaar=${opnieuw}
        naarBody=${(v) => ({ partijId: namens, percentage: Number(v.percentage), toelichting: v.toelichting, bewijs: bewijs(v) })}
        velden=${html`<${Veld} naam="percentage" label=${t('percentage')} type="number" min="0" max="100" />
          <label>${t('toelichting')}<textarea name="toelichting" required></textarea></label>
          <${Veld} naam="bewijsUrl" label=${t('bewijsUrl')} type="url" verplicht=${false} />
          <${Veld} naam="bewijsTitel" label=${t('bewijsTitel')} verplicht=${false} />`} />
      <${CommandoFormulier} titel=${t('leveringMelden')} testid="levering-melden" pad="${pad}/levering" klaar=${opnieuw}
        naarBody=${(v) => ({ partijId: namens, toelichting: v.toelichting, bewijs: bewijs(v) })}
        velden=${html`<label>${t('toelichting')}<textarea name="toelichting" required></textarea></label>
          <${Veld} naam="bewijsUrl" label=${t('bewijsUrl')} type="url" verplicht=${false} />`} />
      ${coordinator && html`
        <${CommandoFormulier} titel=${t('herplannen')} testid="herplannen" pad=${(v) => `${pad}/deadlines/${encodeURIComponent(v.deadlineId)}/verschuiven`} klaar=${opnieuw}
          naarBody=${(v) => ({ phrase: v.phrase, reden: v.reden, besluitorgaan: v.besluitorgaan })}
          velden=${html`<label>${t('mijlpalen')}<select name="deadlineId">
              ${afspraak.mijlpalen.map((m) => html`<option value=${m.deadlineId}>${m.deadlineId}: ${m.omschrijving}</option>`)}</select></label>
            <${Veld} naam="phrase" label=${t('nieuweDeadline')} />
            <${Veld} naam="reden" label=${t('reden')} />
            <${Veld} naam="besluitorgaan" label=${t('besluitorgaan')} value="Bestuurlijk Overleg" />`} />
        <${CommandoFormulier} titel=${t('accepteren')} testid="accepteren" pad="${pad}/levering/accepteren" klaar=${opnieuw} naarBody=${() => ({})} velden=${null} />
        <${CommandoFormulier} titel=${t('afwijzen')} testid="afwijzen" pad="${pad}/levering/afwijzen" klaar=${opnieuw}
          naarBody=${(v) => ({ reden: v.reden })} velden=${html`<${Veld} naam="reden" label=${t('reden')} />`} />
        <${CommandoFormulier} titel=${t('intrekken')} testid="intrekken" pad="${pad}/intrekken" klaar=${opnieuw}
          naarBody=${(v) => ({ reden: v.reden })} velden=${html`<${Veld} naam="reden" label=${t('reden')} />`} />`}
    </div>`}

    <h3>${t('geschiedenis')}</h3><${Geschiedenis} events=${geschiedenis} />
  </section>`;
};
