import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, enc } from './api';
import { afspraakHref } from './router';
import { t, statusLabel, type Label } from './i18n';
import type { DeadlineStatus, PartijWeergave, Stoplicht } from './typen';

export interface Geladen<T> {
  readonly data: T | null;
  readonly fout: Error | null;
  readonly laden: boolean;
  readonly opnieuw: () => void;
}

/**
 * Loads once per change of `sleutels`; a later answer never overwrites a newer request's, and an
 * error ends the loading state (no spinner that stays for good).
 */
export const useLaad = <T,>(laad: () => Promise<T>, sleutels: readonly unknown[]): Geladen<T> => {
  const [staat, zet] = useState<{ data: T | null; fout: Error | null; laden: boolean }>({ data: null, fout: null, laden: true });
  const [teller, zetTeller] = useState(0);
  useEffect(() => {
    let actief = true;
    zet((s) => ({ ...s, laden: true }));
    laad().then(
      (data) => actief && zet({ data, fout: null, laden: false }),
      (fout: unknown) => actief && zet({ data: null, fout: fout instanceof Error ? fout : new Error(String(fout)), laden: false }),
    );
    return () => {
      actief = false;
    };
  }, [...sleutels, teller]);
  return { ...staat, opnieuw: () => zetTeller((n) => n + 1) };
};

export const Laden = () => (
  <p aria-busy="true" data-testid="laden">
    {t('laden')}
  </p>
);

export const Fout = ({ fout, opnieuw }: { fout: Error | null | undefined; opnieuw?: () => void }) =>
  fout ? (
    <p class="fout" role="alert">
      {fout.message}{' '}
      {opnieuw && (
        <button type="button" class="outline secondary klein" onClick={opnieuw}>
          {t('opnieuw')}
        </button>
      )}
    </p>
  ) : null;

/** Renders `kind` once loaded; loading and error states in one place. */
export const Wacht = <T,>({ geladen, kind }: { geladen: Geladen<T>; kind: (data: T) => ComponentChildren }) =>
  geladen.fout ? <Fout fout={geladen.fout} opnieuw={geladen.opnieuw} /> : geladen.data === null ? <Laden /> : <>{kind(geladen.data)}</>;

// ---- confirmation after an action: one live region for the whole app
let toon: (tekst: string) => void = () => undefined;
export const bevestig = (tekst: string): void => toon(tekst);

/** An action of the user: busy while it runs, the API's refusal shown, a confirmation and a reload when it worked. */
export const useActie = (klaar: () => void) => {
  const [fout, zetFout] = useState<Error | null>(null);
  const [bezig, zetBezig] = useState(false);
  const doe = async (werk: () => Promise<unknown>, melding: string): Promise<void> => {
    zetBezig(true);
    zetFout(null);
    try {
      await werk();
      bevestig(melding);
      klaar();
    } catch (error) {
      zetFout(error as Error);
    } finally {
      zetBezig(false);
    }
  };
  return { fout, bezig, doe };
};
export const Meldingen = () => {
  const [tekst, zet] = useState('');
  useEffect(() => {
    toon = (nieuw) => zet(nieuw);
  }, []);
  useEffect(() => {
    if (!tekst) return;
    const timer = setTimeout(() => zet(''), 8000);
    return () => clearTimeout(timer);
  }, [tekst]);
  return (
    <div class="melding" role="status" aria-live="polite" data-testid="melding">
      {tekst}
    </div>
  );
};

const STOPLICHT_VAN: Record<DeadlineStatus, Stoplicht> = {
  verlopen: 'rood', binnenkort: 'oranje', 'geleverd te laat': 'oranje', 'op schema': 'groen', 'geleverd op tijd': 'groen',
  ingetrokken: 'grijs', 'geen termijn': 'blauw', 'wacht op anker': 'blauw',
};

export const StatusLabel = ({ status, wachtOpBeoordeling = false }: { status: DeadlineStatus; wachtOpBeoordeling?: boolean }) => {
  const kleur = wachtOpBeoordeling ? 'paars' : STOPLICHT_VAN[status];
  return (
    <span class={`status status-${kleur}`} data-status={wachtOpBeoordeling ? 'wacht op beoordeling' : status}>
      <span class={`stoplicht ${kleur}`} aria-hidden="true" />
      {wachtOpBeoordeling ? t('wachtOpBeoordeling') : statusLabel(status)}
    </span>
  );
};

/** The title first, the id as secondary text. */
export const AfspraakLink = ({ id, titel }: { id: string; titel?: string | null }) => (
  <a href={afspraakHref(id)} data-afspraak-link={id}>
    {titel ? (
      <>
        {titel} <small class="id">{id}</small>
      </>
    ) : (
      id
    )}
  </a>
);

// ---- names of parties: one request per party, cached for the tab
const namen = new Map<string, Promise<string>>();
const partijNaam = (partijId: string): Promise<string> => {
  let naam = namen.get(partijId);
  if (!naam) {
    naam = api<PartijWeergave>(`/partijen/${enc(partijId)}`).then(
      (p) => p.partij.naam,
      () => partijId,
    );
    namen.set(partijId, naam);
  }
  return naam;
};

export const usePartijNamen = (ids: readonly string[]): ((id: string) => string) => {
  const [bekend, zet] = useState<Record<string, string>>({});
  const sleutel = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let actief = true;
    const uniek = sleutel ? sleutel.split(',') : [];
    Promise.all(uniek.map(async (id) => [id, await partijNaam(id)] as const)).then((paren) => actief && zet(Object.fromEntries(paren)));
    return () => {
      actief = false;
    };
  }, [sleutel]);
  return (id) => bekend[id] ?? id;
};

export const Partij = ({ id, naam }: { id: string; naam: (id: string) => string }) => {
  const n = naam(id);
  return n === id ? <span>{id}</span> : <span title={id}>{n}</span>;
};

export const Sectie = ({ titel, aantal, testid, children }: { titel: Label; aantal?: number; testid: string; children: ComponentChildren }) => (
  <section class="sectie" data-testid={testid} aria-labelledby={`kop-${testid}`}>
    <h3 id={`kop-${testid}`}>
      {t(titel)}
      {aantal !== undefined && <span class="teller"> ({aantal})</span>}
    </h3>
    {children}
  </section>
);
