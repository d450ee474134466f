import '@picocss/pico/css/pico.min.css';
import './styles.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFout, bewaarSleutel, sleutel } from './api';
import { Fout, Laden, Meldingen } from './components';
import { t, taal, useTaal, zetTaal } from './i18n';
import { useRoute, type Route } from './router';
import type { IkWeergave } from './typen';
import { Aandacht } from './pages/aandacht';
import { Overzicht } from './pages/overzicht';
import { AfspraakPagina } from './pages/afspraak';
import { Portaal } from './pages/portaal';
import { AuditPagina } from './pages/audit';
import { Sleutels } from './pages/sleutels';

const startHash = (ik: IkWeergave): string => (ik.rol === 'partij' ? '#/portaal' : ik.rol === 'auditor' ? '#/audit' : '#/aandacht');

/** The login form leaves the hash alone: a deep link opened without a key opens after login. */
const Login = ({ opIngelogd }: { opIngelogd: (ik: IkWeergave) => void }) => {
  const [fout, zetFout] = useState<Error | null>(null);
  const [bezig, zetBezig] = useState(false);
  const verstuur = async (e: Event) => {
    e.preventDefault();
    const waarde = String(new FormData(e.currentTarget as HTMLFormElement).get('sleutel') ?? '').trim();
    bewaarSleutel(waarde);
    zetBezig(true);
    try {
      opIngelogd(await api<IkWeergave>('/ik'));
    } catch (error) {
      bewaarSleutel(null);
      zetFout(error instanceof ApiFout && error.status === 401 ? new Error(t('sleutelOngeldig')) : (error as Error));
    } finally {
      zetBezig(false);
    }
  };
  return (
    <main class="container smal" id="inhoud">
      <article>
        <h1>{t('titel')}</h1>
        <form onSubmit={verstuur} data-testid="login">
          <label>
            {t('sleutel')}
            <input name="sleutel" type="password" required autocomplete="off" aria-describedby="sleutel-uitleg" />
          </label>
          <small id="sleutel-uitleg">{t('sleutelUitleg')}</small>
          <Fout fout={fout} />
          <button type="submit" aria-busy={bezig}>
            {t('inloggen')}
          </button>
        </form>
      </article>
    </main>
  );
};

const Pagina = ({ route, ik }: { route: Route; ik: IkWeergave }) => {
  const coordinator = ik.rol === 'coordinator';
  switch (route.pagina) {
    case 'afspraak':
      // key: a new afspraak is a new form, so typed text does not follow you to another one.
      return <AfspraakPagina key={route.id} ik={ik} afspraakId={route.id} />;
    case 'aandacht':
      if (coordinator) return <Aandacht ik={ik} />;
      break;
    case 'overzicht':
      if (ik.rol !== 'partij') return <Overzicht ik={ik} />;
      break;
    case 'portaal':
      if (ik.partijId) return <Portaal ik={ik} />;
      break;
    case 'audit':
      if (ik.rol !== 'partij') return <AuditPagina ik={ik} />;
      break;
    case 'sleutels':
      if (coordinator) return <Sleutels />;
      break;
    case 'start':
      location.replace(startHash(ik));
      return <Laden />;
  }
  return (
    <p data-testid="onbekend">
      {t('onbekendePagina')} <a href={startHash(ik)}>{t('naarStart')}</a>
    </p>
  );
};

const Menu = ({ ik, route }: { ik: IkWeergave; route: Route }) => {
  const items: [string, Parameters<typeof t>[0], boolean][] = [
    ['#/aandacht', 'aandacht', ik.rol === 'coordinator'],
    ['#/overzicht', 'overzicht', ik.rol !== 'partij'],
    ['#/portaal', 'portaal', !!ik.partijId],
    ['#/audit', 'audit', ik.rol !== 'partij'],
    ['#/sleutels', 'sleutels', ik.rol === 'coordinator'],
  ];
  const rol = t(`rol_${ik.rol}` as Parameters<typeof t>[0]) + (ik.partijId ? ` ${ik.partijId}` : '');
  return (
    <header class="container">
      <nav aria-label={t('hoofdmenu')}>
        <ul>
          <li>
            <strong>{t('titel')}</strong>
          </li>
        </ul>
        <ul class="menu">
          {items
            .filter(([, , zichtbaar]) => zichtbaar)
            .map(([href, label]) => (
              <li key={href}>
                <a href={href} aria-current={`#/${route.pagina}` === href ? 'page' : undefined}>
                  {t(label)}
                </a>
              </li>
            ))}
          <li class="rol" data-testid="rol">
            {t('ingelogdAls')} {rol}
          </li>
          <li>
            <button class="outline secondary klein" data-testid="taal" lang={taal() === 'nl' ? 'en' : 'nl'} aria-label={t('taalWisselLabel')} onClick={() => zetTaal(taal() === 'nl' ? 'en' : 'nl')}>
              {t('taalWissel')}
            </button>
          </li>
          <li>
            <button
              class="outline klein"
              data-testid="uitloggen"
              onClick={() => {
                bewaarSleutel(null);
                location.hash = '';
                location.reload();
              }}
            >
              {t('uitloggen')}
            </button>
          </li>
        </ul>
      </nav>
    </header>
  );
};

const App = () => {
  const taalNu = useTaal();
  const route = useRoute();
  const [ik, zetIk] = useState<IkWeergave | null>(null);
  const [klaar, zetKlaar] = useState(!sleutel());
  useEffect(() => {
    document.documentElement.lang = taalNu;
  }, [taalNu]);
  useEffect(() => {
    // A reload keeps the key (sessionStorage) and the hash; a key that no longer works shows the login.
    if (sleutel())
      api<IkWeergave>('/ik')
        .then(zetIk, () => bewaarSleutel(null))
        .finally(() => zetKlaar(true));
  }, []);
  if (!klaar) return <main class="container"><Laden /></main>;
  if (!ik) return <><Login opIngelogd={zetIk} /><Meldingen /></>;
  return (
    <>
      <a class="overslaan" href="#inhoud" onClick={(e) => { e.preventDefault(); document.getElementById('inhoud')?.focus(); }}>
        {t('naarInhoud')}
      </a>
      <Menu ik={ik} route={route} />
      <main class="container" id="inhoud" tabIndex={-1} key={taalNu}>
        <Pagina route={route} ik={ik} />
      </main>
      <Meldingen />
    </>
  );
};

render(<App />, document.getElementById('app')!);
