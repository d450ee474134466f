import type { AllStreamResolvedEvent, ReadPosition } from '@eventstore/db-client';
import { AllCursor } from './all-cursor';
import {
  CommitIndexer,
  GlobalPositionRangeError,
  MAX_COMMIT_POSITION,
  MAX_INDEX_IN_COMMIT,
  POSITIONS_PER_COMMIT,
  compareLogPositions,
  isReportedPosition,
  resumeCommit,
  toGlobalPosition,
} from './position';

interface LogEntry {
  readonly id: string;
  readonly commit: bigint;
  readonly prepare: bigint;
  readonly type?: string;
  readonly streamId?: string;
}

const resolved = ({ id, commit, prepare, type = 'Getest', streamId = 'afspraak-1' }: LogEntry): AllStreamResolvedEvent => ({
  event: {
    id,
    streamId,
    type,
    revision: 0n,
    isJson: true,
    created: new Date('2025-01-02T03:04:05.000Z'),
    data: {},
    metadata: undefined,
    position: { commit, prepare },
  },
  commitPosition: commit,
});

/*
 * $all as the server orders it: gRPC appends (commit == prepare, one event per commit, also for a
 * three-event append), a legacy TCP transaction (four events behind one commit record, one of
 * them a system event) and system events in between.
 */
const log: LogEntry[] = [
  { id: 'a0', commit: 100n, prepare: 100n },
  { id: 'sys1', commit: 180n, prepare: 180n, type: '$>', streamId: '$ce-afspraak' },
  { id: 'b0', commit: 250n, prepare: 250n },
  { id: 'b1', commit: 400n, prepare: 400n },
  { id: 'b2', commit: 550n, prepare: 550n },
  { id: 't0', commit: 1200n, prepare: 700n },
  { id: 't1', commit: 1200n, prepare: 800n },
  { id: 'tsys', commit: 1200n, prepare: 900n, type: '$metadata' },
  { id: 't2', commit: 1200n, prepare: 1000n },
  { id: 'c0', commit: 1300n, prepare: 1300n },
  { id: 'sys2', commit: 1400n, prepare: 1400n, type: '$statsCollected', streamId: '$stats-127.0.0.1:2113' },
];

/** What a server read from `from` (inclusive, $all order) would return. */
const readFrom = (position: ReadPosition): LogEntry[] =>
  position === 'start' || position === 'end' ? log : log.filter((e) => compareLogPositions(e, position) >= 0);

/** Walks $all from `after` in pages of `pageSize`, as readAll and the subscription's catch-up do. */
const walk = (after: number, pageSize: number) => {
  const cursor = new AllCursor(after);
  const delivered: Array<{ id: string; position: number }> = [];
  for (;;) {
    const page = readFrom(cursor.readFrom).slice(0, pageSize);
    for (const entry of page) {
      const event = cursor.take(resolved(entry));
      if (event) delivered.push({ id: event.id, position: event.position });
    }
    if (page.length < pageSize) return delivered;
  }
};

