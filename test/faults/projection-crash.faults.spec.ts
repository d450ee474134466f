import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { dumpReadModels, runCli, startApi, startWorker, type ApiProcess, type WorkerProcess } from './support/api-process';

/*
 * The worker is killed with SIGKILL again and again while commands keep arriving, so some kills
 * land between an append and the projection's checkpoint. After the last restart the read models
 * must equal a rebuild from position 0, byte for byte: nothing lost, nothing applied twice
 * (re-plans are counted in the documents, so a double apply would show).
 */
describe('worker killed between append and projection checkpoint', () => {
  const schema = uniqueSchema('fault_proj');
  const db = openTestDatabase();
  const env = { DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema };
  let api: ApiProcess;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    api = await startApi({ ...env, WORKER_IN_PROCESS: 'false' });
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.stop();
    await dropSchema(db, schema);
    await db.close();
  });

  const dump = () => dumpReadModels(db, schema);

  const checkpointsAt = async (head: number): Promise<boolean> => {
    const { rows } = await db.query<{ positie: string }>(`SELECT positie FROM "${schema}".projectie_checkpoints`);
    return rows.length > 0 && rows.every((r) => Number(r.positie) >= head);
  };

  it('converges to exactly what a rebuild from position 0 gives', async () => {
    const auth = { Authorization: `Bearer ${api.coordinatorKey}`, 'Content-Type': 'application/json' };
    const afspraken = ['TAZ-A02', 'TAZ-A04', 'TAZ-A05', 'TAZ-A07', 'TAZ-A09', 'TAZ-A10'];
    const info = new Map<string, { trekker: string; deadlineId: string }>();
    for (const id of afspraken) {
      const body = (await (await fetch(`${api.url}/afspraken/${id}`, { headers: auth })).json()) as {
        afspraak: { trekker: string; mijlpalen: Array<{ deadlineId: string }> };
      };
      info.set(id, { trekker: body.afspraak.trekker, deadlineId: body.afspraak.mijlpalen[0].deadlineId });
    }

    let running = true;
    let acknowledged = 0;
    const load = Promise.all(
      afspraken.map(async (id, c) => {
        for (let n = 0; running; n++) {
          const { trekker, deadlineId } = info.get(id)!;
          const replan = n % 3 === 2;
          const res = await fetch(
            replan ? `${api.url}/afspraken/${id}/deadlines/${deadlineId}/verschuiven` : `${api.url}/afspraken/${id}/voortgang`,
            {
              method: 'POST',
              headers: auth,
              body: JSON.stringify(
                replan
                  ? { phrase: `uiterlijk Q${(n % 4) + 1} ${2027 + (n % 3)}`, reden: `herplanning ${c}/${n}`, besluitorgaan: 'Bestuurlijk Overleg TAZ' }
                  : { partijId: trekker, percentage: n % 101, toelichting: `meting ${c}/${n}` },
              ),
            },
          );
          if (res.ok) acknowledged++;
          await res.arrayBuffer();
        }
      }),
    );

    for (let kill = 0; kill < 4; kill++) {
      worker = await startWorker(env);
      await new Promise((r) => setTimeout(r, 700 + Math.random() * 900));
      await worker.stop('SIGKILL');
    }
    running = false;
    await load;
    expect(acknowledged).toBeGreaterThan(50);

    // A last, undisturbed worker catches up; its leases of killed predecessors run out first.
    worker = await startWorker(env);
    const head = await (async () => {
      const { rows } = await db.query<{ max: string }>(`SELECT max(position) AS max FROM "${schema}".events`);
      return Number(rows[0].max);
    })();
    const until = Date.now() + 90_000;
    while (!(await checkpointsAt(head)) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect(await checkpointsAt(head)).toBe(true);
    await worker.stop();
    const live = await dump();

    const rebuild = await runCli(['projecties', 'herbouw'], env);
    expect(rebuild.code).toBe(0);
    const rebuilt = await dump();
    expect(live.length).toBeGreaterThan(1000);
    expect(live).toBe(rebuilt);
    process.stdout.write(`Projection crash: ${acknowledged} commands during 4 kill -9s of the worker; read models equal a rebuild from 0\n`);
  }, 240_000);
});
