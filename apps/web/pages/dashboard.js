import { html, useState } from '/vendor/htm/standalone.module.js';
import { api, q } from '../api.js';
import { t } from '../i18n.js';
import { naPositie } from '../positie.js';
import { AfspraakLink, Fout, Laden, Stoplicht, StatusTabel, Tellingen, useLaad } from '../components.js';

const Tijdlijn = ({ kwartalen }) => html`<div class="tijdlijn" data-testid="tijdlijn">
  ${kwartalen.map(
    (k) => html`<div class="kwartaal" data-kwartaal=${k.kwartaal}>
      <h4>${k.kwartaal} <small>(${k.mijlpalen.length})</small></h4>
      ${k.mijlpalen.slice(0, 8).map((m) => html`<div class="balk" title="${m.afspraakId}: ${m.omschrijving} (${m.phrase})">
        <a href="#/afspraak/${encodeURIComponent(m.afspraakId)}" style="color:inherit">${m.afspraakId}</a> ${m.due}</div>`)}
      ${k.mijlpalen.length > 8 && html`<small>+${k.mijlpalen.length - 8}</small>`}
    </div>`,
  )}
</div>`;

const AfsprakenTabel = ({ items, testid }) =>
  items.length === 0
    ? html`<p data-testid=${testid}>${t('geen')}</p>`
    : html`<table class="striped" data-testid=${testid}>
        <thead><tr><th>${t('afspraak')}</th><th>${t('status')}</th><th>${t('deadline')}</th><th>${t('trekker')}</th><th>${t('voortgang')}</th><th>${t('verschuivingen')}</th></tr></thead>
        <tbody>
          ${items.map((a) => html`<tr data-afspraak=${a.afspraakId}>
            <td><${AfspraakLink} id=${a.afspraakId} /> ${a.titel}</td>
            <td><${Stoplicht} kleur=${a.stoplicht} />${t(a.status)}</td>
            <td>${a.eerstvolgendeDue ?? '—'}</td>
            <td>${a.trekker}</td>
            <td>${a.laatsteVoortgang ? `${a.laatsteVoortgang.percentage}%` : '—'}</td>
            <td>${a.herplanningen ? `${a.verschuivingDagen} ${t('dagen')} (${a.herplanningen}×)` : '—'}</td>
          </tr>`)}
        </tbody>
      </table>`;

