import { useState } from 'preact/hooks';
import { api, download, enc, q } from '../api';
import { AfspraakLink, bevestig, Fout, Partij, Sectie, StatusLabel, useLaad, usePartijNamen, Wacht } from '../components';
import { datum, t, type Label } from '../i18n';
import { useProgramma } from '../programma';
import { laadGeschiedenis } from '../levering';
import { Geschiedenis } from './afspraak';
import type { AuditOverzicht, DeadlineStatus, IkWeergave } from '../typen';

type Zoals = 'vastgelegd' | 'gecorrigeerd';

const Stand = ({ programmaId, peildatum, zoals }: { programmaId: string; peildatum: string; zoals: Zoals }) => {
  const geladen = useLaad(() => api<AuditOverzicht>(`/programmas/${enc(programmaId)}/overzicht${q({ peildatum, zoals })}`), [programmaId, peildatum, zoals]);
  const naam = usePartijNamen(geladen.data?.afspraken.map((a) => a.trekker) ?? []);
  return (
    <Wacht geladen={geladen} kind={(data) => {
      const perStatus = new Map<DeadlineStatus, number>();
      for (const a of data.afspraken) perStatus.set(a.status, (perStatus.get(a.status) ?? 0) + 1);
      return (
        <div data-testid="stand" data-peildatum={data.peildatum} data-zoals={data.zoals}>
          <h2>{t('standOp', { d: datum(data.peildatum) })} <small>({t(`zoals_${data.zoals}` as Label)}, {t('events', { n: data.events })})</small></h2>
          <div class="tellingen">
            {[...perStatus].map(([s, n]) => <span key={s}><StatusLabel status={s} />: <strong>{n}</strong></span>)}
          </div>
          <div class="tabel-wrap" tabIndex={0}>
            <table class="striped" data-testid="stand-afspraken">
              <thead>
                <tr><th scope="col">{t('afspraak')}</th><th scope="col">{t('status')}</th><th scope="col">{t('deadline')}</th><th scope="col">{t('trekker')}</th><th scope="col">{t('voortgang')}</th></tr>
              </thead>
              <tbody>
                {data.afspraken.map((a) => (
                  <tr key={a.afspraakId} data-afspraak={a.afspraakId}>
                    <td><AfspraakLink id={a.afspraakId} titel={a.titel} /></td>
                    <td><StatusLabel status={a.status} /></td>
                    <td>{datum(a.eerstvolgendeDue)}</td>
                    <td><Partij id={a.trekker} naam={naam} /></td>
                    <td data-testid="voortgang-cel">{Object.entries(a.voortgangPerPartij).map(([p, v]) => `${naam(p)}: ${v}%`).join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      );
    }} />
  );
};

const Tijdlijn = () => {
  const [afspraakId, zetId] = useState('');
  const geladen = useLaad(() => (afspraakId ? laadGeschiedenis(afspraakId) : Promise.resolve(null)), [afspraakId]);
  const naam = usePartijNamen(geladen.data?.flatMap((r) => (r.partijId ? [r.partijId] : [])) ?? []);
  const [fout, zetFout] = useState<Error | null>(null);
  return (
    <Sectie titel="tijdlijnAfspraak" testid="afspraak-tijdlijn">
      <form onSubmit={(e) => { e.preventDefault(); zetId(String(new FormData(e.currentTarget as HTMLFormElement).get('afspraakId') ?? '').trim()); }}>
        <fieldset role="group">
          <input name="afspraakId" placeholder="TAZ-A09" aria-label={t('afspraakId')} required />
          <button type="submit">{t('toon')}</button>
        </fieldset>
      </form>
      {afspraakId && geladen.fout && <Fout fout={geladen.fout} />}
      {afspraakId && geladen.data && (
        <>
          <p>
            <AfspraakLink id={afspraakId} />{' '}
            <button type="button" class="outline secondary klein" data-testid="csv"
              onClick={() => download(`/afspraken/${enc(afspraakId)}/geschiedenis?formaat=csv`).then((f) => bevestig(t('gedownload', { f })), zetFout)}>
              {t('csv')}
            </button>
          </p>
          <Fout fout={fout} />
          <Geschiedenis regels={geladen.data} naam={naam} />
        </>
      )}
    </Sectie>
  );
};

const Integriteit = () => {
  const [staat, zet] = useState<{ bezig?: boolean; verslag?: { intact: boolean; streams: number; events: number }; fout?: Error }>({});
  return (
    <Sectie titel="integriteit" testid="integriteit">
      <button class="outline" aria-busy={!!staat.bezig}
        onClick={() => { zet({ bezig: true }); api<{ intact: boolean; streams: number; events: number }>('/audit/verificatie').then((verslag) => zet({ verslag }), (fout: Error) => zet({ fout })); }}>
        {t('controleer')}
      </button>
      {staat.verslag && (
        <p data-testid="integriteit-uitslag" data-intact={String(staat.verslag.intact)}>
          <strong>{staat.verslag.intact ? t('intact') : t('gebroken')}</strong> — {t('streams', { n: staat.verslag.streams })}, {t('events', { n: staat.verslag.events })}
        </p>
      )}
      <Fout fout={staat.fout} />
    </Sectie>
  );
};

export const AuditPagina = ({ ik }: { ik: IkWeergave }) => {
  const { programmaId, keuze } = useProgramma(ik);
  const [peiling, zetPeiling] = useState<{ peildatum: string; zoals: Zoals } | null>(null);
  const [fout, zetFout] = useState<Error | null>(null);
  const rapport = (formaat: 'pdf' | 'md') => {
    zetFout(null);
    download(`/audit/programmas/${enc(programmaId!)}/rapport${q({ peildatum: peiling!.peildatum, formaat })}`).then((f) => bevestig(t('gedownload', { f })), zetFout);
  };
  return (
    <section data-testid="audit">
      <h1>{t('audit')}{programmaId && <small class="id"> {programmaId}</small>}</h1>
      {keuze}
      <form data-testid="peildatum" onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget as HTMLFormElement);
        zetPeiling({ peildatum: String(f.get('peildatum')), zoals: f.get('zoals') === 'gecorrigeerd' ? 'gecorrigeerd' : 'vastgelegd' });
      }}>
        <div class="grid">
          <label>{t('peildatum')}<input type="date" name="peildatum" required /></label>
          <fieldset>
            <legend>{t('zoals')}</legend>
            <label><input type="radio" name="zoals" value="vastgelegd" checked />{t('zoals_vastgelegd')}</label>
            <label><input type="radio" name="zoals" value="gecorrigeerd" />{t('zoals_gecorrigeerd')}</label>
          </fieldset>
        </div>
        <button type="submit">{t('toon')}</button>
      </form>
      {!peiling && <p>{t('peildatumKies')}</p>}
      {peiling && programmaId && (
        <>
          <p class="rij-acties">
            <button class="secondary" data-testid="rapport" onClick={() => rapport('pdf')}>{t('rapportPdf')}</button>
            <button class="secondary outline" data-testid="rapport-md" onClick={() => rapport('md')}>{t('rapportMd')}</button>
          </p>
          <Fout fout={fout} />
          <Stand programmaId={programmaId} peildatum={peiling.peildatum} zoals={peiling.zoals} />
        </>
      )}
      <div class="grid"><Integriteit /><Tijdlijn /></div>
    </section>
  );
};
