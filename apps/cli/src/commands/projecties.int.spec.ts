import { SqlEventStore, type Storage } from '@afspraken/event-store';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { schrijf, voorbeeldStromen } from '@afspraken/read-models/testing/voorbeeld-events';
import { loadConfig } from '@afspraken/platform';
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
      ['indicatoren', -1, true],
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

describe('CLI op een ingebouwde database die een ander proces open heeft', () => {
  it('zegt dat in één regel, zonder stacktrace, en stopt met 1', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'cli-slot-'));
    // The lock of the database directory, held by a process that is alive and not us: our parent.
    writeFileSync(join(dir, 'db.lock'), String(process.ppid));
    const err: string[] = [];
    const uitvoer: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (uitvoer.push(String(chunk)), true));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (uitvoer.push(String(chunk)), true));
    try {
      const config = loadConfig({ DATA_DIR: dir, SEED_PROGRAMMA: '', LOG_LEVEL: 'silent' });
      const code = await runCli(['projecties', 'status'], { out: () => undefined, err: (t) => err.push(t) }, { config });
      expect(code).toBe(1);
      expect(err).toEqual([expect.stringMatching(/^Fout: De ingebouwde database in .* is in gebruik door proces \d+\./)]);
      // Nest logged nothing of its own (no ExceptionHandler with a stack trace).
      expect(uitvoer.join('')).not.toMatch(/ExceptionHandler|at takeDirectoryLock/);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