export const Dashboard = ({ ik }) => {
  const [programmaId, zetProgramma] = useState(ik.programmaId ?? 'TAZ');
  // The programme switch: every programme the key may see (a key limited to one sees only that one).
  const programmas = useLaad(() => api('/programmas'), []);
  const [filter, zetFilter] = useState({ partij: '', kwartaal: '' });
  const positie = naPositie();
  const gegevens = useLaad(async () => {
    const [overzicht, programma, lijst] = await Promise.all([
      api(`/programmas/${programmaId}/overzicht${q({ naPositie: positie })}`),
      api(`/programmas/${programmaId}`),
      api(`/afspraken${q({ programma: programmaId, perPagina: 200, naPositie: positie })}`),
    ]);
    return { overzicht, programma: programma.programma, lijst };
  }, [programmaId]);
  const gefilterd = useLaad(
    () => (filter.partij || filter.kwartaal ? api(`/afspraken${q({ programma: programmaId, perPagina: 200, ...filter })}`) : Promise.resolve(null)),
    [programmaId, filter.partij, filter.kwartaal],
  );

  if (gegevens.laden && !gegevens.data) return html`<${Laden} />`;
  if (gegevens.fout) return html`<${Fout} fout=${gegevens.fout} />`;
  const { overzicht, programma, lijst } = gegevens.data;
  const vandaag = overzicht.peilmoment.slice(0, 10);
  // Every meeting that will be held: the rule's occurrences (moved ones on their new day, cancelled ones left out) and one-off ones.
  const volgendBo = [...(programma.bestuurlijkOverleggen ?? [])].sort().find((d) => d >= vandaag);
  const boVoorkomen = (programma.overlegVoorkomens ?? []).find((v) => v.datum === volgendBo && v.status !== 'afgelast');
  const binnenkort = lijst.items.filter((a) => a.status === 'binnenkort');
  const verschoven = lijst.items.filter((a) => a.herplanningen > 0).sort((a, b) => b.verschuivingDagen - a.verschuivingDagen);
  const partijen = [...new Set(lijst.items.flatMap((a) => [a.trekker, ...a.betrokken]))].sort();
  const kwartalen = overzicht.deadlinesPerKwartaal.map((k) => k.kwartaal);

  return html`<section data-testid="dashboard">
    <hgroup>
      <h2><${Stoplicht} kleur=${overzicht.totaal.stoplicht} />${programma.naam} <small>(${programma.programmaId})</small></h2>
      ${(programmas.data?.programmas.length ?? 0) > 1 &&
      html`<select data-testid="programma-keuze" aria-label="programma" value=${programmaId} onChange=${(e) => zetProgramma(e.target.value)}>
        ${programmas.data.programmas.map((p) => html`<option value=${p.programmaId}>${p.programmaId}: ${p.naam}</option>`)}
      </select>`}
      <p data-testid="totaal">${t('totaal')}: <strong>${overzicht.totaal.aantal}</strong></p>
    </hgroup>
    <${Tellingen} telling=${overzicht.totaal} />
    <${StatusTabel} overzicht=${overzicht} />

    <article>
      <header><strong>${t('filters')}</strong></header>
      <form data-testid="filters" onSubmit=${(e) => { e.preventDefault(); const f = new FormData(e.target); zetFilter({ partij: f.get('partij'), kwartaal: f.get('kwartaal') }); }}>
        <fieldset role="group">
          <select name="partij" aria-label=${t('partij')}>
            <option value="">${t('partij')}: ${t('alle')}</option>
            ${partijen.map((p) => html`<option value=${p} selected=${filter.partij === p}>${p}</option>`)}
          </select>
          <select name="kwartaal" aria-label=${t('kwartaal')}>
            <option value="">${t('kwartaal')}: ${t('alle')}</option>
            ${kwartalen.map((k) => html`<option value=${k} selected=${filter.kwartaal === k}>${k}</option>`)}
          </select>
          <button type="submit">${t('filter')}</button>
        </fieldset>
      </form>
      ${gefilterd.fout ? html`<${Fout} fout=${gefilterd.fout} />` : gefilterd.data && html`<${AfsprakenTabel} items=${gefilterd.data.items} testid="gefilterd" />`}
    </article>

    <div class="grid">
      <article data-testid="bestuurlijk-overleg">
        <header><strong>${t('volgendBo')}</strong></header>
        ${volgendBo ? html`<p><strong>${volgendBo}</strong>${boVoorkomen
          ? html` <small data-testid="bo-herkomst">${boVoorkomen.status === 'verplaatst' ? `${t('boVerplaatst')} ${boVoorkomen.volgensRegel}: ${boVoorkomen.reden}` : `${t('boVolgensRegel')} "${programma.bestuurlijkOverlegRegel.phrase}"`}</small>`
          : html` <small data-testid="bo-herkomst">${t('boLos')}</small>`}</p><p>${t('agenda')}</p>
          <ul>${overzicht.verlopen.slice(0, 10).map((m) => html`<li><${AfspraakLink} id=${m.afspraakId} /> ${m.omschrijving} (${m.dagenTeLaat} ${t('dagenTeLaat')})</li>`)}
              ${verschoven.slice(0, 5).map((a) => html`<li><${AfspraakLink} id=${a.afspraakId} /> ${t('verschuivingen')}: ${a.verschuivingDagen} ${t('dagen')}</li>`)}</ul>`
          : html`<p>${t('geenBo')}</p>`}
      </article>
      <article>
        <header><strong>${t('verschuivingen')}</strong></header>
        ${verschoven.length ? html`<ul data-testid="slippage">${verschoven.map((a) => html`<li><${AfspraakLink} id=${a.afspraakId} /> +${a.verschuivingDagen} ${t('dagen')}, ${a.herplanningen} ${t('herplanningen')}</li>`)}</ul>` : html`<p data-testid="slippage">${t('geen')}</p>`}
      </article>
    </div>

    <h3>${t('teLaat')} (${overzicht.verlopen.length})</h3>
    ${overzicht.verlopen.length === 0 ? html`<p>${t('geen')}</p>` : html`<table class="striped" data-testid="verlopen">
      <thead><tr><th>${t('afspraak')}</th><th>${t('omschrijving')}</th><th>${t('deadline')}</th><th>${t('trekker')}</th><th>${t('dagenTeLaat')}</th></tr></thead>
      <tbody>${overzicht.verlopen.map((m) => html`<tr><td><${AfspraakLink} id=${m.afspraakId} /></td><td>${m.omschrijving}</td><td>${m.phrase} (${m.due})</td><td>${m.trekker}</td><td>${m.dagenTeLaat}</td></tr>`)}</tbody>
    </table>`}

    <h3>${t('zonderTermijn')} (${(overzicht.zonderTermijn ?? []).length})</h3>
    ${(overzicht.zonderTermijn ?? []).length === 0 ? html`<p>${t('geen')}</p>` : html`<table class="striped" data-testid="zonder-termijn">
      <thead><tr><th>${t('afspraak')}</th><th>${t('omschrijving')}</th><th>${t('deadline')}</th><th>${t('status')}</th><th>${t('trekker')}</th></tr></thead>
      <tbody>${overzicht.zonderTermijn.map((m) => html`<tr><td><${AfspraakLink} id=${m.afspraakId} /></td><td>${m.omschrijving ?? ''}</td><td>${m.phrase ?? ''}</td><td>${m.wachtOp ? `${t(m.status)}: ${m.wachtOp}` : t(m.status)}</td><td>${m.trekker}</td></tr>`)}</tbody>
    </table>`}

    <h3>${t('binnenkortLijst')} (${binnenkort.length})</h3>
    <${AfsprakenTabel} items=${binnenkort} testid="binnenkort" />

    <h3>${t('tijdlijn')}</h3>
    <${Tijdlijn} kwartalen=${overzicht.deadlinesPerKwartaal} />
  </section>`;
};
