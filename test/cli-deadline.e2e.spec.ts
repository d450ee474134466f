import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The contract of `afspraken deadline "<phrase>"` as a user (or script) sees it: the built CLI in a
 * process of its own, on a machine without a database. CI's `npm test` builds first; locally run
 * `npx nest build cli` before this file.
 */
const CLI = 'dist/apps/cli/apps/cli/src/main.js';
const DAG = /^\d{4}-\d{2}-\d{2}$/;

// The phrase forms of issue 3, Dutch and English: [phrase, kind, start, end, due].
const VORMEN: readonly [string, string, string | null, string | null, string | null][] = [
  ['uiterlijk Q2 2023', 'uiterlijk', '2023-04-01', '2023-06-30', '2023-06-30'],
  ['uiterlijk in Q4 van 2023', 'uiterlijk', '2023-10-01', '2023-12-31', '2023-12-31'],
  ['tot uiterlijk Q2 2023', 'uiterlijk', '2023-04-01', '2023-06-30', '2023-06-30'],
  ['per 1 januari 2024', 'per', '2024-01-01', '2024-01-01', '2024-01-01'],
  ['uiterlijk 1-1-2024', 'uiterlijk', '2024-01-01', '2024-01-01', '2024-01-01'],
  ['vanaf Q3 2023', 'vanaf', '2023-07-01', '2023-09-30', '2023-07-01'],
  ['vanaf september 2023', 'vanaf', '2023-09-01', '2023-09-30', '2023-09-01'],
  ['medio 2023', 'periode', '2023-06-01', '2023-07-31', '2023-07-31'],
  ['in het najaar van 2022', 'periode', '2022-09-01', '2022-11-30', '2022-11-30'],
  ['vanaf de zomer 2022', 'vanaf', '2022-06-01', '2022-08-31', '2022-06-01'],
  ['tot eind 2023', 'uiterlijk', '2023-10-01', '2023-12-31', '2023-12-31'],
  ['in de tweede helft van 2023', 'periode', '2023-07-01', '2023-12-31', '2023-12-31'],
  ['in de periode 2022-2023', 'periode', '2022-01-01', '2023-12-31', '2023-12-31'],
  ['in 2023', 'periode', '2023-01-01', '2023-12-31', '2023-12-31'],
  ['eens per kwartaal', 'terugkerend', null, null, null],
  // "end of" a quarter is its last month (docs/deadlines.md); due on the same day as "uiterlijk Q2 2023".
  ['by end of Q2 2023', 'uiterlijk', '2023-06-01', '2023-06-30', '2023-06-30'],
  ['by 1 January 2024', 'uiterlijk', '2024-01-01', '2024-01-01', '2024-01-01'],
  ['from Q3 2023', 'vanaf', '2023-07-01', '2023-09-30', '2023-07-01'],
  ['mid 2023', 'periode', '2023-06-01', '2023-07-31', '2023-07-31'],
  ['autumn 2022', 'periode', '2022-09-01', '2022-11-30', '2022-11-30'],
  // Vague: accepted, never guessed.
  ['de komende jaren', 'vaag', null, null, null],
];

describe('CLI: afspraken deadline "<phrase>" (built, in its own process, without a database)', () => {
  let map: string;
  let dataDir: string;
  // No database anywhere: the embedded one would be created in DATA_DIR, the others cannot be reached.
  const zonderDatabase = () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    delete env.EVENTSTORE_URL;
    return env;
  };
  const deadline = (phrase: string, env = zonderDatabase()) => spawnSync(process.execPath, [CLI, 'deadline', phrase], { env, encoding: 'utf8', timeout: 20_000 });

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} ontbreekt: bouw eerst met \`npx nest build cli\` (npm test doet dat zelf)`);
    map = mkdtempSync(join(tmpdir(), 'cli-deadline-'));
    dataDir = join(map, 'data');
  });
  afterAll(() => rmSync(map, { recursive: true, force: true }));

  it.each(VORMEN)('"%s" → one JSON object: kind %s, window %s..%s, due %s; exit 0', (phrase, kind, start, end, due) => {
    const r = deadline(phrase);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const regels = r.stdout.trim().split('\n');
    expect(regels).toHaveLength(1);
    const uitleg = JSON.parse(regels[0]);
    expect(uitleg).toMatchObject({ phrase, kind, start, end, due });
    for (const veld of ['start', 'end', 'due'] as const) {
      if (uitleg[veld] !== null) expect(uitleg[veld]).toMatch(DAG);
    }
  });

  it.each([
    ['dit najaar', '2022-09-30', 'periode', '2022-09-01', '2022-11-30', '2022-11-30'],
    ['komend schooljaar', '2022-09-30', 'periode', '2023-08-01', '2024-07-31', '2024-07-31'],
    ['voor de komende zomer', '2018-03-13', 'uiterlijk', null, '2018-05-31', '2018-05-31'],
  ])('"%s" --documentdatum %s → %s %s..%s, due %s, and says which date it used', (phrase, documentdatum, kind, start, end, due) => {
    const r = spawnSync(process.execPath, [CLI, 'deadline', phrase, '--documentdatum', documentdatum], { env: zonderDatabase(), encoding: 'utf8', timeout: 20_000 });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ phrase, kind, start, end, due, referentie: { soort: 'documentdatum', datum: documentdatum } });
  });

  it('without --documentdatum a phrase that leans on "now" is vague and says why', () => {
    const r = deadline('dit najaar');
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'vaag', due: null, reden: expect.stringContaining('documentdatum') });
  });

  it('an impossible --documentdatum exits non-zero with one line naming it', () => {
    const r = spawnSync(process.execPath, [CLI, 'deadline', 'dit najaar', '--documentdatum', '2022-02-30'], { env: zonderDatabase(), encoding: 'utf8', timeout: 20_000 });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('documentdatum')]);
  });

  it('opened no database: the embedded one was never created in DATA_DIR', () => {
    expect(deadline('uiterlijk Q2 2023').status).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('answers with an unreachable PostgreSQL configured, as it never connects', () => {
    const r = deadline('vanaf Q3 2023', { ...zonderDatabase(), DATABASE_URL: 'postgres://niemand@127.0.0.1:1/geen' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'vanaf', due: '2023-07-01' });
  });

  it.each([
    ['uiterlijk Q5 2023', 'kwartaal 5 bestaat niet'],
    ['per 31 februari 2024', '31 februari'],
  ])('an impossible date "%s" exits non-zero, prints nothing on stdout and one clear line on stderr', (phrase, uitleg) => {
    const r = deadline(phrase);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Fout: De deadline ".+" is onleesbaar: /)]);
    expect(r.stderr).toContain(uitleg);
  });

  it('without a phrase exits non-zero and says what is missing', () => {
    const r = spawnSync(process.execPath, [CLI, 'deadline'], { env: zonderDatabase(), encoding: 'utf8', timeout: 20_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("missing required argument 'phrase'");
  });
});
