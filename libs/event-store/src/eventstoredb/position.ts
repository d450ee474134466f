/*
 * EventStoreDB / KurrentDB positions as one JS number.
 *
 * $all is ordered by (commit, prepare): 64-bit byte offsets in the transaction log. Every event
 * appended over gRPC is an implicit transaction of its own, so it has commit == prepare == its own
 * log position; the events of one multi-event append therefore have distinct commit positions
 * (the server's AllReader records each committed prepare with its own LogPosition as commit).
 * Only explicit transactions of the legacy TCP client put several events behind one commit record:
 * they share the commit position and differ in prepare position.
 *
 *   position = commit * 4096 + index
 *
 * where index counts the non-system events before this one with the same commit position: 0 for
 * everything written over gRPC. Index 4095 is never handed out, so `after = position` and
 * `after = position - 1` both decode to the same commit. A reader resumes at (commit, prepare 0),
 * which includes every event of that commit, and drops what is not beyond `after`.
 *
 * Range: commit * 4096 + 4094 must stay within Number.MAX_SAFE_INTEGER, so the commit position
 * (the number of bytes ever written to the log, scavenged or not) must stay below 2^41: 2 TiB.
 */

export const POSITIONS_PER_COMMIT = 4096;
export const MAX_INDEX_IN_COMMIT = POSITIONS_PER_COMMIT - 2;
export const MAX_COMMIT_POSITION = (BigInt(Number.MAX_SAFE_INTEGER) - BigInt(MAX_INDEX_IN_COMMIT)) / BigInt(POSITIONS_PER_COMMIT);

/** The server sends 2^64 - 1 (-1 as int64) where it has no position. */
const NO_POSITION_FROM = 2n ** 63n;

export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** The store has outgrown what a JS number can address; the adapter must not invent positions. */
export class GlobalPositionRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GlobalPositionRangeError';
  }
}

export const toGlobalPosition = (commit: bigint, indexInCommit: number): number => {
  if (commit < 0n || commit > MAX_COMMIT_POSITION) {
    throw new GlobalPositionRangeError(
      `Commitpositie ${commit} past niet in een JS-getal (maximaal ${MAX_COMMIT_POSITION}, ca. 2 TiB transactielog)`,
    );
  }
  if (!Number.isInteger(indexInCommit) || indexInCommit < 0 || indexInCommit > MAX_INDEX_IN_COMMIT) {
    throw new GlobalPositionRangeError(
      `Meer dan ${MAX_INDEX_IN_COMMIT + 1} events delen commitpositie ${commit} (een oude TCP-transactie)`,
    );
  }
  return Number(commit) * POSITIONS_PER_COMMIT + indexInCommit;
};

/** The commit position to read from (inclusive, prepare 0) to see every event after `after`. */
export const resumeCommit = (after: number): bigint => BigInt(Math.floor((after + 1) / POSITIONS_PER_COMMIT));

export const isReportedPosition = (commit: bigint | undefined): commit is bigint =>
  commit !== undefined && commit >= 0n && commit < NO_POSITION_FROM;

/** $all order: commit first, then prepare. */
export const compareLogPositions = (a: LogPosition, b: LogPosition): number =>
  a.commit === b.commit ? Number(a.prepare - b.prepare) : a.commit < b.commit ? -1 : 1;

/** Hands out the index of each event among those sharing its commit position, fed in $all order. */
export class CommitIndexer {
  private commit: bigint | undefined;
  private nextIndex = 0;

  indexOf(commit: bigint): number {
    if (commit !== this.commit) {
      this.commit = commit;
      this.nextIndex = 0;
    }
    return this.nextIndex++;
  }
}
