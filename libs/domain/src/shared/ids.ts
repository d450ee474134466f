import { ValidationError } from './errors';

/** Identifiers double as stream-name parts and URL segments: keep them boring. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const isValidId = (value: unknown): value is string =>
  typeof value === 'string' && ID_PATTERN.test(value) && !value.includes('..');

export const assertId = (value: unknown, field: string): string => {
  if (!isValidId(value)) {
    throw new ValidationError(
      'ONGELDIGE_ID',
      `${field} moet 1-64 tekens zijn: letters, cijfers, punt, streep of underscore, beginnend met een letter of cijfer`,
      field,
    );
  }
  return value;
};
