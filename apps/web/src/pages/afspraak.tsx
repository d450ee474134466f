import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, download, enc } from '../api';
import { bevestig, Fout, Partij, useActie, useLaad, usePartijNamen, Wacht } from '../components';
import { datum, datumTijd, eventLabel, herplanningen, t, taal, type Label } from '../i18n';
import { Beoordelen, BewijsLijst, ClaimWeergave, laadGeschiedenis, openClaim } from '../levering';
import type { AfspraakWeergave, BestaandeAfspraak, Bewijs, HistorieRegel, IkWeergave } from '../typen';

/** One form for one command: posts its fields, shows the API's refusal, confirms and reloads on success. */
const CommandoFormulier = ({ titel, testid, pad, velden, naarBody, melding, klaar }: {
  titel: Label;
  testid: string;
  pad: string | ((v: Record<string, string>) => string);
  velden: ComponentChildren;
  naarBody: (v: Record<string, string>) => object;
  melding: Label;
  klaar: () => void;
}) => {
  const { fout, bezig, doe } = useActie(klaar);
  const verstuur = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    return doe(async () => {
      const waarden = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
      await api(typeof pad === 'function' ? pad(waarden) : pad, { method: 'POST', body: naarBody(waarden) });
      form.reset();
      (form.closest('details') as HTMLDetailsElement | null)?.removeAttribute('open');
    }, t(melding));
  };
  return (
    <details data-testid={testid}>
      <summary role="button" class="outline">{t(titel)}</summary>
      <form onSubmit={verstuur}>
        {velden}
        <Fout fout={fout} />
        <button type="submit" aria-busy={bezig}>{t('versturen')}</button>
      </form>
    </details>
  );
};

const Veld = ({ naam, label, type = 'text', verplicht = true, ...rest }: { naam: string; label: Label; type?: string; verplicht?: boolean; [k: string]: unknown }) => (
  <label>
    {t(label)}
    <input name={naam} type={type} required={verplicht} {...rest} />
  </label>
);

