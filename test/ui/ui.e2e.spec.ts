import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { InboxKanaal } from '@afspraken/herinneringen';
import { startTestApp, type TestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = 'test-output/screenshots';

const heeftChromium = existsSync(CHROMIUM);
if (!heeftChromium) console.log(`skipped: ${CHROMIUM} not installed (apt-get install chromium)`);
const beschrijf = heeftChromium ? describe : describe.skip;

beschrijf('Web-interface in een echte browser (Chromium, PostgreSQL)', () => {
  let t: TestApp;
  let browser: Browser;
  let basis: string;
  const sleutels: Record<'coordinator' | 'vws' | 'auditor', string> = { coordinator: '', vws: '', auditor: '' };
  const browserFouten: string[] = [];

  const inloggen = async (sleutel: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Well under jest's 30 s, so a missing element fails with its own message.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (fout) => browserFouten.push(fout.message));
    // Every console error counts, a 404 of the inbox too: the portal's parts are all there.
    page.on('console', (bericht) => {
      if (bericht.type() === 'error') browserFouten.push(`${bericht.text()} ${bericht.location().url}`);
    });
    await page.goto(`${basis}/`);
    await page.getByTestId('login').locator('input[name=sleutel]').fill(sleutel);
    await page.getByTestId('login').getByRole('button').click();
    await page.getByTestId('rol').waitFor();
    return page;
  };
  const screenshot = (page: Page, naam: string) => page.screenshot({ path: `${SCREENSHOTS}/${naam}.png`, fullPage: true });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startTestApp('2023-03-01T09:00:00.000Z');
    sleutels.coordinator = await t.key('coordinator');
    sleutels.vws = await t.key('partij', 'vws');
    sleutels.auditor = await t.key('auditor');
    const auth = { Authorization: `Bearer ${sleutels.coordinator}` };
    expect((await t.importeerTaz(sleutels.coordinator)).status).toBe(200);
    // The file's rule gives the Q1 2023 meeting 2023-03-31 (occurrence 2); it is held earlier. A one-off meeting comes on top.
    expect((await t.http.post('/programmas/TAZ/bestuurlijk-overleg/voorkomens/2/verplaatsen').set(auth).send({ naar: '2023-03-16', reden: 'voor het Kamerdebat' })).status).toBe(200);
    expect((await t.http.post('/programmas/TAZ/bestuurlijk-overleggen').set(auth).send({ datum: '2023-06-12' })).status).toBeLessThan(300);
    // One reminder in the inbox of vws, so the portal has something to list.
    await new InboxKanaal(t.storage.db, t.schema, () => t.clock.now()).verstuur({
      verzending: { verzendingId: 'h1.vws.inbox', herinneringId: 'h1', afspraakId: 'TAZ-A08', deadlineId: 'd1', trede: 'voor-7', partijId: 'vws', contactId: null, kanaal: 'inbox' },
      herinnering: { herinneringId: 'h1', afspraakId: 'TAZ-A08', programmaId: 'TAZ', deadlineId: 'd1', versie: 0, trede: 'voor-7', doelgroep: 'partijen', datum: '2023-06-23', moment: '2023-06-23T07:00:00.000Z', due: '2023-06-30', overlegDatum: null },
      ontvanger: { naam: 'VWS', email: null, webhookUrl: null },
      bericht: { onderwerp: 'Herinnering: TAZ-A08', tekst: '…', link: 'http://localhost/afspraken/TAZ-A08' },
    });
    await t.app.listen(0, '127.0.0.1');
    basis = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => expect(browserFouten.splice(0)).toEqual([]));

  it('de coördinator ziet het geïmporteerde TAZ-programma: 3 programmalijnen, de aantallen en het volgende Bestuurlijk Overleg', async () => {
    const page = await inloggen(sleutels.coordinator);
    const dashboard = page.getByTestId('dashboard');
    await dashboard.waitFor();
    await expect(dashboard.locator('h2').textContent()).resolves.toContain('Toekomstbestendige Arbeidsmarkt Zorg & welzijn');
    await expect(page.locator('[data-programmalijn]').count()).resolves.toBe(3);
    await expect(page.locator('[data-opgave]').count()).resolves.toBe(8);
    await expect(page.getByTestId('totaal').textContent()).resolves.toMatch(/totaal: 109/);
    await expect(page.getByTestId('bestuurlijk-overleg').textContent()).resolves.toContain('2023-03-16');
    await expect(page.getByTestId('bo-herkomst').textContent()).resolves.toBe('verplaatst van 2023-03-31: voor het Kamerdebat');
    await expect(page.getByTestId('verlopen').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('tijdlijn').locator('[data-kwartaal]').first().getAttribute('data-kwartaal')).resolves.toBe('2023-Q1');
    await screenshot(page, 'dashboard');

    await page.getByTestId('taal').click();
    await expect(page.locator('thead th').first().textContent()).resolves.toContain('Programme line');
    await page.getByTestId('taal').click();
    await expect(page.locator('thead th').first().textContent()).resolves.toContain('Programmalijn');
    await page.context().close();
  });

  it('een partij rapporteert voortgang met een bewijslink op haar afspraak en ziet geen coördinatoracties', async () => {
    t.clock.set('2023-04-15T10:00:00.000Z');
    const page = await inloggen(sleutels.vws);
    await page.getByTestId('portaal').waitFor();
    await expect(page.getByTestId('rol').textContent()).resolves.toContain('vws');
    await expect(page.locator('nav').getByText('Dashboard').count()).resolves.toBe(0);
    const rij = page.getByTestId('mijn-afspraken').locator('[data-afspraak="TAZ-A08"]');
    // The portal's parts load on their own; wait for each instead of counting at once.
    await rij.waitFor();
    await expect(rij.count()).resolves.toBe(1);
    const inbox = page.getByTestId('inbox').locator('li');
    await inbox.waitFor();
    await expect(inbox.count()).resolves.toBe(1);
    await expect(inbox.textContent()).resolves.toContain('Herinnering: TAZ-A08');
    await screenshot(page, 'partij-portaal');

    await rij.getByRole('link', { name: 'TAZ-A08' }).click();
    await page.getByTestId('afspraak').waitFor();
    for (const actie of ['herplannen', 'accepteren', 'afwijzen', 'intrekken']) await expect(page.getByTestId(actie).count()).resolves.toBe(0);
    const formulier = page.getByTestId('rapporteren');
    await formulier.locator('summary').click();
    await formulier.locator('input[name=percentage]').fill('40');
    await formulier.locator('textarea[name=toelichting]').fill('Verkenning voltijdbonus loopt; eerste gesprekken gevoerd');
    await formulier.locator('input[name=bewijsUrl]').fill('https://example.org/verkenning.pdf');
    await formulier.locator('input[name=bewijsTitel]').fill('Notitie verkenning');
    await formulier.getByRole('button', { name: 'Versturen' }).click();
    await page.getByTestId('voortgang').locator('[data-partij="vws"]').waitFor();
    await expect(page.getByTestId('voortgang').textContent()).resolves.toContain('40%');
    await expect(page.getByTestId('bewijs').getAttribute('href')).resolves.toBe('https://example.org/verkenning.pdf');
    await expect(page.getByTestId('geschiedenis').locator('[data-type="VoortgangGerapporteerd"]').count()).resolves.toBe(1);
    await screenshot(page, 'afspraak-partij');
    await page.context().close();
  });

  it('de API weigert de partij wat de interface haar niet toont', async () => {
    const vws = { Authorization: `Bearer ${sleutels.vws}` };
    const voor = await t.eventCount();
    const intrekken = await t.http.post('/afspraken/TAZ-A08/intrekken').set(vws).send({ reden: 'mag niet' });
    expect(intrekken.status).toBe(403);
    const verschuiven = await t.http.post('/afspraken/TAZ-A08/deadlines/d1/verschuiven').set(vws).send({ phrase: 'uiterlijk Q4 2023', reden: 'x', besluitorgaan: 'y' });
    expect(verschuiven.status).toBe(403);
    expect(await t.eventCount()).toBe(voor);
  });

  it('het dashboard van de coördinator toont de voortgang, en een herplanning verschijnt als verschuiving', async () => {
    // The party's report came from another browser (its position is not in this one): wait for the read models.
    const kop = await t.storage.events.headPosition();
    expect((await t.http.get(`/afspraken?naPositie=${kop}`).set('Authorization', `Bearer ${sleutels.coordinator}`)).status).toBe(200);
    const page = await inloggen(sleutels.coordinator);
    await page.getByTestId('dashboard').waitFor();
    await expect(page.getByTestId('slippage').textContent()).resolves.not.toContain('TAZ-A08');
    await page.getByTestId('filters').locator('select[name=partij]').selectOption('vws');
    await page.getByTestId('filters').getByRole('button').click();
    const rij = page.getByTestId('gefilterd').locator('[data-afspraak="TAZ-A08"]');
    await rij.waitFor();
    await expect(rij.textContent()).resolves.toContain('40%');

    await rij.getByRole('link', { name: 'TAZ-A08' }).click();
    await page.getByTestId('afspraak').waitFor();
    await expect(page.getByTestId('voortgang').textContent()).resolves.toContain('Verkenning voltijdbonus loopt');
    const herplannen = page.getByTestId('herplannen');
    await herplannen.locator('summary').click();
    await herplannen.locator('select[name=deadlineId]').selectOption('d1');
    await herplannen.locator('input[name=phrase]').fill('uiterlijk Q4 2023');
    await herplannen.locator('input[name=reden]').fill('Verkenning later gestart door capaciteit');
    await herplannen.getByRole('button', { name: 'Versturen' }).click();
    await page.getByTestId('geschiedenis').locator('[data-type="DeadlineVerschoven"]').waitFor();
    await expect(page.getByTestId('mijlpalen').locator('[data-deadline="d1"]').textContent()).resolves.toContain('uiterlijk Q4 2023');
    await screenshot(page, 'afspraak-coordinator');

    await page.getByRole('link', { name: /Terug/ }).click();
    await page.getByTestId('slippage').getByRole('link', { name: 'TAZ-A08' }).waitFor();
    await page.context().close();
  });

  it('de partij meldt levering, de coördinator accepteert: de afspraak is afgerond en het dashboard telt hem als geleverd', async () => {
    t.clock.set('2023-05-01T10:00:00.000Z');
    const partij = await inloggen(sleutels.vws);
    await partij.goto(`${basis}/#/afspraak/TAZ-A08`);
    const melden = partij.getByTestId('levering-melden');
    await melden.locator('summary').click();
    await melden.locator('textarea[name=toelichting]').fill('Verkenning afgerond, notitie naar de Kamer');
    await melden.locator('input[name=bewijsUrl]').fill('https://example.org/kamerbrief.pdf');
    await melden.getByRole('button', { name: 'Versturen' }).click();
    await partij.getByTestId('geschiedenis').locator('[data-type="LeveringGemeld"]').waitFor();
    await partij.context().close();

    const page = await inloggen(sleutels.coordinator);
    await page.getByTestId('dashboard').waitFor();
    const geleverdVoor = Number(await page.locator('[data-status="geleverd op tijd"] strong').textContent());
    await page.goto(`${basis}/#/afspraak/TAZ-A08`);
    await page.getByTestId('accepteren').locator('summary').click();
    await page.getByTestId('accepteren').getByRole('button', { name: 'Versturen' }).click();
    await page.getByTestId('geschiedenis').locator('[data-type="AfspraakAfgerond"]').waitFor();
    await expect(page.getByTestId('levenscyclus').textContent()).resolves.toBe('afgerond');
    await expect(page.getByTestId('acties').count()).resolves.toBe(0);
    await page.getByRole('link', { name: /Terug/ }).click();
    await page.getByTestId('dashboard').waitFor();
    await expect(page.locator('[data-status="geleverd op tijd"] strong').textContent()).resolves.toBe(String(geleverdVoor + 1));
    await page.context().close();
  });

  it('een auditor ziet op een eerdere peildatum de oude stand, en op een latere de voortgang; de hashketen is intact', async () => {
    const page = await inloggen(sleutels.auditor);
    await page.getByTestId('audit').waitFor();
    await expect(page.locator('nav').getByText('Mijn afspraken').count()).resolves.toBe(0);
    const kijk = async (peildatum: string) => {
      await page.getByTestId('peildatum').locator('input[name=peildatum]').fill(peildatum);
      await page.getByTestId('peildatum').getByRole('button').click();
      await page.locator(`[data-testid=stand][data-peildatum="${peildatum}"]`).waitFor();
      return page.getByTestId('stand-afspraken').locator('[data-afspraak="TAZ-A08"] [data-testid=voortgang-cel]').textContent();
    };
    await expect(kijk('2023-04-20')).resolves.toBe('vws: 40%');
    await expect(kijk('2023-03-31')).resolves.toBe('—');
    await expect(page.locator('[data-programmalijn]').count()).resolves.toBe(3);
    await page.getByTestId('integriteit').getByRole('button').click();
    await expect(page.getByTestId('integriteit-uitslag').getAttribute('data-intact')).resolves.toBe('true');
    await page.getByTestId('afspraak-tijdlijn').locator('input[name=afspraakId]').fill('TAZ-A08');
    await page.getByTestId('afspraak-tijdlijn').getByRole('button').click();
    await page.getByTestId('afspraak-tijdlijn').locator('[data-type="VoortgangGerapporteerd"]').waitFor();
    await screenshot(page, 'audit');

    const download = page.waitForEvent('download');
    await page.getByTestId('rapport').click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    await page.context().close();
  });
});
