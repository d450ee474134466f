import { z } from 'zod';
import { NIVEAUS, PARTIJ_SOORTEN } from '@afspraken/domain';
import { datum, id, optioneleTekst, regel, tekst } from '../../core/validation';

/** The YAML format of a programme file (see data/programmas/taz.yaml). */
const deadline = z.strictObject({ id, omschrijving: tekst(500), phrase: tekst(200) });

export const programmaBestandSchema = z.strictObject({
  versie: z.literal(1),
  programma: z.strictObject({
    id,
    naam: tekst(300),
    eigenaar: id,
    bron: optioneleTekst(1000),
    bestuurlijkOverleg: z.array(datum).default([]),
  }),
  partijen: z
    .array(
      z.strictObject({
        id,
        naam: regel(300),
        soort: z.enum(PARTIJ_SOORTEN as [string, ...string[]]),
        aliassen: z.array(tekst(300)).default([]),
      }),
    )
    .default([]),
  programmalijnen: z
    .array(
      z.strictObject({
        id,
        nummer: z.number().int().min(1).max(999),
        naam: tekst(300),
        opgaven: z.array(z.strictObject({ id, nummer: z.number().int().min(1).max(999), naam: tekst(300) })).default([]),
      }),
    )
    .default([]),
  afspraken: z
    .array(
      z.strictObject({
        id,
        nummer: z.number().int().min(1).max(999),
        opgave: id,
        titel: regel(300),
        tekst: tekst(20_000),
        bronCitaat: optioneleTekst(20_000),
        trekker: id,
        betrokken: z.array(id).default([]),
        deadlines: z.array(deadline).default([]),
      }),
    )
    .default([]),
  acties: z
    .array(
      z.strictObject({
        id,
        opgave: id,
        niveau: z.enum(NIVEAUS as [string, ...string[]]),
        titel: regel(300),
        tekst: tekst(20_000),
        bronCitaat: optioneleTekst(20_000),
        trekker: id,
        betrokken: z.array(id).default([]),
        deadline: tekst(200).optional(),
      }),
    )
    .default([]),
});

export type ProgrammaBestand = z.infer<typeof programmaBestandSchema>;
