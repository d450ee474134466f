import type { Aflevering } from './kanaal';
import { PermanenteFout } from './kanaal';
import { WebhookKanaal } from './webhook.kanaal';
import { HttpOntvanger } from '../testing/ontvangers';

const aflevering = (webhookUrl: string): Aflevering => ({
  verzending: { verzendingId: 'h1.vws.hook', herinneringId: 'h1', afspraakId: 'TAZ-A09', deadlineId: 'd1', trede: 'voor-7', partijId: 'vws', contactId: 'hook', kanaal: 'webhook' },
  herinnering: { herinneringId: 'h1', afspraakId: 'TAZ-A09', programmaId: 'TAZ', deadlineId: 'd1', versie: 0, trede: 'voor-7', doelgroep: 'partijen', datum: '2023-06-23', moment: '2023-06-23T07:00:00.000Z', due: '2023-06-30', overlegDatum: null },
  ontvanger: { naam: 'Systeem VWS', email: null, webhookUrl },
  bericht: { onderwerp: 'Herinnering: TAZ-A09', tekst: '…', link: 'http://localhost:3000/afspraken/TAZ-A09' },
});

describe('Het webhook-kanaal bij het versturen (een ontvanger op deze machine)', () => {
  const ontvanger = new HttpOntvanger();
  let basis: string;
  const nu = () => new Date('2023-06-23T07:00:00.000Z');
  beforeAll(async () => {
    basis = await ontvanger.start();
  });
  afterAll(() => ontvanger.stop());

  it('stuurt niets naar een intern adres dat niet is toegestaan (ook al werd het ooit vastgelegd)', async () => {
    const kanaal = new WebhookKanaal('geheim-van-minstens-16', nu);
    await expect(kanaal.verstuur(aflevering(`${basis}/hook`))).rejects.toThrow(PermanenteFout);
    await expect(kanaal.verstuur(aflevering(`${basis.replace('127.0.0.1', 'localhost')}/hook`))).rejects.toThrow(/intern adres/);
    expect(ontvanger.verzoeken).toHaveLength(0);
  });

  it('stuurt wel naar een host die WEBHOOK_TOEGESTANE_HOSTS noemt', async () => {
    const kanaal = new WebhookKanaal('geheim-van-minstens-16', nu, 10_000, ['127.0.0.1']);
    await expect(kanaal.verstuur(aflevering(`${basis}/hook`))).resolves.toBe('h1.vws.hook');
    expect(ontvanger.verzoeken).toEqual([expect.objectContaining({ url: '/hook', headers: expect.objectContaining({ 'x-afspraken-delivery': 'h1.vws.hook' }) })]);
  });

  it('volgt geen doorverwijzing (die kan overal heen wijzen)', async () => {
    ontvanger.antwoord = () => 302;
    const kanaal = new WebhookKanaal('geheim-van-minstens-16', nu, 10_000, ['127.0.0.1']);
    await expect(kanaal.verstuur(aflevering(`${basis}/hook`))).rejects.toThrow('webhook antwoordde HTTP 302');
    ontvanger.antwoord = () => 204;
  });
});
