import { randomBytes } from 'node:crypto';
import { CommandExecutor, ManualClock } from '@afspraken/application';
import { CLAIM_TERMIJN_MS } from '@afspraken/domain';
import {
  afspraakDecider,
  herinneringenStream,
  parseDeadline,
  partijDecider,
  programmaDecider,
  streams,
  verzendingId,
  type Actor,
  type AfspraakCommand,
  type GeplandeHerinnering,
  type PartijCommand,
  type ProgrammaCommand,
} from '@afspraken/domain';
import { SqlEventStore } from '@afspraken/event-store';
import { dropSchema, openTestDatabase, uniqueSchema } from '@afspraken/event-store/testing/test-database';
import { waitUntil } from '@afspraken/event-store/testing/wait-until';
import { HerinneringenRuntime } from './runtime';
import { HerinneringenReactor } from './reactor';
import { verwijderPrefix } from './queues';
import { onderteken, webhookSleutel, HANDTEKENING_HEADER, TIJDSTEMPEL_HEADER } from './kanalen/webhook.kanaal';
import { HttpOntvanger, SmtpOntvanger } from './testing/ontvangers';
import { haalVoor, wachtTotStil } from './testing/klok';
import { verzendoverzicht } from './runtime';

const coordinator: Actor = { id: 'test', rol: 'coordinator' };
const GEHEIM = 'test-geheim';