const Mijlpalen = ({ afspraak }: { afspraak: BestaandeAfspraak }) => (
  <div class="tabel-wrap" tabIndex={0}>
    <table class="striped" data-testid="mijlpalen">
      <thead>
        <tr><th scope="col">{t('omschrijving')}</th><th scope="col">{t('deadline')}</th><th scope="col">{t('datum')}</th><th scope="col">{t('oorspronkelijk')}</th><th scope="col">{t('levering')}</th></tr>
      </thead>
      <tbody>
        {afspraak.mijlpalen.map((m) => (
          <tr key={m.deadlineId} data-deadline={m.deadlineId}>
            <td>{m.omschrijving} <small class="id">{m.deadlineId}</small></td>
            <td>{m.deadline.phrase}</td>
            <td>{datum(m.deadline.due)}</td>
            <td>{m.baseline.phrase !== m.deadline.phrase ? `${m.baseline.phrase} (${datum(m.baseline.due)}) · ${herplanningen(m.verschuivingen.length)}` : '—'}</td>
            <td data-levering={m.levering.status}>{m.levering.status === 'gemeld' ? t('wachtOpBeoordeling') : t(`lev_${m.levering.status}` as Label)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const Voortgang = ({ afspraak, naam }: { afspraak: BestaandeAfspraak; naam: (id: string) => string }) => {
  const rapporten = Object.values(afspraak.voortgang);
  if (rapporten.length === 0) return <p data-testid="voortgang">{t('geenVoortgang')}</p>;
  return (
    <div data-testid="voortgang">
      {rapporten.map((r) => (
        <article key={r.partijId} data-partij={r.partijId}>
          <header>
            <strong>{naam(r.partijId)}</strong>: {r.percentage}% <small>{datumTijd(r.gerapporteerdOp)}</small>
          </header>
          <progress value={r.percentage} max={100} aria-label={`${t('voortgang')} ${naam(r.partijId)}`} />
          <p>{r.toelichting}</p>
          {r.bewijs.length > 0 && (
            <>
              <strong>{t('bewijs')}:</strong> <BewijsLijst bewijs={r.bewijs} />
            </>
          )}
        </article>
      ))}
    </div>
  );
};

/** Who did it, in words: a party by name, else the role. */
const wie = (r: HistorieRegel, naam: (id: string) => string): string =>
  r.partijId ? naam(r.partijId) : r.rol ? t(`rol_${r.rol}` as Label) : r.actor ?? '—';

/** The server's sentence is Dutch; in English the event's name and its main facts. */
const wat = (r: HistorieRegel): string => {
  if (taal() === 'nl') return r.samenvatting;
  const d = r.data as Record<string, unknown>;
  const dl = (x: unknown) => (x && typeof x === 'object' ? `"${(x as { phrase?: string }).phrase}"` : '');
  switch (r.type) {
    case 'DeadlineVerschoven':
      return `${d.deadlineId}: ${t('van')} ${dl(d.van)} ${t('naar')} ${dl(d.naar)}`;
    case 'VoortgangGerapporteerd':
      return `${d.percentage}%`;
    case 'DeadlineVastgelegd':
      return `${d.deadlineId}: ${dl(d.deadline)}`;
    default:
      return '';
  }
};

export const Geschiedenis = ({ regels, naam }: { regels: readonly HistorieRegel[]; naam: (id: string) => string }) => (
  <div class="tabel-wrap" tabIndex={0}>
    <table class="striped" data-testid="geschiedenis">
      <thead>
        <tr><th scope="col">{t('wanneer')}</th><th scope="col">{t('wie')}</th><th scope="col">{t('wat')}</th></tr>
      </thead>
      <tbody>
        {regels.map((r) => (
          <tr key={r.revision} data-type={r.type}>
            <td>
              {datumTijd(r.vastgelegdOp)}
              {r.effectiefOp && r.effectiefOp !== r.vastgelegdOp && (
                <><br /><small>{t('effectief')}: {datumTijd(r.effectiefOp)}</small></>
              )}
            </td>
            <td>{wie(r, naam)}</td>
            <td><strong>{eventLabel(r.type)}</strong>{wat(r) && <>: {wat(r)}</>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const AfspraakPagina = ({ ik, afspraakId }: { ik: IkWeergave; afspraakId: string }) => {
  const pad = `/afspraken/${enc(afspraakId)}`;
  const geladen = useLaad(async () => {
    const [weergave, geschiedenis] = await Promise.all([api<AfspraakWeergave>(pad), laadGeschiedenis(afspraakId)]);
    return { afspraak: weergave.afspraak, geschiedenis };
  }, [afspraakId]);
  const a = geladen.data?.afspraak;
  const naam = usePartijNamen(a ? [a.trekker, ...a.betrokken, ...Object.keys(a.voortgang)] : []);
  const [downloadFout, zetDownloadFout] = useState<Error | null>(null);
  return (
    <Wacht
      geladen={geladen}
      kind={({ afspraak, geschiedenis }) => {
        const lopend = afspraak.status === 'lopend';
        const coordinator = ik.rol === 'coordinator';
        const eigen = ik.rol === 'partij' && !!ik.partijId && (afspraak.trekker === ik.partijId || afspraak.betrokken.includes(ik.partijId));
        const namens = ik.partijId ?? afspraak.trekker;
        const claim = lopend ? openClaim(geschiedenis) : null;
        // The API wants a title for every link; without one the link itself serves.
        const bewijs = (v: Record<string, string>): Bewijs[] => (v.bewijsUrl ? [{ url: v.bewijsUrl, titel: v.bewijsTitel || v.bewijsUrl }] : []);
        return (
          <section data-testid="afspraak" data-afspraak={afspraak.afspraakId}>
            <hgroup>
              <h1>{afspraak.titel}</h1>
              <p>
                <span class="id">{afspraak.afspraakId}</span> · {afspraak.soort === 'actie' ? t('actie') : t('afspraak')} ·{' '}
                <mark data-testid="levenscyclus" data-levenscyclus={afspraak.status}>{t(`lc_${afspraak.status}` as Label)}</mark>
              </p>
            </hgroup>
            {claim && (
              <article class="beoordeling" data-testid="wacht-op-beoordeling">
                <header><strong>{t('wachtOpBeoordeling')}</strong> — {t('wachtUitleg')}</header>
                <ClaimWeergave claim={claim} naam={naam} />
                {coordinator && <Beoordelen afspraakId={afspraak.afspraakId} klaar={geladen.opnieuw} />}
              </article>
            )}
            <p>
              <strong>{t('trekker')}:</strong> <Partij id={afspraak.trekker} naam={naam} />
              {afspraak.betrokken.length > 0 && (
                <> · <strong>{t('betrokken')}:</strong> {afspraak.betrokken.map((p, i) => <>{i > 0 && ', '}<Partij id={p} naam={naam} /></>)}</>
              )}
            </p>
            <h2>{t('tekst')}</h2>
            <p>{afspraak.tekst}</p>
            {afspraak.bronCitaat && (
              <>
                <h2>{t('bronCitaat')}</h2>
                <blockquote>{afspraak.bronCitaat}</blockquote>
              </>
            )}
            <h2>{t('mijlpalen')}</h2>
            <Mijlpalen afspraak={afspraak} />
            <h2>{t('voortgang')}</h2>
            <Voortgang afspraak={afspraak} naam={naam} />

            {lopend && (coordinator || eigen) && (
              <>
                <h2>{t('acties')}</h2>
                <div data-testid="acties">
                  <CommandoFormulier titel="rapporteren" testid="rapporteren" pad={`${pad}/voortgang`} melding="voortgangOpgeslagen" klaar={geladen.opnieuw}
                    naarBody={(v) => ({ partijId: namens, percentage: Number(v.percentage), toelichting: v.toelichting, bewijs: bewijs(v) })}
                    velden={<>
                      <Veld naam="percentage" label="percentage" type="number" min="0" max="100" />
                      <label>{t('toelichting')}<textarea name="toelichting" required /></label>
                      <Veld naam="bewijsUrl" label="bewijsUrl" type="url" verplicht={false} />
                      <Veld naam="bewijsTitel" label="bewijsTitel" verplicht={false} />
                    </>} />
                  {!claim && (
                    <CommandoFormulier titel="leveringMelden" testid="levering-melden" pad={`${pad}/levering`} melding="leveringGemeld" klaar={geladen.opnieuw}
                      naarBody={(v) => ({ partijId: namens, toelichting: v.toelichting, bewijs: bewijs(v) })}
                      velden={<>
                        <label>{t('toelichting')}<textarea name="toelichting" required /></label>
                        <Veld naam="bewijsUrl" label="bewijsUrl" type="url" verplicht={false} />
                        <Veld naam="bewijsTitel" label="bewijsTitel" verplicht={false} />
                      </>} />
                  )}
                  {coordinator && afspraak.mijlpalen.length > 0 && (
                    <CommandoFormulier titel="herplannen" testid="herplannen" melding="herpland" klaar={geladen.opnieuw}
                      pad={(v) => `${pad}/deadlines/${enc(v.deadlineId)}/verschuiven`}
                      naarBody={(v) => ({ phrase: v.phrase, reden: v.reden, besluitorgaan: v.besluitorgaan })}
                      velden={<>
                        <label>{t('mijlpalen')}
                          <select name="deadlineId">
                            {afspraak.mijlpalen.map((m) => <option key={m.deadlineId} value={m.deadlineId}>{m.omschrijving} ({m.deadline.phrase})</option>)}
                          </select>
                        </label>
                        <Veld naam="phrase" label="nieuweDeadline" />
                        <Veld naam="reden" label="reden" />
                        <Veld naam="besluitorgaan" label="besluitorgaan" value="Bestuurlijk Overleg" />
                      </>} />
                  )}
                  {coordinator && (
                    <CommandoFormulier titel="intrekken" testid="intrekken" pad={`${pad}/intrekken`} melding="ingetrokkenMelding" klaar={geladen.opnieuw}
                      naarBody={(v) => ({ reden: v.reden })} velden={<Veld naam="reden" label="reden" />} />
                  )}
                </div>
              </>
            )}

            <h2>{t('geschiedenis')}</h2>
            {ik.rol !== 'partij' && (
              <p>
                <button type="button" class="outline secondary klein" data-testid="csv"
                  onClick={() => download(`${pad}/geschiedenis?formaat=csv`).then((f) => bevestig(t('gedownload', { f })), zetDownloadFout)}>
                  {t('csv')}
                </button>
              </p>
            )}
            <Fout fout={downloadFout} />
            <Geschiedenis regels={geschiedenis} naam={naam} />
          </section>
        );
      }}
    />
  );
};
