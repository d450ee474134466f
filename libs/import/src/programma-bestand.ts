import { z } from 'zod';
import { DOCUMENTDATUM_SOORTEN, NIVEAUS, PARTIJ_SOORTEN, PEILDATUM } from '@afspraken/domain';
import { datum, id, optioneleTekst, regel, tekst } from '@afspraken/platform/validation';

/** The YAML format of a programme file (see data/programmas/taz.yaml). */
const deadline = z.strictObject({ id, omschrijving: tekst(500), phrase: tekst(200) });

export const programmaBestandSchema = z.strictObject({
  versie: z.literal(1),
  programma: z.strictObject({
    id,
    naam: tekst(300),
    eigenaar: id,
    bron: optioneleTekst(1000),
    documentdatum: datum.optional(),
    documentdatumSoort: z.enum(DOCUMENTDATUM_SOORTEN as [string, ...string[]], { message: 'moet gedrukt of opgegeven zijn' }).optional(),
    documentdatumBron: optioneleTekst(500).optional(),
    /**
     * The Bestuurlijk Overleg: `phrase` its rule ("eens per kwartaal van Q4 2022 tot en met Q4 2025"),
     * whose occurrences are the meetings; `extra` one-off meetings on a date. A list of dates (the
     * older form) is read as `extra`.
     */
    bestuurlijkOverleg: z.preprocess(
      (waarde) => (Array.isArray(waarde) ? { extra: waarde } : waarde),
      z.strictObject({ phrase: tekst(200).optional(), extra: z.array(datum).default([]) }),
    ).default({ extra: [] }),
    /** Lineage: a programme that is already imported (validated on import). */
    voorganger: id.optional(),
    opvolger: id.optional(),
  }),
  partijen: z
    .array(
      z.strictObject({
        id,
        naam: regel(300),
        soort: z.enum(PARTIJ_SOORTEN as [string, ...string[]]),
        aliassen: z.array(tekst(300)).default([]),
        /** Only soort collectief: the member parties its reminders go to. */
        leden: z.array(id).default([]),
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
        /** Afspraken (of this file, or already imported, e.g. TAZ-A05) that this one carries out. */
        draagtBijAan: z.array(id).default([]),
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
        /** One deadline phrase (its milestone is d1, described by the titel), or `deadlines` as for an afspraak: not both. */
        deadline: tekst(200).optional(),
        deadlines: z.array(deadline).optional(),
        /** A sub-bullet: the id of the actie it sits under. */
        ouder: id.optional(),
        /** The afspraken of the file this actie serves, where the text says so. */
        dientAfspraken: z.array(id).default([]),
      }),
    )
    .default([]),
  indicatoren: z
    .array(
      z.strictObject({
        id,
        naam: tekst(300),
        eenheid: tekst(200),
        doel: z
          .strictObject({ waarde: z.number().finite(), peiljaar: z.number().int().min(1900).max(2100).nullable().default(null), omschrijving: tekst(1000) })
          .nullable()
          .default(null),
        /** Afspraken of this programme the indicator belongs to. */
        afspraken: z.array(id).default([]),
        metingen: z
          .array(
            z.strictObject({
              waarde: z.number().finite(),
              peildatum: z.string().regex(PEILDATUM, 'moet de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD hebben'),
              bron: tekst(1000),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

export type ProgrammaBestand = z.infer<typeof programmaBestandSchema>;
