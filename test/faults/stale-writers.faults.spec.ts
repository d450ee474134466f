import { streams } from '@afspraken/domain';
import { dropSchema, openTestDatabase, uniqueSchema, TEST_DATABASE_URL } from '@afspraken/event-store/testing/test-database';
import { startApi, type ApiProcess } from './support/api-process';

/*
 * 50 clients hammer the same 10 afspraken, each sending the revision it last saw as If-Match
 * (mostly stale by the time it arrives). Only appends on the current revision may pass: the
 * rest is 409, revisions stay gapless, and every 2xx is exactly one stored event.
 */
describe('50 concurrent clients with stale revisions on 10 afspraken', () => {
  const schema = uniqueSchema('fault_stale');
  const db = openTestDatabase();
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApi({ DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: schema, DB_POOL_SIZE: '10' });
  });

  afterAll(async () => {
    await api?.stop();
    await dropSchema(db, schema);
    await db.close();
  });

  it('lets only valid appends through; all conflicts are 409 and revisions are gapless', async () => {
    const afspraken = Array.from({ length: 10 }, (_, i) => `TAZ-A${String(i + 1).padStart(2, '0')}`);
    const auth = { Authorization: `Bearer ${api.coordinatorKey}` };
    const trekkers = new Map<string, string>();
    const before = new Map<string, number>();
    for (const id of afspraken) {
      const res = await fetch(`${api.url}/afspraken/${id}`, { headers: auth });
      trekkers.set(id, ((await res.json()) as { afspraak: { trekker: string } }).afspraak.trekker);
      before.set(id, Number(res.headers.get('etag')!.replaceAll('"', '')));
    }

    const statuses = new Map<number, number>();
    const conflictsWithoutRevision: unknown[] = [];
    const accepted = new Map<string, number>(afspraken.map((id) => [id, 0]));
    const ROUNDS = 20;
    await Promise.all(
      Array.from({ length: 50 }, async (_, c) => {
        const afspraakId = afspraken[c % afspraken.length];
        let seen = before.get(afspraakId)!;
        for (let round = 0; round < ROUNDS; round++) {
          const res = await fetch(`${api.url}/afspraken/${afspraakId}/voortgang`, {
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': `"${seen}"` },
            body: JSON.stringify({ partijId: trekkers.get(afspraakId), percentage: round, toelichting: `client ${c} ronde ${round}` }),
          });
          const body = (await res.json()) as { revision?: number; currentRevision?: number };
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 200) {
            accepted.set(afspraakId, accepted.get(afspraakId)! + 1);
            seen = body.revision!;
          } else if (res.status === 409) {
            if (typeof body.currentRevision !== 'number') conflictsWithoutRevision.push(body);
            else seen = body.currentRevision; // a real client re-reads and tries again
          }
        }
      }),
    );

    const summary = Object.fromEntries(statuses);
    expect(Object.keys(summary).map(Number).sort()).toEqual([200, 409]);
    expect(conflictsWithoutRevision).toEqual([]);
    for (const id of afspraken) {
      const { rows } = await db.query<{ revision: string; type: string }>(
        `SELECT revision, type FROM "${schema}".events WHERE stream_id = $1 ORDER BY revision`,
        [streams.afspraak(id)],
      );
      expect(rows.map((r) => Number(r.revision))).toEqual(rows.map((_, i) => i));
      const added = rows.filter((r) => Number(r.revision) > before.get(id)!);
      expect(added.length).toBe(accepted.get(id));
      expect(added.every((r) => r.type === 'VoortgangGerapporteerd')).toBe(true);
    }
    process.stdout.write(`Stale writers: answers ${JSON.stringify(summary)}; revisions gapless on all 10 streams\n`);
  }, 120_000);
});
