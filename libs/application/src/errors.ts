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
