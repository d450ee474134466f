import type { GeplandeHerinnering } from '@afspraken/domain';
import { stelBerichtOp } from './bericht';
import { stelOverzichtOp } from './overzicht';

/** Issue 16: a reminder is read by a person, so its links open the web app, not the JSON API. */
const herinnering: GeplandeHerinnering = {
  herinneringId: 'herinnering-TAZ-A09-d1-v0-voor-30',
  afspraakId: 'TAZ-A09',
  programmaId: 'TAZ',
  deadlineId: 'd1',
  versie: 0,
  trede: 'voor-30',
  doelgroep: 'partijen',
  datum: '2023-05-31',
  moment: '2023-05-31T07:00:00.000Z',
  due: '2023-06-30',
  overlegDatum: null,
};

describe('De links in herinneringen', () => {
  it('wijzen een herinnering naar de webpagina van de afspraak', () => {
    const bericht = stelBerichtOp(herinnering, { status: 'onbekend' }, 'https://afspraken.example/');
    expect(bericht.link).toBe('https://afspraken.example/#/afspraak/TAZ-A09');
    expect(bericht.tekst).toContain('meld voortgang of levering: https://afspraken.example/#/afspraak/TAZ-A09');
    expect(bericht.tekst).not.toContain('/afspraken/');
  });

  it('wijzen elke regel van het weekoverzicht naar zijn afspraak, en het overzicht naar de eigen pagina van de partij', () => {
    const bericht = stelOverzichtOp(
      [
        { afspraakId: 'TAZ-A09', titel: 'Arbeidsmarkt', deadlineId: 'd1', omschrijving: 'Plan', phrase: 'Q2 2023', due: '2023-06-30', rol: 'trekker' },
        { afspraakId: 'TAZ A/10', titel: 'Opleiden', deadlineId: 'd1', omschrijving: 'Rapport', phrase: 'eind 2023', due: '2023-12-31', rol: 'betrokken' },
      ],
      'vws',
      'VWS',
      '2023-W14',
      'https://afspraken.example',
    );
    expect(bericht.tekst).toContain('\n  https://afspraken.example/#/afspraak/TAZ-A09\n');
    expect(bericht.tekst).toContain('\n  https://afspraken.example/#/afspraak/TAZ%20A%2F10\n');
    expect(bericht.tekst).not.toContain('/afspraken/');
    expect(bericht.link).toBe('https://afspraken.example/#/portaal');
  });
});
