import { api, enc } from './api';
import { Fout, useActie, type Geladen } from './components';
import { datumTijd, t } from './i18n';
import type { AfspraakStatusWeergave, Bewijs, HistorieRegel } from './typen';

/** The claim a delivery waits on: the latest LeveringGemeld since the last accept or reject. */
export interface Claim {
  readonly partijId: string;
  readonly toelichting: string;
  readonly bewijs: readonly Bewijs[];
  readonly gemeldOp: string;
  readonly deadlineIds: readonly string[];
}

export const openClaim = (geschiedenis: readonly HistorieRegel[]): Claim | null => {
  let claim: Claim | null = null;
  for (const regel of geschiedenis) {
    if (regel.type === 'LeveringGemeld') claim = regel.data as Claim;
    if (regel.type === 'LeveringGeaccepteerd' || regel.type === 'LeveringAfgewezen' || regel.type === 'AfspraakHeropend') claim = null;
  }
  return claim;
};

/** A delivery claimed and not yet judged by the coordinator. */
export const wachtOpBeoordeling = (a: Pick<AfspraakStatusWeergave, 'mijlpalen' | 'partijen' | 'levenscyclus'>): boolean =>
  a.levenscyclus === 'lopend' && (a.mijlpalen.some((m) => m.levering === 'gemeld') || a.partijen.some((p) => p.status === 'levering gemeld'));

export const BewijsLijst = ({ bewijs }: { bewijs: readonly Bewijs[] }) =>
  bewijs.length === 0 ? (
    <small>{t('geenBewijs')}</small>
  ) : (
    <ul class="bewijs">
      {bewijs.map((b) => (
        <li key={b.url}>
          <a href={b.url} target="_blank" rel="noopener noreferrer" data-testid="bewijs">
            {b.titel || b.url}
          </a>
        </li>
      ))}
    </ul>
  );

export const ClaimWeergave = ({ claim, naam }: { claim: Claim; naam: (id: string) => string }) => (
  <div class="claim" data-testid="claim">
    <p>
      <strong>{t('gemeldDoor')}:</strong> {naam(claim.partijId)} · <small>{t('gemeldOp')} {datumTijd(claim.gemeldOp)}</small>
    </p>
    {claim.toelichting && <p>{claim.toelichting}</p>}
    <strong>{t('bewijs')}:</strong> <BewijsLijst bewijs={claim.bewijs} />
  </div>
);

/** Accept or reject in place; the reason for a rejection is asked beside the button. */
export const Beoordelen = ({ afspraakId, klaar }: { afspraakId: string; klaar: () => void }) => {
  const actie = useActie(klaar);
  const { fout, bezig } = actie;
  const pad = `/afspraken/${enc(afspraakId)}/levering`;
  const doe = (url: string, body: object, melding: string) => actie.doe(() => api(url, { method: 'POST', body }), melding);
  return (
    <div class="rij-acties" data-testid="beoordelen">
      <button type="button" aria-busy={bezig} data-testid="accepteren" onClick={() => doe(`${pad}/accepteren`, {}, `${t('geaccepteerd')} (${afspraakId})`)}>
        {t('accepteren')}
      </button>
      <form
        data-testid="afwijzen"
        onSubmit={(e) => {
          e.preventDefault();
          const reden = String(new FormData(e.currentTarget as HTMLFormElement).get('reden') ?? '');
          void doe(`${pad}/afwijzen`, { reden }, `${t('afgewezen')} (${afspraakId})`);
        }}
      >
        <input name="reden" required aria-label={`${t('redenAfwijzen')} (${afspraakId})`} placeholder={t('redenAfwijzen')} />
        <button type="submit" class="secondary" disabled={bezig}>
          {t('afwijzen')}
        </button>
      </form>
      <Fout fout={fout} />
    </div>
  );
};

export const laadGeschiedenis = (afspraakId: string) => api<HistorieRegel[]>(`/afspraken/${enc(afspraakId)}/geschiedenis`);
export type { Geladen };
