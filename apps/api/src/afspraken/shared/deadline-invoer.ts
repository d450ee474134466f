import { ValidationError, parseDeadline, type Deadline } from '@afspraken/domain';

/** Reads a deadline phrase; an unreadable one is refused naming the request field it came from. */
export const leesDeadline = (phrase: string, field: string): Deadline => {
  try {
    return parseDeadline(phrase);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.code, error.message, field);
    throw error;
  }
};
