import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreConformance } from '../conformance/event-store.conformance';
import { StoreUnavailableError } from '../errors';
import { PgliteDatabase } from './database';
import { SqlEventStore } from './sql-event-store';

const dir = mkdtempSync(join(tmpdir(), 'afspraken-pglite-'));
let db: PgliteDatabase;

describeEventStoreConformance('embedded (PGlite)', {
  async open() {
    db = await PgliteDatabase.open(join(dir, 'db'));
    return SqlEventStore.create(db, { adapter: 'embedded', pollIntervalMs: 20 });
  },
  async close(store) {
    await store.close();
    await db.close();
  },
});

describe('embedded database directory', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its data across a close and reopen', async () => {
    const path = join(dir, 'persist');
    const first = await PgliteDatabase.open(path);
    const store = await SqlEventStore.create(first, { adapter: 'embedded' });
    await store.appendToStream('afspraak-X', [{ id: '6d1f2b9e-0f4a-4c1e-9a7b-2f4d8c1e5a10', type: 'T', data: { a: 1 }, metadata: {} }], { expectedRevision: 'no_stream' });
    await first.close();
    const second = await PgliteDatabase.open(path);
    const reopened = await SqlEventStore.create(second, { adapter: 'embedded' });
    expect((await reopened.readStream('afspraak-X')).map((e) => e.data)).toEqual([{ a: 1 }]);
    await second.close();
  });

  it('refuses a second opener of the same directory while the first lives', async () => {
    const path = join(dir, 'locked');
    const first = await PgliteDatabase.open(path);
    const { writeFileSync } = await import('node:fs');
    // Pretend another live process (our parent) holds the lock.
    writeFileSync(`${path}.lock`, String(process.ppid));
    await expect(PgliteDatabase.open(path)).rejects.toBeInstanceOf(StoreUnavailableError);
    writeFileSync(`${path}.lock`, String(process.pid));
    await first.close();
  });
});
