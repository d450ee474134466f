/**
 * The small set of typed errors the domain throws. One exception filter in the api maps them to
 * HTTP; `code` is stable for clients, `message` is Dutch text for people.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'illegal-state' | 'not-found' | 'validation' | 'forbidden';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command is understood but not allowed in the current state (HTTP 409). */
export class IllegalStateError extends DomainError {
  readonly kind = 'illegal-state' as const;
}

/** The thing the command is about does not exist (HTTP 404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
}

/** The command carries a value the domain cannot accept (HTTP 400, naming the field). */
export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;
  constructor(
    code: string,
    message: string,
    readonly field?: string,
  ) {
    super(code, message);
  }
}

/** The actor's role or organisation may not do this (HTTP 403). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}
