import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { InboxKanaal } from '@afspraken/herinneringen';
import { startTestApp, type TestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = 'test-output/screenshots';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = { breed: { width: 1366, height: 900 }, smal: { width: 390, height: 844 } } as const;

const heeftChromium = existsSync(CHROMIUM);
if (!heeftChromium) console.log(`skipped: ${CHROMIUM} not installed (apt-get install chromium)`);
const beschrijf = heeftChromium ? describe : describe.skip;

beschrijf('Web-app in een echte browser (Chromium, PostgreSQL)', () => {
  let t: TestApp;
  let browser: Browser;
  let basis: string;
  const sleutels: Record<'coordinator' | 'vws' | 'auditor', string> = { coordinator: '', vws: '', auditor: '' };
  const browserFouten: string[] = [];

  const nieuwePagina = async (viewport: { width: number; height: number } = VIEWPORTS.breed): Promise<Page> => {
    const context = await browser.newContext({ viewport });
    // Well under jest's timeout, so a missing element fails with its own message.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (fout) => browserFouten.push(fout.message));
    page.on('console', (bericht) => {
      if (bericht.type() === 'error') browserFouten.push(`${bericht.text()} ${bericht.location().url}`);
    });
    return page;
  };
  const logIn = async (page: Page, sleutel: string) => {
    await page.getByTestId('login').locator('input[name=sleutel]').fill(sleutel);
    await page.getByTestId('login').getByRole('button').click();
    await page.getByTestId('rol').waitFor();
  };
  const inloggen = async (sleutel: string, hash = '', viewport?: { width: number; height: number }): Promise<Page> => {
    const page = await nieuwePagina(viewport);
    await page.goto(`${basis}/${hash}`);
    await logIn(page, sleutel);
    return page;
  };

  /** axe-core on the page as it is: no serious or critical violation; evaluate() is not subject to the page's CSP. */
  const toegankelijk = async (page: Page) => {
    await page.evaluate(AXE);
    // A string, run in the page: the spec's own lib has no DOM types.
    const uitslag = (await page.evaluate('axe.run()')) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    return uitslag.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  };
  /** A screenshot at both viewports, and axe at each. */
  const vastleggen = async (page: Page, naam: string) => {
    for (const [maat, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: `${SCREENSHOTS}/${naam}-${maat}.png`, fullPage: true });
      expect({ naam, maat, schendingen: await toegankelijk(page) }).toEqual({ naam, maat, schendingen: [] });
    }
    await page.setViewportSize(VIEWPORTS.breed);
  };
  const melding = (page: Page) => page.getByTestId('melding');

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

  it('een deep link overleeft het inloggen en een reload: de afspraak opent, met namen en zonder blijvende laad-melding', async () => {
    const page = await inloggen(sleutels.coordinator, '#/afspraak/TAZ-A09');
    const afspraak = page.locator('[data-testid=afspraak][data-afspraak="TAZ-A09"]');
    await afspraak.waitFor();
    await page.reload();
    await afspraak.waitFor();
    await expect(page.getByTestId('laden').count()).resolves.toBe(0);
    await expect(page.locator('h1').textContent()).resolves.not.toBe('TAZ-A09');
    await vastleggen(page, 'afspraak-coordinator');
    await page.context().close();
  });

  it('de coördinator ziet het overzicht: een grafiek per kwartaal (Observable Plot), de programmalijnen met namen, en plant een Bestuurlijk Overleg', async () => {
    const page = await inloggen(sleutels.coordinator, '#/overzicht');
    await page.getByTestId('overzicht').locator('h1').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toContain('Toekomstbestendige Arbeidsmarkt Zorg & welzijn');
    await expect(page.getByTestId('totaal').textContent()).resolves.toMatch(/Totaal: 109/);
    await page.getByTestId('grafiek-kwartalen').locator('svg rect').first().waitFor();
    await expect(page.locator('[data-programmalijn]').count()).resolves.toBe(3);
    // The next meeting says it was moved (from which day, why); the one-off meeting is marked extra.
    await expect(page.getByTestId('bo-volgend').textContent()).resolves.toBe('16 mrt 2023');
    await expect(page.getByTestId('bo-verplaatst').textContent()).resolves.toBe('verplaatst van 31 mrt 2023: voor het Kamerdebat');
    await expect(page.getByTestId('bestuurlijk-overleg').textContent()).resolves.toContain('12 jun 2023 (extra), 30 jun 2023,');
    // Its agenda as a document, for the meeting shown.
    const agenda = page.waitForEvent('download');
    await page.getByTestId('bo-agenda').click();
    expect((await agenda).suggestedFilename()).toBe('agenda-bo-TAZ-2023-03-16.md');
    await melding(page).filter({ hasText: 'agenda-bo-TAZ-2023-03-16.md gedownload.' }).waitFor();
    // The programme's indicators beside the afspraken they belong to, by name ("1 op 6" with its 2018 measurement).
    await expect(page.getByTestId('indicatoren').locator('[data-indicator]').count()).resolves.toBe(3);
    await expect(page.getByTestId('indicatoren').textContent()).resolves.toMatch(/1 op 6/);
    await expect(page.getByTestId('indicatoren').locator('[data-afspraak-link]').count()).resolves.toBeGreaterThan(0);
    await page.getByTestId('bo-plannen').locator('input[name=datum]').fill('2023-09-18');
    await page.getByTestId('bo-plannen').getByRole('button').click();
    await melding(page).filter({ hasText: 'Bestuurlijk Overleg gepland op 18 sep 2023.' }).waitFor();
    await page.getByTestId('bestuurlijk-overleg').getByText('18 sep 2023').waitFor();
    await vastleggen(page, 'overzicht');

    await page.getByTestId('taal').click();
    await page.getByRole('heading', { name: 'Deadlines per quarter, by status' }).waitFor();
    await expect(page.locator('nav').textContent()).resolves.toContain('Needs attention');
    const tekst = (await page.locator('main').textContent()) ?? '';
    for (const nederlands of ['Totaal', 'Volgend', 'verlopen', 'op schema', 'Programmalijn']) expect({ nederlands, gevonden: tekst.includes(nederlands) }).toEqual({ nederlands, gevonden: false });
    await expect(page.getByTestId('bo-verplaatst').textContent()).resolves.toBe('moved from 31 Mar 2023: voor het Kamerdebat');
    await vastleggen(page, 'overzicht-en');
    await page.getByTestId('taal').click();
    await page.getByRole('heading', { name: 'Deadlines per kwartaal, naar status' }).waitFor();
    await page.context().close();
  });

  it('een partij rapporteert voortgang met bewijs, krijgt bevestiging, en wat ze typte gaat niet mee naar een andere afspraak', async () => {
    t.clock.set('2023-04-15T10:00:00.000Z');
    const page = await inloggen(sleutels.vws);
    await page.getByTestId('portaal').locator('h1').waitFor();
    await expect(page.getByTestId('rol').textContent()).resolves.toContain('vws');
    await expect(page.locator('nav').getByText('Vraagt aandacht').count()).resolves.toBe(0);
    const rijen = page.getByTestId('mijn-afspraken').locator('tbody tr');
    // Urgency: the first row is at least as urgent as the last.
    await expect(rijen.first().locator('[data-status]').getAttribute('data-status')).resolves.toBe('verlopen');
    const inbox = page.getByTestId('inbox').locator('li');
    await inbox.waitFor();
    await expect(inbox.count()).resolves.toBe(1);
    await expect(inbox.textContent()).resolves.toContain('Herinnering: TAZ-A08');
    await expect(inbox.getByRole('link').getAttribute('href')).resolves.toBe('#/afspraak/TAZ-A08');
    await vastleggen(page, 'partij-portaal');

    await page.getByTestId('mijn-afspraken').locator('[data-afspraak="TAZ-A08"] a').click();
    await page.locator('[data-testid=afspraak][data-afspraak="TAZ-A08"]').waitFor();
    for (const actie of ['herplannen', 'intrekken']) await expect(page.getByTestId(actie).count()).resolves.toBe(0);
    const formulier = page.getByTestId('rapporteren');
    await formulier.locator('summary').click();
    await formulier.locator('input[name=percentage]').fill('40');
    await formulier.locator('textarea[name=toelichting]').fill('Verkenning voltijdbonus loopt; eerste gesprekken gevoerd');
    await formulier.locator('input[name=bewijsUrl]').fill('https://example.org/verkenning.pdf');
    await formulier.locator('input[name=bewijsTitel]').fill('Notitie verkenning');
    await formulier.getByRole('button', { name: 'Versturen' }).click();
    await melding(page).filter({ hasText: 'Voortgang opgeslagen.' }).waitFor();
    await page.getByTestId('voortgang').locator('[data-partij="vws"]').waitFor();
    await expect(page.getByTestId('voortgang').getByTestId('bewijs').getAttribute('href')).resolves.toBe('https://example.org/verkenning.pdf');
    await expect(page.getByTestId('geschiedenis').locator('[data-type="VoortgangGerapporteerd"]').textContent()).resolves.toContain('Voortgang gerapporteerd');
    await vastleggen(page, 'afspraak-partij');

    // Typed text stays with its afspraak.
    await page.getByTestId('rapporteren').locator('summary').click();
    await page.getByTestId('rapporteren').locator('textarea[name=toelichting]').fill('half getypt');
    await page.goto(`${basis}/#/afspraak/TAZ-A02`);
    await page.locator('[data-testid=afspraak][data-afspraak="TAZ-A02"]').waitFor();
    await page.getByTestId('rapporteren').locator('summary').click();
    await expect(page.getByTestId('rapporteren').locator('textarea[name=toelichting]').inputValue()).resolves.toBe('');
    await page.context().close();
  });

  it('de partij meldt levering: haar portaal zegt "wacht op beoordeling", niet "verlopen"', async () => {
    t.clock.set('2023-05-01T10:00:00.000Z');
    const page = await inloggen(sleutels.vws, '#/afspraak/TAZ-A08');
    const melden = page.getByTestId('levering-melden');
    await melden.locator('summary').click();
    await melden.locator('textarea[name=toelichting]').fill('Verkenning afgerond, notitie naar de Kamer');
    await melden.locator('input[name=bewijsUrl]').fill('https://example.org/kamerbrief.pdf');
    await melden.locator('input[name=bewijsTitel]').fill('Kamerbrief');
    await melden.getByRole('button', { name: 'Versturen' }).click();
    await page.getByTestId('wacht-op-beoordeling').waitFor();
    await page.locator('nav').getByRole('link', { name: 'Mijn afspraken' }).click();
    await expect(page.getByTestId('mijn-afspraken').locator('[data-afspraak="TAZ-A08"] [data-status]').getAttribute('data-status')).resolves.toBe('wacht op beoordeling');
    await page.context().close();
  });

  it('de coördinator ziet de levering in "Vraagt aandacht" met haar bewijs, en accepteert haar daar met bevestiging', async () => {
    const kop = await t.storage.events.headPosition();
    expect((await t.http.get(`/afspraken?naPositie=${kop}`).set('Authorization', `Bearer ${sleutels.coordinator}`)).status).toBe(200);
    const page = await inloggen(sleutels.coordinator);
    const rij = page.getByTestId('te-beoordelen').locator('[data-afspraak="TAZ-A08"]');
    await rij.waitFor();
    await expect(rij.getByTestId('bewijs').getAttribute('href')).resolves.toBe('https://example.org/kamerbrief.pdf');
    await expect(rij.getByTestId('claim').textContent()).resolves.toContain('Verkenning afgerond');
    await expect(page.getByTestId('verlopen').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await vastleggen(page, 'vraagt-aandacht');
    await rij.getByTestId('accepteren').click();
    await melding(page).filter({ hasText: 'Levering geaccepteerd. (TAZ-A08)' }).waitFor();
    await rij.waitFor({ state: 'detached' });
    await page.goto(`${basis}/#/afspraak/TAZ-A08`);
    await expect(page.getByTestId('levenscyclus').getAttribute('data-levenscyclus')).resolves.toBe('afgerond');
    await page.context().close();
  });

  it('met alleen het toetsenbord: inloggen, naar het overzicht en terug naar "Vraagt aandacht"', async () => {
    const page = await nieuwePagina();
    await page.goto(`${basis}/`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(sleutels.coordinator);
    await page.keyboard.press('Enter');
    await page.getByTestId('aandacht').waitFor();
    const menu = page.locator('nav').getByRole('link', { name: 'Overzicht' });
    for (let i = 0; i < 10 && !(await menu.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('overzicht').waitFor();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('aandacht').waitFor();
    await page.context().close();
  });

  it('een auditor ziet de stand op een peildatum zoals vastgelegd, de tijdlijn in woorden, en downloadt het rapport en de CSV', async () => {
    const page = await inloggen(sleutels.auditor, '', VIEWPORTS.smal);
    await page.getByTestId('audit').waitFor();
    const kijk = async (peildatum: string) => {
      await page.getByTestId('peildatum').locator('input[name=peildatum]').fill(peildatum);
      await page.getByTestId('peildatum').getByRole('button', { name: 'Toon' }).click();
      await page.locator(`[data-testid=stand][data-peildatum="${peildatum}"]`).waitFor();
      return page.getByTestId('stand-afspraken').locator('[data-afspraak="TAZ-A08"] [data-testid=voortgang-cel]').textContent();
    };
    await expect(kijk('2023-04-20')).resolves.toMatch(/: 40%$/);
    await expect(kijk('2023-03-31')).resolves.toBe('—');
    await page.getByTestId('integriteit').getByRole('button').click();
    await expect(page.getByTestId('integriteit-uitslag').getAttribute('data-intact')).resolves.toBe('true');
    await page.getByTestId('afspraak-tijdlijn').locator('input[name=afspraakId]').fill('TAZ-A08');
    await page.getByTestId('afspraak-tijdlijn').getByRole('button', { name: 'Toon' }).click();
    await page.getByTestId('afspraak-tijdlijn').locator('[data-type="LeveringGeaccepteerd"]').waitFor();
    await vastleggen(page, 'audit');

    const pdf = page.waitForEvent('download');
    await page.getByTestId('rapport').click();
    expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);
    const csv = page.waitForEvent('download');
    await page.getByTestId('afspraak-tijdlijn').getByTestId('csv').click();
    expect((await csv).suggestedFilename()).toBe('geschiedenis-TAZ-A08.csv');
    await page.context().close();
  });
});
