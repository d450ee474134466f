import { useState } from 'preact/hooks';
import { api, enc } from '../api';
import { bevestig, Fout, Sectie, useLaad, Wacht } from '../components';
import { datumTijd, t, type Label } from '../i18n';
import type { NieuweSleutel, SleutelWeergave } from '../typen';

/** Keys for parties and auditors, made and revoked while the app runs. */
export const Sleutels = () => {
  const geladen = useLaad(() => api<SleutelWeergave[]>('/sleutels'), []);
  const [nieuw, zetNieuw] = useState<string | null>(null);
  const [rol, zetRol] = useState('partij');
  const [fout, zetFout] = useState<Error | null>(null);
  const maak = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    zetFout(null);
    try {
      const body = { naam: String(f.get('naam')), rol, ...(rol === 'partij' ? { partijId: String(f.get('partijId')) } : {}) };
      const antwoord = await api<NieuweSleutel>('/sleutels', { method: 'POST', body });
      zetNieuw(antwoord.sleutel);
      form.reset();
      geladen.opnieuw();
    } catch (error) {
      zetFout(error as Error);
    }
  };
  const trekIn = async (id: string) => {
    try {
      await api(`/sleutels/${enc(id)}/intrekken`, { method: 'POST', body: {} });
      bevestig(t('sleutelIngetrokken'));
      geladen.opnieuw();
    } catch (error) {
      zetFout(error as Error);
    }
  };
  return (
    <section data-testid="sleutels">
      <hgroup><h1>{t('sleutels')}</h1><p>{t('sleutelsUitleg')}</p></hgroup>
      <Sectie titel="sleutelMaken" testid="sleutel-maken">
        <form onSubmit={maak}>
          <div class="grid">
            <label>{t('naam')}<input name="naam" required /></label>
            <label>{t('rol')}
              <select name="rol" value={rol} onChange={(e) => zetRol((e.currentTarget as HTMLSelectElement).value)}>
                <option value="partij">{t('rol_partij')}</option>
                <option value="auditor">{t('rol_auditor')}</option>
              </select>
            </label>
            {rol === 'partij' && <label>{t('kiesPartij')}<input name="partijId" required placeholder="vws" /></label>}
          </div>
          <button type="submit">{t('sleutelMaken')}</button>
        </form>
        {nieuw && <p data-testid="nieuwe-sleutel">{t('nieuweSleutel')} <code>{nieuw}</code></p>}
        <Fout fout={fout} />
      </Sectie>
      <Wacht geladen={geladen} kind={(sleutels) => (
        <div class="tabel-wrap" tabIndex={0}>
          <table class="striped" data-testid="sleutel-lijst">
            <thead><tr><th scope="col">{t('naam')}</th><th scope="col">{t('rol')}</th><th scope="col">{t('aangemaakt')}</th><th scope="col">{t('status')}</th><th scope="col">{t('acties')}</th></tr></thead>
            <tbody>
              {sleutels.map((s) => (
                <tr key={s.id} data-sleutel={s.id}>
                  <td>{s.naam} <small class="id">{s.id}</small></td>
                  <td>{t(`rol_${s.rol}` as Label)}{s.partijId && ` ${s.partijId}`}</td>
                  <td>{datumTijd(s.aangemaaktOp)}</td>
                  <td>{s.ingetrokkenOp ? `${t('lc_ingetrokken')} ${datumTijd(s.ingetrokkenOp)}` : t('actief')}</td>
                  <td>{!s.ingetrokkenOp && <button class="outline secondary klein" onClick={() => trekIn(s.id)} aria-label={`${t('intrekken')}: ${s.naam}`}>{t('intrekken')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )} />
    </section>
  );
};
