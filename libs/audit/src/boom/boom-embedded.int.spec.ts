import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@afspraken/application';
import { PgliteDatabase, SqlEventStore } from '@afspraken/event-store';
import { loadConfig, BoomOpslag, AUDIT_BOOM, AuditSleutel } from '@afspraken/platform';
import { AuditLezer } from '../shared/audit-lezer';
import { BoomVerificatie } from './boom-verificatie';

/** The same tree on the embedded store: leaves, a signed head, and tampering found. */
describe('Auditboom op de ingebouwde database (PGlite)', () => {
  let db: PgliteDatabase;
  let dir: string;
  let opslag: BoomOpslag;
  let verificatie: BoomVerificatie;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'auditboom-embedded-'));
    db = await PgliteDatabase.open();
    const store = await SqlEventStore.create(db, { schema: 'afspraken', adapter: 'embedded' });
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const sleutel = new AuditSleutel(config);
    opslag = new BoomOpslag(db, store, config, new ManualClock('2023-07-10T09:00:00.000Z'), sleutel);
    await opslag.onModuleInit();
    verificatie = new BoomVerificatie(new AuditLezer(store, db, config), opslag, sleutel);
    for (let i = 0; i < 5; i++) {
      await store.appendToStream(`afspraak-E${i % 2}`, [{ id: randomUUID(), type: 'Iets', data: { i }, metadata: {} }], { expectedRevision: 'any' });
    }
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bouwt de bladeren, ondertekent met een sleutel in DATA_DIR, en vindt een verwijderd laatste event', async () => {
    const hoofd = await opslag.ondertekenBijgewerkt('verzoek');
    expect(hoofd.grootte).toBe(5);
    expect(await opslag.runner.checkpoints.positie(db, AUDIT_BOOM)).toBeGreaterThan(0);
    expect(await verificatie.verifieer()).toMatchObject({ intact: true, events: 5, bladeren: 5, boomhoofden: 1 });

    await db.query(`DELETE FROM afspraken.events WHERE position = (SELECT max(position) FROM afspraken.events)`);
    const verslag = await verificatie.verifieer();
    expect(verslag.intact).toBe(false);
    expect(verslag.fouten.map((f) => f.soort)).toEqual(expect.arrayContaining(['ontbrekende-events']));
  });
});
