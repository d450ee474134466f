import { streams } from '@afspraken/domain';
import { verifyChain } from '@afspraken/application';
import type { RecordedEvent } from '@afspraken/event-store';
import type { Response } from 'supertest';
import { auth, startTestApp, type TestApp } from './support/test-app';

/*
 * N requests at once on one afspraak, over HTTP, on both SQL stores. After all answers the stored
 * events are compared with the answers: a 2xx means this request's content is in the store.
 */
const N = 12;
const WRITERS = 20;

describe.each(['postgres', 'embedded'] as const)('Concurrent writes on one afspraak (%s)', (store) => {
  let t: TestApp;
  let coordinator: string;
  let vws: string;
  let volgnummer = 0;

  beforeAll(async () => {
    t = await startTestApp(undefined, { store });
    coordinator = await t.key('coordinator');
    vws = await t.key('partij', 'vws');
    expect((await t.importeerTaz(coordinator)).status).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  /** A fresh afspraak of VWS per test, so every test starts from a known stream. */
  const nieuweAfspraak = async (): Promise<string> => {
    const afspraakId = `TEST-GELIJK-${++volgnummer}`;
    const res = await t.http.post('/afspraken').set(auth(coordinator)).send({
      afspraakId,
      programmaId: 'TAZ',
      titel: 'Gelijktijdig rapporteren',
      tekst: 'Veel schrijvers tegelijk.',
      trekker: 'vws',
    });
    expect(res.status).toBe(201);
    return afspraakId;
  };

  const rapport = (afspraakId: string, key: string | undefined, percentage: number, als = vws) => {
    const req = t.http.post(`/afspraken/${afspraakId}/voortgang`).set(auth(als));
    return (key ? req.set('Idempotency-Key', key) : req).send({ partijId: 'vws', percentage, toelichting: `Rapport ${percentage}` });
  };

  const stored = (afspraakId: string): Promise<RecordedEvent[]> => t.storage.events.readStream(streams.afspraak(afspraakId));
  const withKey = (events: RecordedEvent[], key: string) => events.filter((e) => e.metadata.idempotencyKey === key);
  const content = (e: RecordedEvent) => {
    const { percentage, toelichting } = e.data as { percentage: number; toelichting: string };
    return { percentage, toelichting };
  };

  /** Every 2xx answer names a stored event whose content is what that request sent. */
  const expectEvery2xxStored = (answers: Response[], sent: number[], events: RecordedEvent[]) => {
    answers.forEach((answer, i) => {
      if (answer.status >= 300) return;
      const event = events.find((e) => e.revision === answer.body.revision);
      expect(event && content(event)).toEqual({ percentage: sent[i], toelichting: `Rapport ${sent[i]}` });
    });
  };

  it('stores one event for N identical requests under one key; the others are its replay', async () => {
    const afspraakId = await nieuweAfspraak();
    const sent = Array.from({ length: N }, () => 40);
    const answers = await Promise.all(sent.map((p) => rapport(afspraakId, 'zelfde', p)));
    const events = await stored(afspraakId);
    expect(withKey(events, 'zelfde')).toHaveLength(1);
    expect(answers.map((a) => a.status)).toEqual(sent.map(() => 200));
    expect(answers.filter((a) => a.body.herhaald === false)).toHaveLength(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(N - 1);
    expectEvery2xxStored(answers, sent, events);
  });

  it('stores one of N different bodies under one key; every other answer is 422', async () => {
    const afspraakId = await nieuweAfspraak();
    const sent = Array.from({ length: N }, (_, i) => 10 + i);
    const answers = await Promise.all(sent.map((p) => rapport(afspraakId, 'anders', p)));
    const events = await stored(afspraakId);
    expect(withKey(events, 'anders')).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(N - 1);
    expectEvery2xxStored(answers, sent, events);
  });

  it('keeps a key to the actor who used it first; the other actor gets 422 for the same body', async () => {
    const afspraakId = await nieuweAfspraak();
    const sent = Array.from({ length: N }, () => 55);
    const actors = sent.map((_, i) => (i % 2 ? coordinator : vws));
    const answers = await Promise.all(sent.map((p, i) => rapport(afspraakId, 'van-wie', p, actors[i])));
    const events = await stored(afspraakId);
    const [event] = withKey(events, 'van-wie');
    expect(withKey(events, 'van-wie')).toHaveLength(1);
    const owner = actors.find((_, i) => answers[i].status === 200 && answers[i].body.herhaald === false);
    answers.forEach((answer, i) => expect(answer.status).toBe(actors[i] === owner ? 200 : 422));
    expect(answers.filter((a) => a.status === 200).every((a) => a.body.revision === event.revision)).toBe(true);
    expectEvery2xxStored(answers, sent, events);
  });

  it(`lands ${WRITERS} parallel writers without If-Match: no 409, every 2xx stored once, revisions gapless`, async () => {
    const afspraakId = await nieuweAfspraak();
    const before = (await stored(afspraakId)).length;
    const sent = Array.from({ length: WRITERS }, (_, i) => i);
    const answers = await Promise.all(sent.map((p) => rapport(afspraakId, undefined, p)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    for (const a of answers.filter((x) => x.status === 503)) expect(a.headers['retry-after']).toBeDefined();
    const events = await stored(afspraakId);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    expect(events.length - before).toBe(statuses.filter((s) => s === 200).length);
    expect(new Set(answers.filter((a) => a.status === 200).map((a) => a.body.revision)).size).toBe(events.length - before);
    expect(verifyChain(events)).toMatchObject({ intact: true });
    expectEvery2xxStored(answers, sent, events);
  }, 30_000);
});
