import type { Rol } from '@afspraken/domain';

/**
 * `programmadocument`: written by the import that created the programme, from the programme document;
 * the audit's "zoals vastgelegd" counts such an event from its effectiveAt (the documentdatum).
 */
export type Herkomst = 'programmadocument';

/** What every stored event carries besides its data. */
export interface EventMetadata {
  readonly actor: string;
  readonly rol: Rol;
  readonly partijId: string | null;
  /** When we wrote it (the system's clock). */
  readonly recordedAt: string;
  /** When it took effect in the world; equals recordedAt unless the command said otherwise. */
  readonly effectiveAt: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly commandType: string;
  readonly idempotencyKey: string | null;
  /** SHA-256 of the command as received: a reused idempotency key with another body is refused. */
  readonly requestHash: string | null;
  readonly schemaVersion: number;
  /** Hash chain per stream: tamper evidence an auditor can verify. */
  readonly previousHash: string | null;
  /** Absent on ordinary commands. */
  readonly herkomst?: Herkomst;
  readonly hash: string;
}

export const isEventMetadata = (value: unknown): value is EventMetadata =>
  typeof value === 'object' && value !== null && typeof (value as EventMetadata).hash === 'string' && typeof (value as EventMetadata).recordedAt === 'string';
