import { api } from '../api';
import { AfspraakLink, Partij, Sectie, StatusLabel, useLaad, usePartijNamen, Wacht } from '../components';
import { datum, t } from '../i18n';
import { Beoordelen, ClaimWeergave, laadGeschiedenis, openClaim, wachtOpBeoordeling, type Claim } from '../levering';
import { alleAfspraken, overzichtPad, useProgramma } from '../programma';
import { afspraakHref } from '../router';
import type { AfspraakStatusWeergave, IkWeergave, ProgrammaOverzicht } from '../typen';

interface Werkvoorraad {
  readonly overzicht: ProgrammaOverzicht;
  readonly teBeoordelen: readonly { afspraak: AfspraakStatusWeergave; claim: Claim | null }[];
  readonly titels: ReadonlyMap<string, string>;
}

const laad = async (programmaId: string): Promise<Werkvoorraad> => {
  const [overzicht, afspraken] = await Promise.all([api<ProgrammaOverzicht>(overzichtPad(programmaId)), alleAfspraken(programmaId)]);
  const wachtend = afspraken.filter(wachtOpBeoordeling);
  const claims = await Promise.all(wachtend.map(async (a) => openClaim(await laadGeschiedenis(a.afspraakId))));
  return {
    overzicht,
    teBeoordelen: wachtend.map((afspraak, i) => ({ afspraak, claim: claims[i] })),
    titels: new Map(afspraken.map((a) => [a.afspraakId, a.titel])),
  };
};

const dagen = (n: number) => (n === 1 ? t('dagTeLaat') : t('dagenTeLaat', { n }));

/** The coordinator's start: what needs a decision or an action now, each row one click from acting. */
export const Aandacht = ({ ik }: { ik: IkWeergave }) => {
  const { programmaId, keuze, fout } = useProgramma(ik);
  const geladen = useLaad(() => (programmaId ? laad(programmaId) : new Promise<never>(() => undefined)), [programmaId]);
  const partijen = geladen.data ? [...geladen.data.overzicht.verlopen.map((m) => m.trekker), ...geladen.data.teBeoordelen.flatMap((r) => [r.afspraak.trekker, r.claim?.partijId ?? ''])].filter(Boolean) : [];
  const naam = usePartijNamen(partijen);
  return (
    <section data-testid="aandacht">
      <hgroup>
        <h1>{t('aandacht')}</h1>
        <p>{t('aandachtUitleg')}</p>
      </hgroup>
      {keuze}
      {fout && <p class="fout">{fout.message}</p>}
      <Wacht
        geladen={geladen}
        kind={({ overzicht, teBeoordelen, titels }) => {
          const gemeld = new Set(teBeoordelen.map((r) => r.afspraak.afspraakId));
          const verlopen = overzicht.verlopen.filter((m) => !gemeld.has(m.afspraakId));
          const binnenkort = overzicht.deadlinesPerKwartaal.flatMap((k) => k.mijlpalen).filter((m) => m.status === 'binnenkort' && !gemeld.has(m.afspraakId));
          return (
            <>
              <Sectie titel="teBeoordelen" aantal={teBeoordelen.length} testid="te-beoordelen">
                {teBeoordelen.length === 0 ? (
                  <p>{t('geen')}</p>
                ) : (
                  teBeoordelen.map(({ afspraak, claim }) => (
                    <article class="beoordeling" key={afspraak.afspraakId} data-afspraak={afspraak.afspraakId}>
                      <header>
                        <AfspraakLink id={afspraak.afspraakId} titel={afspraak.titel} /> · <StatusLabel status={afspraak.status} wachtOpBeoordeling />
                      </header>
                      {claim && <ClaimWeergave claim={claim} naam={naam} />}
                      <Beoordelen afspraakId={afspraak.afspraakId} klaar={geladen.opnieuw} />
                    </article>
                  ))
                )}
              </Sectie>

              <Sectie titel="teLaat" aantal={verlopen.length} testid="verlopen">
                {verlopen.length === 0 ? (
                  <p>{t('geen')}</p>
                ) : (
                  <div class="tabel-wrap" tabIndex={0}>
                    <table class="striped">
                      <thead>
                        <tr><th scope="col">{t('afspraak')}</th><th scope="col">{t('omschrijving')}</th><th scope="col">{t('deadline')}</th><th scope="col">{t('trekker')}</th><th scope="col">{t('acties')}</th></tr>
                      </thead>
                      <tbody>
                        {verlopen.map((m) => (
                          <tr key={`${m.afspraakId}-${m.deadlineId}`} data-afspraak={m.afspraakId}>
                            <td><AfspraakLink id={m.afspraakId} titel={m.titel} /></td>
                            <td>{m.omschrijving}</td>
                            <td>{datum(m.due)} <small>({dagen(m.dagenTeLaat)})</small></td>
                            <td><Partij id={m.trekker} naam={naam} /></td>
                            <td><a href={afspraakHref(m.afspraakId)} aria-label={`${t('herplannen')}: ${m.titel}`}>{t('herplannen')}</a></td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </Sectie>

              <Sectie titel="binnen30" aantal={binnenkort.length} testid="binnenkort">
                {binnenkort.length === 0 ? (
                  <p>{t('geen')}</p>
                ) : (
                  <ul>
                    {binnenkort.map((m) => (
                      <li key={`${m.afspraakId}-${m.deadlineId}`} data-afspraak={m.afspraakId}>
                        {datum(m.due)}: <AfspraakLink id={m.afspraakId} titel={m.titel} /> — {m.omschrijving} (<Partij id={m.trekker} naam={naam} />)
                      </li>
                    ))}
                  </ul>
                )}
              </Sectie>

              <Sectie titel="zonderDatum" aantal={overzicht.zonderTermijn.length} testid="zonder-datum">
                {overzicht.zonderTermijn.length === 0 ? (
                  <p>{t('geen')}</p>
                ) : (
                  <div class="tabel-wrap" tabIndex={0}>
                    <table class="striped">
                      <thead>
                        <tr><th scope="col">{t('afspraak')}</th><th scope="col">{t('deadline')}</th><th scope="col">{t('status')}</th><th scope="col">{t('acties')}</th></tr>
                      </thead>
                      <tbody>
                        {overzicht.zonderTermijn.map((m) => (
                          <tr key={`${m.afspraakId}-${m.deadlineId}`} data-afspraak={m.afspraakId}>
                            <td><AfspraakLink id={m.afspraakId} titel={titels.get(m.afspraakId) ?? m.titel} />{m.omschrijving && <><br /><small>{m.omschrijving}</small></>}</td>
                            <td>{m.phrase ?? '—'}</td>
                            <td><StatusLabel status={m.status} />{m.wachtOp && <small> ({m.wachtOp})</small>}</td>
                            <td><a href={afspraakHref(m.afspraakId)} aria-label={`${t('geefDatum')}: ${m.titel}`}>{t('geefDatum')}</a></td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </Sectie>
            </>
          );
        }}
      />
    </section>
  );
};
