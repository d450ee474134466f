import { ValidationError, parseDeadline, type Deadline, type DeadlineOpties } from '@afspraken/domain';

/**
 * Reads a deadline phrase (against the programme's documentdatum, where the caller passes it); an
 * unreadable one is refused naming the request field it came from.
 */
export const leesDeadline = (phrase: string, field: string, opties: DeadlineOpties = {}): Deadline => {
  try {
    return parseDeadline(phrase, opties);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.code, error.message, field);
    throw error;
  }
};
