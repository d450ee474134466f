/** The Idempotency-Key was used before for a different request (HTTP 422). */
export class IdempotencyKeyConflictError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_HERGEBRUIKT';
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" is al gebruikt voor een ander verzoek`);
    this.name = 'IdempotencyKeyConflictError';
  }
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** Several problems in one input (a file, a row set); nothing was written (HTTP 400). */
export class InvoerFouten extends Error {
  readonly code = 'ONGELDIGE_INVOER';
  constructor(readonly problems: readonly FieldProblem[]) {
    super(`${problems.length} ${problems.length === 1 ? 'fout' : 'fouten'} in de invoer: ${problems.slice(0, 3).map((p) => `${p.field}: ${p.message}`).join('; ')}${problems.length > 3 ? '; …' : ''}`);
    this.name = 'InvoerFouten';
  }
}

/**
 * Others kept changing the stream while this command was decided again and again, for longer
 * than the retry budget. Nothing was written; the caller may simply try again (HTTP 503).
 */
export class ContentionError extends Error {
  readonly code = 'TE_DRUK';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
    readonly elapsedMs: number,
  ) {
    super(`${streamId} werd ${attempts} keer door anderen gewijzigd terwijl dit commando werd beslist (${elapsedMs} ms); probeer het zo opnieuw`);
    this.name = 'ContentionError';
  }
}
