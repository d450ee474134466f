import { z, type ZodError } from 'zod';
import type { FieldProblem } from '@afspraken/application';
import { ID_PATTERN } from '@afspraken/domain';

// Tab, newline and carriage return are text; other control characters are not.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Bidi overrides and isolates make text display differently from what it says ("Trojan Source").
const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/;

/** Free text: trimmed, bounded, well-formed Unicode without control characters (PostgreSQL rejects NUL). */
export const tekst = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'is verplicht')
    .max(max, `mag hoogstens ${max} tekens zijn`)
    .refine((s) => s.isWellFormed(), 'bevat ongeldige Unicode (losse surrogaten)')
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'bevat ongeldige stuurtekens')
    .refine((s) => !BIDI_OVERRIDES.test(s), 'bevat tekens die de leesrichting omkeren');

// Every control character, the line and paragraph separators too: what breaks a header line.
const REGELBREKERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * One line of text: a name or title that may end up in a mail header (To, Subject), where a CR/LF
 * would start a header of its own. Like tekst, but no tab, newline or other control character at all.
 */
export const regel = (max: number) => tekst(max).refine((s) => !REGELBREKERS.test(s), 'moet één regel zijn, zonder regeleinden of stuurtekens');

/** Like tekst, but may be empty. */
export const optioneleTekst = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `mag hoogstens ${max} tekens zijn`)
    .refine((s) => s.isWellFormed(), 'bevat ongeldige Unicode (losse surrogaten)')
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'bevat ongeldige stuurtekens')
    .refine((s) => !BIDI_OVERRIDES.test(s), 'bevat tekens die de leesrichting omkeren')
    .default('');

export const id = z
  .string()
  .regex(ID_PATTERN, 'moet 1-64 tekens zijn: letters, cijfers, punt, streep of underscore')
  .refine((s) => !s.includes('..'), 'mag geen ".." bevatten');

export const datum = z.iso.date({ message: 'moet een datum zijn (JJJJ-MM-DD)' });

/** When a fact took effect in the world, if earlier than the moment it is recorded. */
export const effectiefOp = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { message: 'moet een datum (JJJJ-MM-DD) of tijdstip (ISO-8601) zijn' })
  .optional();

export const bewijs = z
  .array(
    z.strictObject({
      url: z
        .string()
        .max(2000)
        .url('moet een URL zijn')
        .refine((u) => /^https?:\/\//i.test(u), 'moet met http:// of https:// beginnen'),
      titel: tekst(500),
    }),
  )
  .max(50, 'hoogstens 50 bewijsstukken')
  .default([]);

/** A zod error as the field problems every 400 (and every refused import) names. */
export const zodProblems = (error: ZodError): FieldProblem[] =>
  error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
