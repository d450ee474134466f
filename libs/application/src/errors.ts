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

/** At most this many problems are kept and reported; `aantal` still counts them all. */
export const MAX_GEMELDE_FOUTEN = 100;

/**
 * Several problems in one input (a file, a row set); nothing was written (HTTP 400). Only the first
 * MAX_GEMELDE_FOUTEN are kept, so a file of a million bad cells gives an answer of a hundred.
 */
export class InvoerFouten extends Error {
  readonly code = 'ONGELDIGE_INVOER';
  readonly problems: readonly FieldProblem[];
  /** How many problems there were in all. */
  readonly aantal: number;
  constructor(problems: readonly FieldProblem[]) {
    const aantal = problems.length;
    super(
      `${aantal} ${aantal === 1 ? 'fout' : 'fouten'} in de invoer: ${problems.slice(0, 3).map((p) => `${p.field}: ${p.message}`).join('; ')}${aantal > 3 ? '; …' : ''}` +
        (aantal > MAX_GEMELDE_FOUTEN ? ` (de eerste ${MAX_GEMELDE_FOUTEN} staan in errors)` : ''),
    );
    this.name = 'InvoerFouten';
    this.problems = problems.slice(0, MAX_GEMELDE_FOUTEN);
    this.aantal = aantal;
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
