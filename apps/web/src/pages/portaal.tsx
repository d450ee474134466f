import { useState } from 'preact/hooks';
import { api, enc, positieNaCommando, q } from '../api';
import { AfspraakLink, bevestig, Fout, Sectie, StatusLabel, useLaad, Wacht } from '../components';
import { datum, datumTijd, t } from '../i18n';
import { wachtOpBeoordeling } from '../levering';
import type { AfspraakStatusWeergave, DeadlineStatus, IkWeergave, InboxItem, Lijst, PartijAfspraken } from '../typen';

type PortaalAntwoord = Omit<PartijAfspraken, 'open'> & Lijst<AfspraakStatusWeergave>;

const URGENTIE: Record<DeadlineStatus, number> = {
  verlopen: 0, binnenkort: 1, 'op schema': 2, 'wacht op anker': 3, 'geen termijn': 4, 'geleverd te laat': 5, 'geleverd op tijd': 6, ingetrokken: 7,
};

/** Most urgent first: overdue, due soon, on track by date, then without a date; a claim awaiting review needs nothing from you, so last. */
export const opUrgentie = (items: readonly AfspraakStatusWeergave[]): AfspraakStatusWeergave[] =>
  [...items].sort(
    (a, b) =>
      Number(wachtOpBeoordeling(a)) - Number(wachtOpBeoordeling(b)) ||
      URGENTIE[a.status] - URGENTIE[b.status] ||
      (a.eerstvolgendeDue ?? '9999').localeCompare(b.eerstvolgendeDue ?? '9999') ||
      a.afspraakId.localeCompare(b.afspraakId),
  );

const Inbox = ({ partijId }: { partijId: string }) => {
  const geladen = useLaad(() => api<{ items: InboxItem[] }>(`/partijen/${enc(partijId)}/inbox`), [partijId]);
  return (
    <Wacht geladen={geladen} kind={({ items }) =>
      items.length === 0 ? <p data-testid="inbox">{t('inboxLeeg')}</p> : (
        <ul data-testid="inbox">
          {items.map((i) => (
            <li key={i.verzendingId}>
              <small>{datumTijd(i.ontvangenOp)}</small> <AfspraakLink id={i.afspraakId} titel={i.onderwerp} />
            </li>
          ))}
        </ul>
      )} />
  );
};

const Ical = ({ partijId }: { partijId: string }) => {
  const [url, zetUrl] = useState<string | null>(null);
  const [fout, zetFout] = useState<Error | null>(null);
  const maak = async () => {
    try {
      zetUrl((await api<{ url: string }>(`/partijen/${enc(partijId)}/ical-tokens`, { method: 'POST', body: {} })).url);
      bevestig(t('icalGemaakt'));
    } catch (error) {
      zetFout(error as Error);
    }
  };
  return (
    <div data-testid="ical">
      <p><small>{t('icalUitleg')}</small></p>
      {url ? <p><a href={url} data-testid="ical-url">{url}</a></p> : <button class="outline" onClick={maak}>{t('icalMaken')}</button>}
      <Fout fout={fout} />
    </div>
  );
};

export const Portaal = ({ ik }: { ik: IkWeergave }) => {
  const partijId = ik.partijId!;
  const geladen = useLaad(async () => {
    const eerste = await api<PortaalAntwoord>(`/partijen/${enc(partijId)}/afspraken${q({ perPagina: 200, naPositie: positieNaCommando() })}`);
    const rest = await Promise.all(
      Array.from({ length: Math.min(eerste.aantalPaginas, 20) - 1 }, (_, i) => api<PortaalAntwoord>(`/partijen/${enc(partijId)}/afspraken${q({ perPagina: 200, pagina: i + 2 })}`)),
    );
    return { ...eerste, items: [...eerste.items, ...rest.flatMap((r) => r.items)] };
  }, [partijId]);
  return (
    <section data-testid="portaal">
      <Wacht geladen={geladen} kind={(data) => {
        const items = opUrgentie(data.items);
        return (
          <>
            <hgroup>
              <h1>{t('portaal')}</h1>
              <p>{data.partij?.naam ?? partijId} · {t('portaalUitleg')}</p>
            </hgroup>
            <div class="tellingen" data-testid="aantallen">
              <span>{t('open')}: <strong>{data.aantallen.open}</strong></span>
              <span>{t('verlopen')}: <strong>{data.aantallen.verlopen}</strong></span>
              <span>{t('binnenkort')}: <strong>{data.aantallen.binnenkort}</strong></span>
            </div>
            <div class="tabel-wrap" tabIndex={0}>
              <table class="striped" data-testid="mijn-afspraken">
                <thead>
                  <tr><th scope="col">{t('afspraak')}</th><th scope="col">{t('status')}</th><th scope="col">{t('deadline')}</th><th scope="col">{t('rol')}</th><th scope="col">{t('voortgang')}</th></tr>
                </thead>
                <tbody>
                  {items.map((a) => {
                    const eigen = a.partijen.find((p) => p.partijId === partijId);
                    return (
                      <tr key={a.afspraakId} data-afspraak={a.afspraakId}>
                        <td><AfspraakLink id={a.afspraakId} titel={a.titel} /></td>
                        <td><StatusLabel status={a.status} wachtOpBeoordeling={wachtOpBeoordeling(a)} /></td>
                        <td>{datum(a.eerstvolgendeDue)}</td>
                        <td>{eigen ? (eigen.rol === 'trekker' ? t('rolTrekker') : t('rolBetrokken')) : ''}</td>
                        <td>{eigen?.laatsteVoortgang ? `${eigen.laatsteVoortgang.percentage}%` : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div class="grid">
              <Sectie titel="inbox" testid="inbox-sectie"><Inbox partijId={partijId} /></Sectie>
              <Sectie titel="ical" testid="ical-sectie"><Ical partijId={partijId} /></Sectie>
            </div>
          </>
        );
      }} />
    </section>
  );
};
