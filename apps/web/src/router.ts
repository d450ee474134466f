import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes (`#/afspraak/TAZ-A09`), so the API's own paths never clash with a page. The hash is the
 * deep link: it survives a reload (the key stays in sessionStorage) and the login form (which leaves it alone).
 */
export type Route =
  | { readonly pagina: 'start' }
  | { readonly pagina: 'aandacht' }
  | { readonly pagina: 'overzicht' }
  | { readonly pagina: 'afspraak'; readonly id: string }
  | { readonly pagina: 'portaal' }
  | { readonly pagina: 'audit' }
  | { readonly pagina: 'sleutels' }
  | { readonly pagina: 'onbekend'; readonly pad: string };

export const leesRoute = (hash: string): Route => {
  const [pagina = '', id] = hash.replace(/^#\/?/, '').split('/').map((d) => decodeURIComponent(d));
  switch (pagina) {
    case '':
      return { pagina: 'start' };
    case 'afspraak':
      return id ? { pagina: 'afspraak', id } : { pagina: 'onbekend', pad: hash };
    case 'aandacht':
    case 'overzicht':
    case 'portaal':
    case 'audit':
    case 'sleutels':
      return { pagina };
    default:
      return { pagina: 'onbekend', pad: hash };
  }
};

export const afspraakHref = (id: string): string => `#/afspraak/${encodeURIComponent(id)}`;

export const useRoute = (): Route => {
  const [route, zet] = useState(() => leesRoute(location.hash));
  useEffect(() => {
    const luister = () => zet(leesRoute(location.hash));
    addEventListener('hashchange', luister);
    return () => removeEventListener('hashchange', luister);
  }, []);
  return route;
};
