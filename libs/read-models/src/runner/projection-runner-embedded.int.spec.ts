import { PgliteDatabase, SqlEventStore } from '@afspraken/event-store';
import { waitUntil } from '@afspraken/event-store/testing/wait-until';
import { ALLE_PROJECTIES } from '../index';
import { schrijf, voorbeeldStromen } from '../testing/voorbeeld-events';
import { ProjectionRunner } from './projection-runner';

// The default deployment: one process with the embedded database runs the projections itself.
describe('ProjectionRunner (ingebouwd, PGlite)', () => {
  let db: PgliteDatabase;
  let store: SqlEventStore;

  beforeAll(async () => {
    db = await PgliteDatabase.open();
    store = await SqlEventStore.create(db, { schema: 'afspraken', adapter: 'embedded', pollIntervalMs: 10 });
  });
  afterAll(() => db?.close());

  it('verwerkt live, herbouwt byte-identiek en wisselt de schaduwtabel in', async () => {
    const { positie } = await schrijf(store, voorbeeldStromen(30, 6));
    const runner = new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema: 'afspraken', batchGrootte: 11, herbouwBatchGrootte: 17, wachtMs: 5 });
    await runner.migreer();
    runner.start();
    await waitUntil(`alle projecties op positie ${positie}`, async () => (await runner.checkpoints.laagste(db, ALLE_PROJECTIES.map((p) => p.naam))) >= positie);
    const dump = async () => JSON.stringify((await db.query('SELECT * FROM afspraken.rm_afspraken ORDER BY sleutel')).rows);
    const live = await dump();
    expect(JSON.parse(live)).toHaveLength(30);

    // The rebuild runs while the live runner keeps polling in the same process.
    expect(await runner.herbouw('afspraak-status')).toMatchObject({ positie });
    expect(await dump()).toEqual(live);
    await runner.stop();
    expect((await runner.status()).map((s) => [s.naam, s.positie, s.eigenaar])).toEqual(ALLE_PROJECTIES.map((p) => [p.naam, positie, null]).sort());
  });
});
