import { APP_CONFIG, type AppConfig } from '@afspraken/platform';
import { AFSPRAKEN_TABEL } from '@afspraken/read-models';
import { AuditLezer } from '@afspraken/audit';
import { seed } from './security/fixtures';
import { startSecurityApp, type SecurityApp } from './security/security-app';
import { auth } from './support/test-app';

describe('De auditstand van een programma leest alleen de streams die hij nodig heeft', () => {
  let t: SecurityApp;
  let coordinator: string;
  let positie: number;

  beforeAll(async () => {
    t = await startSecurityApp();
    coordinator = await t.key('coordinator');
    await seed(t, coordinator);
    const res = await t.http.post('/afspraken/ANDER-1/voortgang').set(auth(coordinator)).send({ partijId: 'vws', percentage: 10, toelichting: 'x' });
    positie = res.body.position;
    // Read-your-writes: the read models include everything written so far.
    expect((await t.http.get(`/afspraken?naPositie=${positie}`).set(auth(coordinator))).status).toBe(200);
  });
  afterAll(() => t?.close());

  it('niet de hele globale stream: alleen wat na het leesmodel kwam', async () => {
    const lezer = t.app.get(AuditLezer);
    const origineel = lezer.alleEvents.bind(lezer);
    let gelezen = 0;
    const spion = jest.spyOn(lezer, 'alleEvents').mockImplementation(async function* (vanaf?: number) {
      for await (const event of origineel(vanaf)) {
        gelezen++;
        yield event;
      }
    });
    try {
      const res = await t.http.get('/audit/programmas/TAZ/stand?peildatum=2023-03-01').set(auth(coordinator));
      expect(res.status).toBe(200);
      expect(res.body.afspraken.map((a: { afspraakId: string }) => a.afspraakId)).toEqual(['TEST-1']);
      expect(gelezen).toBe(0);
    } finally {
      spion.mockRestore();
    }
  });

  it('vindt een afspraak die het leesmodel nog niet kent in de staart van de stream', async () => {
    const lezer = t.app.get(AuditLezer);
    const ids = await lezer.afspraakIdsVan('ANDER');
    expect(ids).toEqual(['ANDER-1']);
    // As if the read model knew nothing yet: the ids come from the log alone.
    const db = t.storage.db;
    const schema = t.app.get<AppConfig>(APP_CONFIG).DB_SCHEMA;
    await db.query(`ALTER TABLE "${schema}".${AFSPRAKEN_TABEL} RENAME TO ${AFSPRAKEN_TABEL}_weg`);
    try {
      expect(await lezer.afspraakIdsVan('ANDER')).toEqual(['ANDER-1']);
      expect(await lezer.afspraakIdsVan('TAZ')).toEqual(['TEST-1']);
    } finally {
      await db.query(`ALTER TABLE "${schema}".${AFSPRAKEN_TABEL}_weg RENAME TO ${AFSPRAKEN_TABEL}`);
    }
  });
});
