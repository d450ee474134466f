import { START, type AllStreamResolvedEvent, type ReadPosition } from '@eventstore/db-client';
import type { RecordedEvent } from '../port';
import { isSystemEventType, isSystemStream, toRecordedEvent } from './mapping';
import { CommitIndexer, compareLogPositions, resumeCommit, toGlobalPosition, type LogPosition } from './position';

/**
 * One walk forward through $all from an exclusive checkpoint, across as many server reads as it
 * takes. Pure bookkeeping: it decides where the next read starts and which events to hand out.
 */
export class AllCursor {
  private lastRead: LogPosition | undefined;
  private readonly indexer = new CommitIndexer();

  constructor(private readonly after: number) {}

  /**
   * Inclusive start of the next server read. The first read starts at (commit, prepare 0) so it
   * sees every event of the checkpoint's commit; later reads restart at the last event read and
   * skip it, so a page boundary inside a shared commit neither repeats nor loses events.
   */
  get readFrom(): ReadPosition {
    if (this.lastRead) return this.lastRead;
    const commit = resumeCommit(this.after);
    return commit === 0n ? START : { commit, prepare: 0n };
  }

  /** The last raw event read (system events included): an exact position the server knows. */
  get lastReadPosition(): LogPosition | undefined {
    return this.lastRead;
  }

  get startsAtBeginning(): boolean {
    return resumeCommit(this.after) === 0n;
  }

  /** Feed every event $all returns, in order; returns it as ours when it is a user event beyond the checkpoint. */
  take(resolved: AllStreamResolvedEvent): RecordedEvent | undefined {
    const event = resolved.event;
    if (!event) return undefined;
    if (this.lastRead && compareLogPositions(event.position, this.lastRead) <= 0) return undefined;
    this.lastRead = event.position;
    // System event types are not counted: a subscription's server-side filter never shows them.
    if (isSystemEventType(event.type)) return undefined;
    const position = toGlobalPosition(event.position.commit, this.indexer.indexOf(event.position.commit));
    if (isSystemStream(event.streamId) || position <= this.after) return undefined;
    return toRecordedEvent(event, position);
  }
}
