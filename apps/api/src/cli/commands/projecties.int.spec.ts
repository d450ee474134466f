import { SqlEventStore, type Storage } from '@afspraken/event-store';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { schrijf, voorbeeldStromen } from '@afspraken/read-models/testing/voorbeeld-events';
import { loadConfig } from '../../core/config';
import { runCli, type CliIo } from '../program';

describe('CLI projecties (PostgreSQL)', () => {
  const db = openTestDatabase();
  const schema = uniqueSchema('cli_proj');
  let storage: Storage;
  let laatste: number;

  beforeAll(async () => {
    const events = await SqlEventStore.create(db, { schema, adapter: 'postgres' });
    storage = { events, db, description: 'test', close: async () => undefined };
    ({ positie: laatste } = await schrijf(events, voorbeeldStromen(5, 4)));
  });
  afterAll(async () => {
    await dropSchema(db, schema);
    await db.close();
  });

  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
    const config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema, SEED_PROGRAMMA: '', LOG_LEVEL: 'silent' });
    const code = await runCli(argv, io, { config, storage });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('status toont elk leesmodel achter zolang er niets verwerkt is; herbouw brengt ze bij', async () => {
    const voor = await cli('projecties', 'status', '--json');
    expect(voor.code).toBe(0);
    expect(JSON.parse(voor.out).map((s: { naam: string; positie: number; achter: boolean }) => [s.naam, s.positie, s.achter])).toEqual([
      ['afspraak-status', -1, true],
      ['partijen', -1, true],
      ['programma-structuur', -1, true],
    ]);

    const herbouw = await cli('projecties', 'herbouw', 'afspraak-status');
    expect(herbouw).toMatchObject({ code: 0, err: '' });
    expect(herbouw.out).toMatch(new RegExp(`^afspraak-status: 28 events verwerkt tot positie ${laatste} in`));
    const na = JSON.parse((await cli('projecties', 'status', '--json')).out);
    expect(na.find((s: { naam: string }) => s.naam === 'afspraak-status')).toMatchObject({ positie: laatste, achter: false });
    expect((await db.query(`SELECT count(*)::int AS n FROM "${schema}".rm_afspraken`)).rows[0]).toEqual({ n: 5 });
  });

  it('een onbekende projectie: één duidelijke regel en exit 1', async () => {
    expect(await cli('projecties', 'herbouw', 'bestaat-niet')).toMatchObject({ code: 1, err: expect.stringContaining('Onbekende projectie "bestaat-niet"') });
  });
});
