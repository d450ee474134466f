import { useState } from 'preact/hooks';
import { api, download, enc, q } from '../api';
import { AfspraakLink, bevestig, Fout, Sectie, StatusLabel, useLaad, Wacht } from '../components';
import { datum, statusLabel, t } from '../i18n';
import { KwartaalGrafiek } from '../grafiek';
import { alleAfspraken, overzichtPad, useProgramma } from '../programma';
import { afgelastVoor, overlegOp, type Programma } from '../overleg';
import type { DeadlineStatus, IkWeergave, IndicatorRegel, ProgrammaOverzicht, ProgrammaWeergave } from '../typen';

const KOLOMMEN: readonly DeadlineStatus[] = ['verlopen', 'binnenkort', 'op schema', 'geleverd te laat', 'geleverd op tijd', 'geen termijn', 'wacht op anker', 'ingetrokken'];

const OverlegToelichting = ({ programma, dag }: { programma: Programma; dag: string }) => {
  const staat = overlegOp(programma, dag);
  if (staat.soort === 'verplaatst') return <p data-testid="bo-verplaatst">{t('boVerplaatst', { van: datum(staat.van), reden: staat.reden })}</p>;
  if (staat.soort === 'extra') return <p data-testid="bo-extra">{t('boExtra')}</p>;
  return null;
};

const BestuurlijkOverleg = ({ programma, vandaag, klaar, magPlannen, magAgenda }: { programma: Programma; vandaag: string; klaar: () => void; magPlannen: boolean; magAgenda: boolean }) => {
  const [fout, zetFout] = useState<Error | null>(null);
  const komend = [...(programma.bestuurlijkOverleggen ?? [])].sort().filter((d) => d >= vandaag);
  const afgelast = afgelastVoor(programma, vandaag, komend[0]);
  const later = (d: string) => (overlegOp(programma, d).soort === 'extra' ? `${datum(d)} (${t('boExtraKort')})` : datum(d));
  return (
    <Sectie titel="volgendBo" testid="bestuurlijk-overleg">
      {komend.length ? (
        <>
          <p><strong data-testid="bo-volgend">{datum(komend[0])}</strong>{komend.length > 1 && <small> · {komend.slice(1).map(later).join(', ')}</small>}</p>
          <OverlegToelichting programma={programma} dag={komend[0]} />
          {magAgenda && (
            <button type="button" class="secondary outline" data-testid="bo-agenda"
              onClick={() => download(`/programmas/${enc(programma.programmaId)}/bestuurlijk-overleg/agenda${q({ datum: komend[0] })}`).then((f) => bevestig(t('gedownload', { f })), zetFout)}>
              {t('boAgenda')}
            </button>
          )}
        </>
      ) : <p>{t('geenBo')}</p>}
      {afgelast.map((v) => <p key={v.nummer} data-testid="bo-afgelast">{t('boAfgelast', { d: datum(v.volgensRegel), reden: v.reden ?? '' })}</p>)}
      {magPlannen && (
        <form data-testid="bo-plannen" onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget as HTMLFormElement;
          const d = String(new FormData(form).get('datum'));
          try {
            await api(`/programmas/${enc(programma.programmaId)}/bestuurlijk-overleggen`, { method: 'POST', body: { datum: d } });
            bevestig(t('boGepland', { d: datum(d) }));
            klaar();
          } catch (error) {
            zetFout(error as Error);
          }
        }}>
          <fieldset role="group">
            <input type="date" name="datum" required aria-label={t('boPlannen')} />
            <button type="submit">{t('boPlannen')}</button>
          </fieldset>
          <Fout fout={fout} />
        </form>
      )}
    </Sectie>
  );
};

