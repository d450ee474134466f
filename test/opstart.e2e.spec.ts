import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { startApi, type ApiProcess } from './faults/support/api-process';

/**
 * Issue 16: the first start prints the key where it stays on screen. Nest's module and route lines are
 * debug; the key block comes after "draait op"; a request is one compact line at info.
 * The built api (npm run build) as users start it, at LOG_LEVEL=info.
 */
describe('De eerste start van de api', () => {
  const schema = uniqueSchema('opstart');
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApi({ DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema, LOG_LEVEL: 'info', SEED_PROGRAMMA: '' });
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
    const db = openTestDatabase();
    await dropSchema(db, schema);
    await db.close();
  });

  it('toont de routes en modules van Nest niet op info', () => {
    expect(api.output()).not.toMatch(/Mapped \{|RoutesResolver|InstanceLoader|dependencies initialized/);
  });

  it('drukt de sleutel af direct na "draait op", als laatste van de start', () => {
    const regels = api.output().split('\n');
    const draaitOp = regels.findIndex((r) => r.includes('draait op'));
    expect(api.coordinatorKey).not.toBe('');
    expect(draaitOp).toBeGreaterThanOrEqual(0);
    // Only what the running app does later (a request, a background job) may follow the key block.
    expect(regels.slice(draaitOp + 1, draaitOp + 5)).toEqual([
      '',
      'Eerste coördinatorsleutel (wordt maar één keer getoond, bewaar hem goed):',
      '',
      `    ${api.coordinatorKey}`,
    ]);
    expect(regels.slice(0, draaitOp).join('\n')).not.toContain(api.coordinatorKey);
  });

  it('schrijft één korte regel per verzoek op info: methode, pad, status en duur', async () => {
    const res = await fetch(`${api.url}/programmas/ONBEKEND`, { headers: { Authorization: `Bearer ${api.coordinatorKey}` } });
    expect(res.status).toBe(404);
    const regel = await eersteRegel(api, '/programmas/ONBEKEND');
    expect(regel).toMatchObject({ level: 30, msg: expect.stringMatching(/^GET \/programmas\/ONBEKEND 404 \d+ ms$/) });
    expect(JSON.stringify(regel)).not.toContain('headers');
    expect(JSON.stringify(regel)).not.toContain(api.coordinatorKey);
  });
});

/** The log line about a path; pino writes it when the response is finished, so it may follow the answer shortly. */
const eersteRegel = async (api: ApiProcess, pad: string, timeoutMs = 5_000): Promise<Record<string, unknown>> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const regel = api
      .output()
      .split('\n')
      .filter((r) => r.startsWith('{'))
      .map((r) => JSON.parse(r) as Record<string, unknown>)
      .find((r) => typeof r.msg === 'string' && r.msg.includes(pad));
    if (regel) return regel;
    if (Date.now() > deadline) throw new Error(`geen logregel over ${pad} binnen ${timeoutMs} ms:\n${api.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