describe('global position mapping', () => {
  it('puts the commit position in the high part and the index among events sharing it in the low part', () => {
    expect(toGlobalPosition(100n, 0)).toBe(100 * 4096);
    expect(toGlobalPosition(1200n, 2)).toBe(1200 * 4096 + 2);
  });

  it('is strictly increasing for distinct commit positions, also when they are adjacent', () => {
    const positions = [0n, 1n, 2n, 250n, 251n, MAX_COMMIT_POSITION].map((commit) => toGlobalPosition(commit, 0));
    for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
  });

  it('is strictly increasing within a shared commit position and stays below the next commit', () => {
    const shared = [0, 1, 2, MAX_INDEX_IN_COMMIT].map((index) => toGlobalPosition(7n, index));
    for (let i = 1; i < shared.length; i++) expect(shared[i]).toBeGreaterThan(shared[i - 1]);
    expect(shared[shared.length - 1]).toBeLessThan(toGlobalPosition(8n, 0) - 1);
  });

  it('stays an exact safe integer up to the largest commit position it accepts', () => {
    const largest = toGlobalPosition(MAX_COMMIT_POSITION, MAX_INDEX_IN_COMMIT);
    expect(Number.isSafeInteger(largest)).toBe(true);
    expect(BigInt(largest)).toBe(MAX_COMMIT_POSITION * BigInt(POSITIONS_PER_COMMIT) + BigInt(MAX_INDEX_IN_COMMIT));
  });

  it('refuses a commit position beyond Number.MAX_SAFE_INTEGER / 4096 instead of rounding', () => {
    expect(() => toGlobalPosition(MAX_COMMIT_POSITION + 1n, 0)).toThrow(GlobalPositionRangeError);
    expect(() => toGlobalPosition(2n ** 62n, 0)).toThrow(/past niet in een JS-getal/);
    expect(() => toGlobalPosition(-1n, 0)).toThrow(GlobalPositionRangeError);
  });

  it('refuses more events behind one commit position than the low part can count', () => {
    expect(() => toGlobalPosition(5n, MAX_INDEX_IN_COMMIT + 1)).toThrow(/delen commitpositie 5/);
  });

  it('resumes at the same commit position for a position and for that position minus one', () => {
    for (const [commit, index] of [[100n, 0], [1200n, 0], [1200n, 1], [1200n, MAX_INDEX_IN_COMMIT]] as const) {
      const position = toGlobalPosition(commit, index);
      expect(resumeCommit(position)).toBe(commit);
      expect(resumeCommit(position - 1)).toBe(commit);
    }
    expect(resumeCommit(-1)).toBe(0n);
  });

  it('treats the server’s 2^64-1 as "no position"', () => {
    expect(isReportedPosition(2n ** 64n - 1n)).toBe(false);
    expect(isReportedPosition(undefined)).toBe(false);
    expect(isReportedPosition(0n)).toBe(true);
    expect(isReportedPosition(123456n)).toBe(true);
  });

  it('numbers the events sharing a commit position in the order they come', () => {
    const indexer = new CommitIndexer();
    expect([5n, 9n, 9n, 9n, 12n, 12n].map((commit) => indexer.indexOf(commit))).toEqual([0, 0, 1, 2, 0, 1]);
  });
});

describe('walking $all from a checkpoint', () => {
  const everything = walk(-1, 100);

  it('hands out user events only, with strictly increasing positions', () => {
    expect(everything.map((e) => e.id)).toEqual(['a0', 'b0', 'b1', 'b2', 't0', 't1', 't2', 'c0']);
    const positions = everything.map((e) => e.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it('gives the events of one gRPC append their own commit positions and the TCP transaction shared ones', () => {
    const byId = Object.fromEntries(everything.map((e) => [e.id, e.position]));
    expect([byId.b0, byId.b1, byId.b2]).toEqual([250 * 4096, 400 * 4096, 550 * 4096]);
    // The system event inside the transaction takes no index.
    expect([byId.t0, byId.t1, byId.t2]).toEqual([1200 * 4096, 1200 * 4096 + 1, 1200 * 4096 + 2]);
  });

  // Later reads repeat the last event read, so a page needs room for at least one new one (the adapter reads >= 2).
  it.each([2, 3, 5, 100])('resumes after every delivered event without losing or repeating one (pages of %i)', (pageSize) => {
    for (const [i, checkpoint] of everything.entries()) {
      expect(walk(checkpoint.position, pageSize).map((e) => e.id)).toEqual(everything.slice(i + 1).map((e) => e.id));
    }
  });

  it('includes the event itself when resuming from its position minus one', () => {
    for (const [i, event] of everything.entries()) {
      expect(walk(event.position - 1, 2).map((e) => e.id)).toEqual(everything.slice(i).map((e) => e.id));
    }
  });

  it('starts the first read at (commit, prepare 0) so a shared commit is seen from its first event', () => {
    const t1 = everything.find((e) => e.id === 't1')!;
    expect(new AllCursor(t1.position).readFrom).toEqual({ commit: 1200n, prepare: 0n });
    expect(new AllCursor(-1).readFrom).toBe('start');
  });

  it('restarts later reads at the last raw event read, system events included', () => {
    const cursor = new AllCursor(-1);
    for (const entry of log.slice(0, 2)) cursor.take(resolved(entry));
    expect(cursor.readFrom).toEqual({ commit: 180n, prepare: 180n });
    expect(cursor.lastReadPosition).toEqual({ commit: 180n, prepare: 180n });
  });
});