const StatusMatrix = ({ overzicht }: { overzicht: ProgrammaOverzicht }) => (
  <Sectie titel="statusMix" testid="status-tabel">
    <div class="tabel-wrap" tabIndex={0}>
      <table class="striped">
        <thead>
          <tr><th scope="col">{t('programmalijn')} / {t('opgave')}</th><th scope="col">{t('totaal')}</th>{KOLOMMEN.map((s) => <th scope="col" key={s}>{statusLabel(s)}</th>)}</tr>
        </thead>
        <tbody>
          {overzicht.programmalijnen.map((lijn) => (
            <>
              <tr key={lijn.programmalijnId} data-programmalijn={lijn.programmalijnId}>
                <th scope="row"><strong>{lijn.nummer ? `${lijn.nummer}. ` : ''}{lijn.naam ?? lijn.programmalijnId}</strong></th>
                <td>{lijn.telling.aantal}</td>
                {KOLOMMEN.map((s) => <td key={s}>{lijn.telling.perStatus[s] || ''}</td>)}
              </tr>
              {lijn.opgaven.map((o) => (
                <tr key={o.opgaveId} data-opgave={o.opgaveId}>
                  <td>{o.nummer ? `${o.nummer}. ` : ''}{o.naam ?? o.opgaveId}</td>
                  <td>{o.telling.aantal}</td>
                  {KOLOMMEN.map((s) => <td key={s}>{o.telling.perStatus[s] || ''}</td>)}
                </tr>
              ))}
            </>
          ))}
        </tbody>
      </table>
    </div>
  </Sectie>
);

/** The programme's measurable ambitions beside the afspraken they belong to: target, measurements with source. */
const Indicatoren = ({ indicatoren }: { indicatoren: readonly IndicatorRegel[] }) => (
  <Sectie titel="indicatoren" aantal={indicatoren.length} testid="indicatoren">
    {indicatoren.length === 0 ? (
      <p>{t('geenIndicatoren')}</p>
    ) : (
      <div class="tabel-wrap" tabIndex={0}>
        <table class="striped">
          <thead>
            <tr><th scope="col">{t('indicator')}</th><th scope="col">{t('doel')}</th><th scope="col">{t('metingen')}</th><th scope="col">{t('afspraken')}</th></tr>
          </thead>
          <tbody>
            {indicatoren.map((i) => (
              <tr key={i.indicatorId} data-indicator={i.indicatorId}>
                <th scope="row">{i.naam} <small class="id">{i.indicatorId}</small></th>
                <td>{i.doel ? `${i.doel.omschrijving}${i.doel.peiljaar ? ` (${i.doel.peiljaar})` : ''}` : '–'}</td>
                <td>
                  {i.metingen.length ? (
                    <ul>{i.metingen.map((m) => <li key={`${m.peildatum}-${m.bron}`}><strong>{m.waarde} {i.eenheid}</strong> · {m.peildatum} <small>({m.bron})</small></li>)}</ul>
                  ) : '–'}
                </td>
                <td><ul>{i.afspraken.map((a) => <li key={a.afspraakId}><AfspraakLink id={a.afspraakId} titel={a.titel} /></li>)}</ul></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </Sectie>
);

export const Overzicht = ({ ik }: { ik: IkWeergave }) => {
  const { programmaId, keuze } = useProgramma(ik);
  const geladen = useLaad(async () => {
    if (!programmaId) return new Promise<never>(() => undefined);
    const [overzicht, programma, afspraken, indicatoren] = await Promise.all([
      api<ProgrammaOverzicht & { peilmoment: string }>(overzichtPad(programmaId)),
      api<ProgrammaWeergave>(`/programmas/${enc(programmaId)}`),
      alleAfspraken(programmaId),
      api<{ indicatoren: IndicatorRegel[] }>(`/programmas/${enc(programmaId)}/indicatoren`),
    ]);
    return { overzicht, programma: programma.programma, afspraken, indicatoren: indicatoren.indicatoren };
  }, [programmaId]);
  return (
    <section data-testid="overzicht">
      <Wacht geladen={geladen} kind={({ overzicht, programma, afspraken, indicatoren }) => (
        <>
          <hgroup>
            <h1>{programma.naam} <small class="id">{programma.programmaId}</small></h1>
            <p data-testid="totaal">{t('totaal')}: <strong>{overzicht.totaal.aantal}</strong></p>
          </hgroup>
          {keuze}
          <div class="tellingen">
            {KOLOMMEN.filter((s) => overzicht.totaal.perStatus[s]).map((s) => <span key={s}><StatusLabel status={s} />: <strong>{overzicht.totaal.perStatus[s]}</strong></span>)}
          </div>
          <Sectie titel="perKwartaal" testid="per-kwartaal"><KwartaalGrafiek afspraken={afspraken} /></Sectie>
          <BestuurlijkOverleg programma={programma} vandaag={overzicht.peilmoment.slice(0, 10)} klaar={geladen.opnieuw} magPlannen={ik.rol === 'coordinator'} magAgenda={ik.rol !== 'partij'} />
          <StatusMatrix overzicht={overzicht} />
          <Indicatoren indicatoren={indicatoren} />
        </>
      )} />
    </section>
  );
};
