import * as ical from 'node-ical';
import { InboxKanaal } from '@afspraken/herinneringen';
import { ApiKeyStore } from '@afspraken/platform';
import { auth, startTestApp, type TestApp } from './support/test-app';


describe('Herinneringen-API: inbox, iCal-feed, beleid, wachtrijen en metrics (PostgreSQL, Redis)', () => {
  let t: TestApp;
  let coordinator: string;
  let vws: string;
  let ocw: string;

  beforeAll(async () => {
    t = await startTestApp(undefined, { env: { WEBHOOK_TOEGESTANE_HOSTS: '127.0.0.1:41999' } });
    coordinator = await t.key('coordinator');
    vws = await t.key('partij', 'vws');
    ocw = await t.key('partij', 'ocw');
    const res = await t.importeerTaz(coordinator);
    expect(res.status).toBe(200);
  });
  afterAll(() => t?.close());

  it('geeft een partij een iCal-feed met haar deadlines die node-ical kan lezen, en trekt hem in', async () => {
    const maak = await t.http.post('/partijen/vws/ical-tokens').set(auth(vws));
    expect(maak.status).toBe(201);
    expect(maak.body.url).toMatch(/^http:\/\/localhost:3000\/ical\/ical_[a-z0-9]{12}_[A-Za-z0-9_-]{43}\.ics$/);
    const pad = new URL(maak.body.url).pathname;

    const feed = await t.http.get(pad);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(feed.text)).filter((c) => c.type === 'VEVENT') as ical.VEvent[];
    expect(events.length).toBeGreaterThan(5);
    const a10 = events.find((e) => e.uid === 'TAZ-A10-d1@afspraken-tracker');
    expect(a10?.summary).toBe('Deadline TAZ-A10: uitstroom naar (oneigenlijk) zzp-schap wordt voorkomen');
    expect(a10?.start.toISOString().slice(0, 10)).toBe('2024-01-01');
    expect(a10?.datetype).toBe('date');
    // The afspraak's web page, not the JSON API (which answers a calendar's click with 401); node-ical gives { val } for a typed URI.
    const url = a10?.url as unknown as string | { val: string } | undefined;
    expect(typeof url === 'object' ? url.val : url).toBe('http://localhost:3000/#/afspraak/TAZ-A10');

    const intrekken = await t.http.delete(`/partijen/vws/ical-tokens/${maak.body.id}`).set(auth(coordinator));
    expect(intrekken.status).toBe(200);
    expect((await t.http.get(pad)).status).toBe(404);
  });

  it('laat een partij geen feed of inbox van een andere partij maken of lezen', async () => {
    expect((await t.http.post('/partijen/vws/ical-tokens').set(auth(ocw))).status).toBe(403);
    expect((await t.http.get('/partijen/vws/inbox').set(auth(ocw))).status).toBe(403);
  });

  it('toont de inbox van een partij, alleen over afspraken die zij mag lezen', async () => {
    const inbox = new InboxKanaal(t.storage.db, t.schema, () => t.clock.now());
    // TAZ-A02: vws is trekker; TAZ-A09: vws is (nu) geen trekker of betrokkene.
    for (const afspraakId of ['TAZ-A02', 'TAZ-A09']) {
      await inbox.verstuur({
        verzending: { verzendingId: `${afspraakId}.vws.inbox`, herinneringId: afspraakId, afspraakId, deadlineId: 'd1', trede: 'voor-7', partijId: 'vws', contactId: null, kanaal: 'inbox' },
        herinnering: { herinneringId: afspraakId, afspraakId, programmaId: 'TAZ', deadlineId: 'd1', versie: 0, trede: 'voor-7', doelgroep: 'partijen', datum: '2023-06-23', moment: '2023-06-23T07:00:00.000Z', due: '2023-06-30', overlegDatum: null },
        ontvanger: { naam: 'VWS', email: null, webhookUrl: null },
        bericht: { onderwerp: `Herinnering: ${afspraakId}`, tekst: '…', link: `http://localhost:3000/afspraken/${afspraakId}` },
      });
    }
    const res = await t.http.get('/partijen/vws/inbox').set(auth(vws));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ verzendingId: 'TAZ-A02.vws.inbox', afspraakId: 'TAZ-A02', trede: 'voor-7', due: '2023-06-30' })]);
    const alles = await t.http.get('/partijen/vws/inbox').set(auth(coordinator));
    expect(alles.body.items.map((i: { afspraakId: string }) => i.afspraakId).sort()).toEqual(['TAZ-A02', 'TAZ-A09']);
  });

  it('stelt een herinneringsbeleid vast, en weigert een ongeldig veld met 400 zonder iets te schrijven', async () => {
    const head = await t.storage.events.headPosition();
    const fout = await t.http.put('/programmas/TAZ/herinneringsbeleid').set(auth(coordinator)).send({ uur: 25 });
    expect(fout.status).toBe(400);
    expect(JSON.stringify(fout.body)).toContain('uur');
    expect(await t.storage.events.headPosition()).toBe(head);
    const goed = await t.http.put('/programmas/TAZ/herinneringsbeleid').set(auth(coordinator)).send({ dagenVoor: [60, 14] });
    expect(goed.status).toBe(200);
    expect(goed.body.events.map((e: { type: string }) => e.type)).toEqual(['HerinneringsbeleidVastgesteld']);
    expect((await t.http.put('/programmas/TAZ/herinneringsbeleid').set(auth(vws)).send({})).status).toBe(403);
  });

  it('legt een webhook-contact vast en weigert er een zonder URL', async () => {
    const goed = await t.http.post('/partijen/ocw/contacten').set(auth(coordinator)).send({ naam: 'OCW systeem', email: 'it@ocw.example', kanaal: 'webhook', webhookUrl: 'https://ocw.example/hook' });
    expect(goed.status).toBe(200);
    const fout = await t.http.post('/partijen/ocw/contacten').set(auth(coordinator)).send({ naam: 'OCW systeem 2', email: 'it2@ocw.example', kanaal: 'webhook' });
    expect(fout.status).toBe(400);
    expect(JSON.stringify(fout.body)).toContain('webhookUrl');
  });

  it('weigert een webhook naar een intern adres, tenzij WEBHOOK_TOEGESTANE_HOSTS het noemt', async () => {
    const contact = (webhookUrl: string) =>
      t.http.post('/partijen/ocw/contacten').set(auth(coordinator)).send({ naam: 'OCW lokaal', email: 'lokaal@ocw.example', kanaal: 'webhook', webhookUrl });
    const intern = await contact('http://127.0.0.1:41998/hook');
    expect(intern.status).toBe(400);
    expect(intern.body).toMatchObject({ code: 'ONVEILIGE_WEBHOOK', errors: [{ field: 'webhookUrl' }] });
    expect((await contact('http://127.0.0.1:41999/hook')).status).toBe(200);
  });

  it('toont bull-board op /queues alleen aan coördinatoren zonder programma: de wachtrij draagt alle programma’s', async () => {
    expect((await t.http.get('/queues')).status).toBe(401);
    expect((await t.http.get('/queues').set(auth(vws))).status).toBe(403);
    const taz = (await t.app.get(ApiKeyStore).create({ naam: 'coördinator TAZ', rol: 'coordinator', programmaId: 'TAZ' })).key;
    const beperkt = await t.http.get('/queues').set(auth(taz));
    expect(beperkt.status).toBe(403);
    expect(beperkt.body.code).toBe('ALLEEN_ONBEPERKTE_COORDINATOR');
    expect((await t.http.put('/queues/api/queues/pause').set(auth(taz))).status).toBe(403);
    const res = await t.http.get('/queues').set(auth(coordinator));
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html');
    const api = await t.http.get('/queues/api/queues').set('Authorization', `Basic ${Buffer.from(`x:${coordinator}`).toString('base64')}`);
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['herinneringen', 'overzichten', 'verzendingen']);
  });

  it('geeft wachtrijmetrics in Prometheus-formaat op /metrics', async () => {
    const res = await t.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('afspraken_queue_jobs{queue="herinneringen",state="delayed"} 0');
  });
});
