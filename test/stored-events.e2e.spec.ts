import { randomUUID } from 'node:crypto';
import { streams } from '@afspraken/domain';
import { laadPartij } from '@afspraken/herinneringen';
import { auth, startTestApp, type TestApp } from './support/test-app';

/** Events stored by an earlier release reach every reader through the one decoder, upcast to today's shape. */
describe('Opgeslagen events van een eerdere versie (PostgreSQL)', () => {
  let t: TestApp;
  let coordinator: string;
  const stream = streams.partij('oud');

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.key('coordinator');
    // As the first release stored them: ContactToegevoegd v1, a contact without channel fields.
    const metadata = { actor: 'coord-1', rol: 'coordinator', recordedAt: '2023-01-01T09:00:00.000Z', effectiveAt: '2023-01-01T09:00:00.000Z', schemaVersion: 1 };
    await t.storage.events.appendToStream(
      stream,
      [
        { id: randomUUID(), type: 'PartijVastgelegd', data: { partijId: 'oud', naam: 'Oude Partij', soort: 'overig', aliassen: [], vastgelegdOp: '2023-01-01T09:00:00.000Z' }, metadata },
        {
          id: randomUUID(),
          type: 'ContactToegevoegd',
          data: { partijId: 'oud', contact: { contactId: 'c0', naam: 'Oud Contact', email: 'oud@partij.nl', functie: null }, toegevoegdOp: '2023-01-01T09:00:00.000Z' },
          metadata,
        },
      ],
      { expectedRevision: 'no_stream' },
    );
  });
  afterAll(() => t?.close());

  it('de herinneringen lezen een contact van vóór de kanalen als e-mailcontact', async () => {
    const partij = await laadPartij(t.storage.events, 'oud');
    expect(partij.status === 'vastgelegd' && partij.contacten).toEqual([
      { contactId: 'c0', naam: 'Oud Contact', email: 'oud@partij.nl', functie: null, kanaal: 'email', webhookUrl: null, wekelijksOverzicht: false },
    ]);
  });

  it('het commandopad beslist op de geüpcaste stand en schrijft de huidige versie', async () => {
    // Deciding needs the old contact as the decider knows it today: the same id is refused as a duplicate.
    const dubbel = await t.http.post('/partijen/oud/contacten').set(auth(coordinator)).send({ contactId: 'c0', naam: 'Nog eens', email: 'x@partij.nl' });
    expect(dubbel.status).toBe(409);
    const nieuw = await t.http
      .post('/partijen/oud/contacten')
      .set(auth(coordinator))
      .send({ contactId: 'c1', naam: 'Nieuw Contact', email: 'nieuw@partij.nl', kanaal: 'webhook', webhookUrl: 'https://partij.example/hook' });
    expect(nieuw.status).toBe(200);
    const opgeslagen = await t.storage.events.readStream(stream);
    expect(opgeslagen.map((e) => [e.type, e.metadata.schemaVersion])).toEqual([
      ['PartijVastgelegd', 1],
      ['ContactToegevoegd', 1],
      ['ContactToegevoegd', 2],
    ]);
    const toon = await t.http.get('/partijen/oud').set(auth(coordinator));
    expect(toon.body.partij.contacten.map((c: { contactId: string }) => c.contactId)).toEqual(['c0', 'c1']);
  });
});
