import { html, render, useEffect, useState } from '/vendor/htm/standalone.module.js';
import { api, bewaarSleutel, sleutel } from './api.js';
import { t, taal, wisselTaal } from './i18n.js';
import { Fout } from './components.js';
import { Dashboard } from './pages/dashboard.js';
import { AfspraakPagina } from './pages/afspraak.js';
import { Portaal } from './pages/portaal.js';
import { AuditPagina } from './pages/audit.js';

const route = () => location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);

const startpagina = (ik) => (ik.rol === 'partij' ? '#/portaal' : ik.rol === 'auditor' ? '#/audit' : '#/dashboard');

const Login = ({ opIngelogd }) => {
  const [fout, zetFout] = useState(null);
  const verstuur = async (e) => {
    e.preventDefault();
    bewaarSleutel(new FormData(e.target).get('sleutel').trim());
    try {
      opIngelogd(await api('/ik'));
    } catch (error) {
      bewaarSleutel(null);
      zetFout(error);
    }
  };
  return html`<main class="container">
    <article>
      <h2>${t('inloggen')}</h2>
      <form onSubmit=${verstuur} data-testid="login">
        <label>${t('sleutel')}<input name="sleutel" type="password" required autocomplete="off" /></label>
        <small>${t('sleutelUitleg')}</small>
        <${Fout} fout=${fout} />
        <button type="submit">${t('inloggen')}</button>
      </form>
    </article>
  </main>`;
};

const App = () => {
  const [ik, zetIk] = useState(null);
  const [klaar, zetKlaar] = useState(!sleutel());
  const [pad, zetPad] = useState(route());
  const [, zetTaal] = useState(taal());

  useEffect(() => {
    const luister = () => zetPad(route());
    addEventListener('hashchange', luister);
    if (sleutel()) api('/ik').then(zetIk, () => bewaarSleutel(null)).finally(() => zetKlaar(true));
    return () => removeEventListener('hashchange', luister);
  }, []);
  document.documentElement.lang = taal();

  if (!klaar) return null;
  if (!ik) return html`<${Login} opIngelogd=${(wie) => { zetIk(wie); location.hash = startpagina(wie); }} />`;

  const [pagina, id] = pad;
  const rolNaam = ik.rol === 'partij' ? `${t('rolPartij')} ${ik.partijId}` : t(ik.rol);
  const inhoud =
    pagina === 'afspraak' && id ? html`<${AfspraakPagina} ik=${ik} afspraakId=${id} />`
    : pagina === 'portaal' && ik.partijId ? html`<${Portaal} ik=${ik} />`
    : pagina === 'audit' && ik.rol !== 'partij' ? html`<${AuditPagina} ik=${ik} />`
    : pagina === 'dashboard' && ik.rol !== 'partij' ? html`<${Dashboard} ik=${ik} />`
    : html`<p><a href=${startpagina(ik)}>${t('dashboard')}</a></p>`;
  return html`<header class="container">
      <nav>
        <ul><li><strong>${t('titel')}</strong></li></ul>
        <ul>
          ${ik.rol !== 'partij' && html`<li><a href="#/dashboard">${t('dashboard')}</a></li>`}
          ${ik.partijId && html`<li><a href="#/portaal">${t('portaal')}</a></li>`}
          ${ik.rol !== 'partij' && html`<li><a href="#/audit">${t('audit')}</a></li>`}
          <li class="rol" data-testid="rol">${t('ingelogdAls')} ${rolNaam}</li>
          <li><button class="outline secondary" data-testid="taal" onClick=${() => { wisselTaal(); zetTaal(taal()); }}>${t('taal')}</button></li>
          <li><button class="outline" onClick=${() => { bewaarSleutel(null); zetIk(null); location.hash = ''; }}>${t('uitloggen')}</button></li>
        </ul>
      </nav>
    </header>
    <main class="container" key=${taal()}>${inhoud}</main>`;
};

render(html`<${App} />`, document.getElementById('app'));