describe('Herinneringen en escalaties (echte PostgreSQL en Redis)', () => {
  const schema = uniqueSchema('herinn');
  const db = openTestDatabase();
  const clock = new ManualClock('2023-03-01T09:00:00.000Z');
  const smtp = new SmtpOntvanger();
  const http = new HttpOntvanger();
  let executor: CommandExecutor;
  let runtime: HerinneringenRuntime;
  let store: SqlEventStore;
  let hookUrl: string;
  let doodNaVersturen = false;

  const programma = (c: Omit<ProgrammaCommand, 'metadata'>) =>
    onthoud(executor.execute(programmaDecider, streams.programma('TAZ'), (metadata) => ({ ...c, metadata }) as ProgrammaCommand, { actor: coordinator }));
  const partij = (id: string, c: Omit<PartijCommand, 'metadata'>) =>
    onthoud(executor.execute(partijDecider, streams.partij(id), (metadata) => ({ ...c, metadata }) as PartijCommand, { actor: coordinator }));
  const afspraak = (id: string, c: Omit<AfspraakCommand, 'metadata'>) =>
    onthoud(executor.execute(afspraakDecider, streams.afspraak(id), (metadata) => ({ ...c, metadata }) as AfspraakCommand, { actor: coordinator }));
  const legVast = (afspraakId: string, phrase = 'uiterlijk Q2 2023') =>
    afspraak(afspraakId, {
      type: 'LegAfspraakVast',
      data: {
        afspraakId, soort: 'afspraak', programmaId: 'TAZ', programmalijnId: null, opgaveId: null, nummer: null, niveau: null,
        titel: `Afspraak ${afspraakId}`, tekst: '…', bronCitaat: '…', trekker: 'vws', betrokken: ['ocw'],
        deadlines: [{ deadlineId: 'd1', omschrijving: 'Plan van aanpak', deadline: parseDeadline(phrase) }],
      },
    });
  let laatste = -1;
  const onthoud = async (outcome: Promise<{ position: number }>) => {
    laatste = Math.max(laatste, (await outcome).position);
  };
  /** The reactor has handled everything written so far. */
  const bij = () => runtime.reactor.verwerkTot(laatste);
  const geplandeIds = async () => (await runtime.queues.herinneringen.getDelayed(0, -1)).map((j) => j.id as string).sort();
  /** A waiting reminder of A2 and one delivery of it, as the firing job would hand it to the sender. */
  const verzendingVan = async (jobId: string, partijId: string, contactId: string, kanaal: 'email' | 'webhook') => {
    const herinnering = (await runtime.queues.herinneringen.getJob(jobId))?.data as GeplandeHerinnering;
    const verzending = {
      verzendingId: verzendingId(herinnering.herinneringId, partijId, contactId),
      herinneringId: herinnering.herinneringId, afspraakId: 'A2', deadlineId: 'd1', trede: herinnering.trede, partijId, contactId, kanaal,
    };
    return { verzending, herinnering };
  };

  beforeAll(async () => {
    store = await SqlEventStore.create(db, { schema, adapter: 'postgres', pollIntervalMs: 20 });
    executor = new CommandExecutor(store, clock);
    const smtpUrl = await smtp.start();
    hookUrl = `${await http.start()}/hook`;
    runtime = new HerinneringenRuntime(
      store,
      db,
      clock,
      {
        redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
        queuePrefix: `test-herinn-${randomBytes(4).toString('hex')}`,
        schema,
        publicUrl: 'https://afspraken.example',
        smtpUrl,
        mailFrom: 'Afspraken Tracker <herinneringen@afspraken.example>',
        webhookGeheim: GEHEIM,
        // The test's receiver listens on this machine.
        webhookToegestaneHosts: ['127.0.0.1'],
      },
      {
        hooks: {
          naVersturen: async () => {
            if (doodNaVersturen) throw new Error('gestopt tussen versturen en vastleggen');
          },
        },
      },
    );
    await runtime.init();

    await programma({ type: 'LegProgrammaVast', data: { programmaId: 'TAZ', naam: 'TAZ', eigenaar: 'vws', bron: '' } });
    await programma({ type: 'PlanBestuurlijkOverleg', data: { datum: '2023-09-14' } });
    await partij('vws', { type: 'LegPartijVast', data: { partijId: 'vws', naam: 'VWS', soort: 'ministerie', aliassen: [] } });
    await partij('vws', { type: 'VoegContactToe', data: { contactId: 'jan', naam: 'Jan', email: 'jan@vws.example', functie: null } });
    await partij('vws', { type: 'VoegContactToe', data: { contactId: 'hook', naam: 'Systeem VWS', email: 'it@vws.example', functie: null, kanaal: 'webhook', webhookUrl: hookUrl } });
    await partij('ocw', { type: 'LegPartijVast', data: { partijId: 'ocw', naam: 'OCW', soort: 'ministerie', aliassen: [] } });
    await partij('ocw', { type: 'VoegContactToe', data: { contactId: 'piet', naam: 'Piet', email: 'piet@ocw.example', functie: null } });
    await partij('ocw', { type: 'VoegContactToe', data: { contactId: 'kees', naam: 'Kees', email: 'kees@ocw.example', functie: null, wekelijksOverzicht: true } });
  });

  afterAll(async () => {
    await runtime?.stopWorkers();
    if (runtime) await verwijderPrefix(runtime.redis, runtime.instellingen.queuePrefix);
    await runtime?.close();
    await smtp.stop();
    await http.stop();
    await dropSchema(db, schema);
    await db.close();
  });

  it('plant bij een nieuwe afspraak de ladder als delayed jobs met vaste ids', async () => {
    await legVast('A1');
    await bij();
    expect(await geplandeIds()).toEqual(
      ['bestuurlijk-overleg', 'escalatie-coordinator', 'op-deadline', 'voor-30', 'voor-7', 'voor-90'].map((t) => `herinnering-A1-d1-v0-${t}`),
    );
    const voor90 = await runtime.queues.herinneringen.getJob('herinnering-A1-d1-v0-voor-90');
    expect(voor90?.data.moment).toBe('2023-03-31T07:00:00.000Z');
  });

  it('verstuurt de ladder in volgorde als de klok verstrijkt: mail, ondertekende webhook en inbox', async () => {
    runtime.startWorkers();
    const volgorde: string[] = [];
    const momenten = ['2023-03-31T07:00:00.000Z', '2023-05-31T07:00:00.000Z', '2023-06-23T07:00:00.000Z', '2023-06-30T07:00:00.000Z', '2023-07-03T07:00:00.000Z', '2023-07-31T07:00:00.000Z'];
    for (const moment of momenten) {
      clock.set(moment);
      volgorde.push(...(await haalVoor(runtime.queues.herinneringen, clock.now())));
      await wachtTotStil(runtime.queues);
    }
    expect(volgorde).toEqual(['voor-90', 'voor-30', 'voor-7', 'op-deadline', 'escalatie-coordinator', 'bestuurlijk-overleg'].map((t) => `herinnering-A1-d1-v0-${t}`));

    // Four rungs to jan (vws) and piet (ocw), the two escalations to the owner's contact jan only.
    const aan = (adres: string) => smtp.mails.filter((m) => m.to && JSON.stringify(m.to).includes(adres)).map((m) => m.subject);
    expect(aan('piet@ocw.example')).toEqual([
      'Herinnering: A1 Afspraak A1 — deadline over 90 dagen (30 juni 2023)',
      'Herinnering: A1 Afspraak A1 — deadline over 30 dagen (30 juni 2023)',
      'Herinnering: A1 Afspraak A1 — deadline over 7 dagen (30 juni 2023)',
      'Vandaag deadline: A1 Afspraak A1 (30 juni 2023)',
    ]);
    expect(aan('jan@vws.example')).toHaveLength(6);
    // Kees chose the weekly digest: no mail per reminder.
    expect(aan('kees@ocw.example')).toEqual([]);
    expect(aan('jan@vws.example').slice(4)).toEqual([
      'Escalatie: A1 Afspraak A1 — deadline 30 juni 2023 verstreken',
      'Geagendeerd voor het Bestuurlijk Overleg van 14 september 2023: A1 Afspraak A1',
    ]);
    const mail = smtp.mails.find((m) => m.subject?.includes('90 dagen'));
    expect(mail?.text).toContain('Mijlpaal: Plan van aanpak — "uiterlijk Q2 2023"');
    expect(mail?.text).toContain('https://afspraken.example/#/afspraak/A1');
    expect(mail?.messageId).toMatch(/^<herinnering-A1-d1-v0-voor-90\.(vws|ocw)\.(jan|piet)@afspraken-tracker>$/);

    expect(http.verzoeken).toHaveLength(6);
    const eerste = http.verzoeken[0];
    const sleutel = webhookSleutel(GEHEIM, 'vws', 'hook');
    expect(eerste.headers[HANDTEKENING_HEADER.toLowerCase()]).toBe(onderteken(sleutel, eerste.headers[TIJDSTEMPEL_HEADER.toLowerCase()] as string, eerste.body));
    expect(JSON.parse(eerste.body)).toMatchObject({ type: 'herinnering', afspraakId: 'A1', trede: 'voor-90' });

    const inbox = await runtime.inbox.lijst('ocw');
    expect(inbox.map((i) => i.trede).sort()).toEqual(['op-deadline', 'voor-30', 'voor-7', 'voor-90']);

    const typen = (await store.readStream(herinneringenStream('A1'))).map((e) => e.type);
    expect(typen.filter((t) => t === 'HerinneringVerstuurd')).toHaveLength(4 * 5 + 2 * 3); // per rung: two inboxes + jan, hook, piet; escalations: inbox + jan, hook
    expect(typen.filter((t) => t === 'EscalatieGestart')).toHaveLength(2);
    await runtime.stopWorkers();
  });

  it('vervangt bij een verschoven deadline de oude jobs door nieuwe', async () => {
    clock.set('2023-03-01T09:00:00.000Z');
    await legVast('A2');
    await bij();
    await afspraak('A2', {
      type: 'VerschuifDeadline',
      data: { deadlineId: 'd1', naar: parseDeadline('uiterlijk Q4 2023'), reden: 'later', besluitorgaan: 'BO TAZ', besluitdatum: null },
    });
    await bij();
    const ids = (await geplandeIds()).filter((id) => id.includes('-A2-'));
    expect(ids.every((id) => id.includes('-v1-'))).toBe(true);
    expect(ids).toHaveLength(5);
  });

  it('plant geen ladder voor een deadline die op een anker wacht, en wel zodra het anker een datum heeft', async () => {
    clock.set('2023-03-01T09:00:00.000Z');
    await legVast('A9', 'binnen drie maanden na vaststelling');
    await bij();
    const vanA9 = async () => (await geplandeIds()).filter((id) => id.includes('-A9-'));
    expect(await vanA9()).toEqual([]);
    await afspraak('A9', { type: 'LegAnkerVast', data: { anker: 'vaststelling', datum: '2023-03-01' } });
    await bij();
    // Due 2023-06-01 (three months after), on the agenda of the Bestuurlijk Overleg of 2023-09-14.
    expect(await vanA9()).toEqual(['bestuurlijk-overleg', 'escalatie-coordinator', 'op-deadline', 'voor-30', 'voor-7', 'voor-90'].map((t) => `herinnering-A9-d1-v0-${t}`));
    expect((await runtime.queues.herinneringen.getJob('herinnering-A9-d1-v0-op-deadline'))?.data).toMatchObject({ due: '2023-06-01', datum: '2023-06-01' });
    // Out of the way of the counts below.
    await afspraak('A9', { type: 'TrekAfspraakIn', data: { reden: 'alleen voor deze spec' } });
    await bij();
    expect(await vanA9()).toEqual([]);
  });

  it('verwijdert bij levering en bij intrekken alle wachtende herinneringen', async () => {
    await legVast('A3');
    await legVast('A4');
    await bij();
    expect((await geplandeIds()).filter((id) => id.includes('-A3-') || id.includes('-A4-'))).toHaveLength(12);
    await afspraak('A3', { type: 'MeldLevering', data: { partijId: 'vws', deadlineIds: ['d1'], toelichting: 'klaar', bewijs: [] } });
    await afspraak('A4', { type: 'TrekAfspraakIn', data: { reden: 'vervallen' } });
    await bij();
    expect((await geplandeIds()).filter((id) => id.includes('-A3-') || id.includes('-A4-'))).toEqual([]);
  });

  it('verliest niets en verdubbelt niets: niet na stoppen tussen versturen en vastleggen, niet bij een dubbele job', async () => {
    const { verzending, herinnering } = await verzendingVan('herinnering-A2-d1-v1-voor-90', 'ocw', 'piet', 'email');
    const voor = smtp.mails.length;
    doodNaVersturen = true;
    await expect(runtime.verzender.verwerk({ verzending, herinnering })).rejects.toThrow('gestopt tussen versturen en vastleggen');
    doodNaVersturen = false;
    // While the dead sender's claim is young, a retry waits (BullMQ tries again later) and sends nothing.
    await expect(runtime.verzender.verwerk({ verzending, herinnering })).rejects.toThrow(/geclaimd door een andere verzender/);
    expect(smtp.mails.length - voor).toBe(1);
    // The overview reads $all, which shows an append once older transactions elsewhere have ended.
    const status = async () => (await verzendoverzicht(store)).find((r) => r.verzendingId === verzending.verzendingId)?.status;
    await waitUntil('de claim in het verzendoverzicht', async () => (await status()) !== undefined);
    expect(await status()).toBe('geclaimd');
    // Once the claim has expired the next attempt takes over, under the same Message-ID, and confirms once.
    clock.set(new Date(clock.now().getTime() + CLAIM_TERMIJN_MS).toISOString());
    expect(await runtime.verzender.verwerk({ verzending, herinnering })).toMatchObject({ uitkomst: 'verstuurd' });
    const mails = smtp.mails.slice(voor);
    expect(mails).toHaveLength(2);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(1);
    await waitUntil('de bevestiging in het verzendoverzicht', async () => (await status()) !== 'geclaimd');
    expect(await status()).toBe('verstuurd');
    expect(await runtime.verzender.verwerk({ verzending, herinnering })).toEqual({ uitkomst: 'overgeslagen', reden: 'al verstuurd' });

    // Two copies of one delivery at the same time: one sends. The other loses the claim, or (when it reads
    // after the claim is stored) sees the young claim and is retried later by BullMQ; either way it sends nothing.
    const tweede = { ...verzending, verzendingId: verzendingId(herinnering.herinneringId, 'vws', 'jan'), partijId: 'vws', contactId: 'jan' };
    const uitkomsten = await Promise.allSettled([runtime.verzender.verwerk({ verzending: tweede, herinnering }), runtime.verzender.verwerk({ verzending: tweede, herinnering })]);
    expect(uitkomsten.filter((u) => u.status === 'fulfilled' && u.value.uitkomst === 'verstuurd')).toHaveLength(1);
    for (const u of uitkomsten) if (u.status === 'rejected') expect(String(u.reason)).toMatch(/geclaimd door een andere verzender/);
    expect(smtp.mails.length - voor).toBe(3);
  });

  it('stopt bij een 4xx van een webhook voorgoed (UnrecoverableError) en legt dat vast', async () => {
    const { verzending, herinnering } = await verzendingVan('herinnering-A2-d1-v1-voor-30', 'vws', 'hook', 'webhook');
    http.antwoord = () => 410;
    await expect(runtime.verzender.verwerk({ verzending, herinnering })).rejects.toMatchObject({ name: 'UnrecoverableError' });
    http.antwoord = () => 204;
    expect(await runtime.verzender.verwerk({ verzending, herinnering })).toEqual({ uitkomst: 'overgeslagen', reden: 'definitief mislukt' });
  });

  it('herbouwt na verlies van de Redis-gegevens het schema uit het eventlog, zonder iets opnieuw te versturen', async () => {
    const voor = await geplandeIds();
    await runtime.queues.herinneringen.obliterate({ force: true });
    await runtime.queues.verzendingen.obliterate({ force: true });
    expect(await geplandeIds()).toEqual([]);
    await runtime.herplan();
    const na = await geplandeIds();
    // The clock stands at 1 March again, so A1's ladder is planned anew next to what was waiting.
    const a1 = ['bestuurlijk-overleg', 'escalatie-coordinator', 'op-deadline', 'voor-30', 'voor-7', 'voor-90'].map((t) => `herinnering-A1-d1-v0-${t}`);
    expect(na).toEqual([...voor, ...a1].sort());

    // Firing A1's first rung again sends nothing: the log knows it went out.
    const mails = smtp.mails.length;
    const webhooks = http.verzoeken.length;
    runtime.startWorkers();
    clock.set('2023-03-31T07:00:00.000Z');
    expect(await haalVoor(runtime.queues.herinneringen, clock.now())).toContain('herinnering-A1-d1-v0-voor-90');
    await wachtTotStil(runtime.queues);
    await runtime.stopWorkers();
    expect(smtp.mails.length).toBe(mails);
    expect(http.verzoeken.length).toBe(webhooks);
  });

  it('stuurt een wekelijks overzicht per contact dat het koos, de eerstvolgende deadline eerst, één keer per week', async () => {
    clock.set('2023-04-03T06:00:00.000Z'); // Monday 08:00 in Amsterdam
    runtime.startWorkers();
    expect(await runtime.weekoverzicht.verwerk()).toBe(1);
    await wachtTotStil(runtime.queues);
    clock.set('2023-04-05T06:00:00.000Z');
    expect(await runtime.weekoverzicht.verwerk()).toBe(1); // the same week: the delivery is the same
    await wachtTotStil(runtime.queues);
    await runtime.stopWorkers();
    const overzichten = smtp.mails.filter((m) => JSON.stringify(m.to).includes('kees@ocw.example'));
    expect(overzichten.map((m) => m.subject)).toEqual(['Weekoverzicht 2023-W14: 1 open mijlpaal (OCW)']);
    expect(overzichten[0].text).toContain('30 juni 2023: A1 Afspraak A1 — Plan van aanpak ("uiterlijk Q2 2023", betrokken)');
    expect(overzichten[0].text).not.toContain('A3');
  });

  it('laat bij twee worker-processen één reactor handelen; de ander neemt over vanaf het checkpoint', async () => {
    clock.set('2023-03-01T09:00:00.000Z');
    const tweede = new HerinneringenReactor(store, db, schema, runtime.planner, clock);
    await tweede.init();
    await legVast('A5');
    await bij(); // the first reactor holds (and just renewed) the lease
    const checkpoint = runtime.reactor.checkpoint;
    await legVast('A6');
    expect(await tweede.verwerk()).toBe(0);
    expect((await geplandeIds()).filter((id) => id.includes('-A6-'))).toEqual([]);

    await runtime.reactor.stop(); // hands the lease over
    await tweede.verwerkTot(laatste);
    expect(tweede.checkpoint).toBeGreaterThan(checkpoint);
    expect((await geplandeIds()).filter((id) => id.includes('-A6-'))).toHaveLength(6);
  });
});
