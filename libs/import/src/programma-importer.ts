import { Injectable } from '@nestjs/common';
import { parseDocument } from 'yaml';
import {
  vereisProgramma,
  beginmomentVan,
  deadlineOptiesVan,
  leesOverlegRegel,
  parseDeadline,
  partijDecider,
  programmaDecider,
  streams,
  ValidationError,
  type Actor,
  type DocumentdatumSoort,
  type Niveau,
  type NieuweDeadline,
  type Partij,
  type PartijCommand,
  type PartijEvent,
  type PartijSoort,
  type Programma,
  type ProgrammaCommand,
  type ProgrammaEvent,
} from '@afspraken/domain';
import { CommandExecutor, InvoerFouten, type CommandContext, type FieldProblem } from '@afspraken/application';
import { zodProblems } from '@afspraken/platform/validation';
import { programmaBestandSchema, type ProgrammaBestand } from './programma-bestand';
import { AfsprakenSchrijver, teller, type GeplandeAfspraak, type Teller } from './afspraken-schrijver';
import { Koppelingen, type KoppelingenPlan } from './koppelingen';

export type { Teller } from './afspraken-schrijver';

export interface ImportVerslag {
  readonly programmaId: string;
  readonly partijen: Teller;
  readonly programma: Teller;
  readonly programmalijnen: Teller;
  readonly opgaven: Teller;
  readonly bestuurlijkeOverleggen: Teller;
  /** The rule of the Bestuurlijk Overleg (0 or 1). */
  readonly bestuurlijkOverlegRegel: Teller;
  readonly afspraken: Teller;
  readonly acties: Teller;
  readonly deadlines: Teller;
  /** Lineage links and `draagtBijAan`, indicators and their measurements. */
  readonly koppelingen: Teller;
  readonly indicatoren: Teller;
  readonly metingen: Teller;
  /** Differences between file and store that an import does not overwrite: those go through commands with a reason. */
  readonly waarschuwingen: string[];
  readonly eventsGeschreven: number;
}

/** The decider names fields as its command does (afspraakId, deadlines[0].deadline); the file as it is written. */
const yamlVeld = (soort: 'afspraak' | 'actie', field: string): string => {
  if (field === 'afspraakId') return 'id';
  if (soort === 'actie' && field.startsWith('deadlines')) return 'deadline';
  return field.replace(/\[(\d+)\]/g, '.$1');
};

type Plan = {
  readonly bestand: ProgrammaBestand;
  readonly afspraken: readonly GeplandeAfspraak[];
  readonly koppelingen: KoppelingenPlan;
};

/**
 * Imports a programme file through the ordinary command path. Everything is checked before the
 * first event is written; what exists already is left alone, so a second import writes nothing.
 */
@Injectable()
export class ProgrammaImporter {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly schrijver: AfsprakenSchrijver,
    private readonly koppelingen: Koppelingen,
  ) {}

  /** Checks the file completely; throws InvoerFouten listing every problem. */
  async controleer(yamlText: string): Promise<Plan> {
    const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
    if (document.errors.length) {
      throw new InvoerFouten(document.errors.map((e) => ({ field: `regel ${e.linePos?.[0]?.line ?? '?'}`, message: e.message.split('\n')[0] })));
    }
    let inhoud: unknown;
    try {
      // Aliases expanding past yaml's limit (a "billion laughs" file) throw here.
      inhoud = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      throw new InvoerFouten([{ field: '(bestand)', message: `Het bestand is niet te lezen: ${(error as Error).message}` }]);
    }
    const parsed = programmaBestandSchema.safeParse(inhoud);
    if (!parsed.success) throw new InvoerFouten(zodProblems(parsed.error));
    const bestand = parsed.data;
    const problems: FieldProblem[] = [];

    const dubbel = (ids: string[], waar: string) => {
      const gezien = new Set<string>();
      ids.forEach((id, i) => {
        if (gezien.has(id)) problems.push({ field: `${waar}.${i}.id`, message: `${id} komt twee keer voor` });
        gezien.add(id);
      });
    };
    const opgaven = new Map(bestand.programmalijnen.flatMap((l) => l.opgaven.map((o) => [o.id, l.id] as const)));
    dubbel(bestand.partijen.map((p) => p.id), 'partijen');
    dubbel(bestand.programmalijnen.map((p) => p.id), 'programmalijnen');
    dubbel([...opgaven.keys()], 'opgaven');
    dubbel([...bestand.afspraken.map((a) => a.id), ...bestand.acties.map((a) => a.id)], 'afspraken+acties');

    const inBestand = new Set(bestand.partijen.map((p) => p.id));
    const bekendePartij = async (partijId: string): Promise<boolean> =>
      inBestand.has(partijId) || (await this.partij(partijId)).status !== 'onbekend';
    const partijVeld = async (partijId: string, field: string) => {
      if (!(await bekendePartij(partijId))) problems.push({ field, message: `partij ${partijId} bestaat niet` });
    };
    await partijVeld(bestand.programma.eigenaar, 'programma.eigenaar');
    for (const [i, partij] of bestand.partijen.entries()) {
      const waar = `partijen.${i}.leden`;
      if (partij.soort === 'collectief' && partij.leden.length === 0) problems.push({ field: waar, message: 'een collectief heeft ten minste één lid' });
      if (partij.soort !== 'collectief' && partij.leden.length) problems.push({ field: waar, message: 'alleen een partij van soort collectief heeft leden' });
      if (partij.leden.includes(partij.id)) problems.push({ field: waar, message: 'een collectief kan geen lid van zichzelf zijn' });
      if (new Set(partij.leden).size !== partij.leden.length) problems.push({ field: waar, message: 'bevat dubbele partijen' });
      for (const [j, lid] of partij.leden.entries()) await partijVeld(lid, `${waar}.${j}`);
    }
    const { documentdatum, documentdatumSoort, documentdatumBron } = bestand.programma;
    if (documentdatum !== undefined && documentdatumSoort === undefined) {
      problems.push({ field: 'programma.documentdatumSoort', message: 'is verplicht bij een documentdatum (gedrukt of opgegeven)' });
    }
    if (documentdatum === undefined && documentdatumSoort !== undefined) problems.push({ field: 'programma.documentdatum', message: 'is verplicht bij documentdatumSoort' });
    if (documentdatumSoort === 'opgegeven' && !documentdatumBron) {
      problems.push({ field: 'programma.documentdatumBron', message: 'is verplicht bij een opgegeven documentdatum: zeg waar de datum vandaan komt' });
    }

    // Phrases that lean on "now" are read against the programme's documentdatum (the file's, else the stored one).
    const leesOpties = deadlineOptiesVan(documentdatum ?? documentdatumVan(await this.programma(bestand.programma.id)));
    const leesDeadline = (phrase: string, field: string) => {
      try {
        const deadline = parseDeadline(phrase, leesOpties);
        if (deadline.kind === 'terugkerend' && deadline.end === null) {
          problems.push({ field, message: `"${phrase}" is een herhaling zonder einde; noem tot wanneer (bijv. "eens per kwartaal tot eind 2025")` });
          return null;
        }
        return deadline;
      } catch (error) {
        if (error instanceof ValidationError) {
          problems.push({ field, message: error.message });
          return null;
        }
        throw error;
      }
    };

    const { phrase: overlegRegel } = bestand.programma.bestuurlijkOverleg;
    if (overlegRegel !== undefined) {
      try {
        leesOverlegRegel(overlegRegel, leesOpties);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        problems.push({ field: 'programma.bestuurlijkOverleg.phrase', message: error.message });
      }
    }

    const afspraken: GeplandeAfspraak[] = [];
    const waarVan = new Map<GeplandeAfspraak, string>();
    const voegToe = async (
      soort: 'afspraak' | 'actie',
      waar: string,
      a: { id: string; opgave: string; titel: string; tekst: string; bronCitaat: string; trekker: string; betrokken: string[] },
      extra: { nummer: string | null; niveau: Niveau | null; ouder?: string | null; dientAfspraken?: string[] },
      phrases: { id: string; omschrijving: string; phrase: string; field: string }[],
    ) => {
      const voor = problems.length;
      const programmalijnId = opgaven.get(a.opgave);
      if (!programmalijnId) problems.push({ field: `${waar}.opgave`, message: `opgave ${a.opgave} staat niet in het bestand` });
      await partijVeld(a.trekker, `${waar}.trekker`);
      for (const [j, p] of a.betrokken.entries()) await partijVeld(p, `${waar}.betrokken.${j}`);
      const deadlines = phrases.map((d) => ({ deadlineId: d.id, omschrijving: d.omschrijving, deadline: leesDeadline(d.phrase, d.field) }));
      const gepland: GeplandeAfspraak = {
        soort,
        id: a.id,
        ...extra,
        opgaveId: a.opgave,
        programmalijnId: programmalijnId ?? '',
        titel: a.titel,
        tekst: a.tekst,
        bronCitaat: a.bronCitaat,
        trekker: a.trekker,
        betrokken: a.betrokken,
        deadlines: deadlines.filter((d): d is NieuweDeadline => d.deadline !== null),
      };
      afspraken.push(gepland);
      // Only what passed the file's own checks goes to the decider, so a problem is never reported twice.
      if (problems.length === voor) waarVan.set(gepland, waar);
    };
    for (const [i, a] of bestand.afspraken.entries()) {
      const phrases = a.deadlines.map((d, j) => ({ ...d, field: `afspraken.${i}.deadlines.${j}.phrase` }));
      await voegToe('afspraak', `afspraken.${i}`, a, { nummer: String(a.nummer), niveau: null }, phrases);
    }
    const afspraakIds = new Set(bestand.afspraken.map((a) => a.id));
    const actieIds = new Set(bestand.acties.map((a) => a.id));
    const ouders = new Map(bestand.acties.map((a) => [a.id, a.ouder]));
    for (const [i, a] of bestand.acties.entries()) {
      if (a.deadline !== undefined && a.deadlines !== undefined) problems.push({ field: `acties.${i}.deadlines`, message: 'geef deadline of deadlines, niet beide' });
      const phrases = a.deadlines
        ? a.deadlines.map((d, j) => ({ ...d, field: `acties.${i}.deadlines.${j}.phrase` }))
        : a.deadline
          ? [{ id: 'd1', omschrijving: a.titel, phrase: a.deadline, field: `acties.${i}.deadline` }]
          : [];
      if (a.ouder !== undefined) {
        if (a.ouder === a.id) problems.push({ field: `acties.${i}.ouder`, message: 'een actie kan geen subactie van zichzelf zijn' });
        else if (!actieIds.has(a.ouder)) problems.push({ field: `acties.${i}.ouder`, message: `actie ${a.ouder} staat niet in het bestand` });
        else if (ouders.get(a.ouder) !== undefined) problems.push({ field: `acties.${i}.ouder`, message: `${a.ouder} is zelf een subactie: één niveau diep` });
      }
      for (const [j, afspraakId] of a.dientAfspraken.entries()) {
        if (!afspraakIds.has(afspraakId)) problems.push({ field: `acties.${i}.dientAfspraken.${j}`, message: `afspraak ${afspraakId} staat niet in het bestand` });
      }
      await voegToe('actie', `acties.${i}`, a, { nummer: null, niveau: a.niveau as Niveau, ouder: a.ouder ?? null, dientAfspraken: a.dientAfspraken }, phrases);
    }
    // The afspraak's own rules (trekker not betrokken, no doubles, …) and whether it already belongs to
    // another programme: the decider's, asked before anything is written.
    for (const fout of await this.schrijver.controleer(bestand.programma.id, [...waarVan.keys()])) {
      const waar = waarVan.get(fout.afspraak)!;
      problems.push({ field: `${waar}.${yamlVeld(fout.afspraak.soort, fout.field)}`, message: fout.message });
    }
    const koppelingen = await this.koppelingen.controleer(bestand, problems);
    if (problems.length) throw new InvoerFouten(problems);
    return { bestand, afspraken, koppelingen };
  }

  async importeer(yamlText: string, actor: Actor): Promise<ImportVerslag> {
    const { bestand, afspraken, koppelingen } = await this.controleer(yamlText);
    const p = bestand.programma;
    // Before the first write: parties come first in the file and must not land for a foreign programme.
    vereisProgramma(actor, p.id);
    const verslag: ImportVerslag = {
      programmaId: p.id,
      partijen: teller(),
      programma: teller(),
      programmalijnen: teller(),
      opgaven: teller(),
      bestuurlijkeOverleggen: teller(),
      bestuurlijkOverlegRegel: teller(),
      afspraken: teller(),
      acties: teller(),
      deadlines: teller(),
      koppelingen: teller(),
      indicatoren: teller(),
      metingen: teller(),
      waarschuwingen: [],
      eventsGeschreven: 0,
    };
    let events = 0;
    let programma = await this.programma(p.id);
    // Every event the import writes took effect on the document's date (recordedAt stays now). The
    // import that creates the programme records the document itself: its events carry that herkomst.
    const documentdatum = (programma.status === 'vastgelegd' ? programma.documentdatum?.datum : undefined) ?? p.documentdatum;
    const context: CommandContext = {
      actor,
      correlationId: `import-${p.id}`,
      ...(documentdatum ? { effectiveAt: beginmomentVan(documentdatum) } : {}),
      ...(documentdatum && programma.status === 'onbekend' ? { herkomst: 'programmadocument' as const } : {}),
    };

    for (const partij of bestand.partijen) {
      const huidig = await this.partij(partij.id);
      if (huidig.status !== 'onbekend') {
        verslag.partijen.bestond++;
        continue;
      }
      const r = await this.executor.execute(
        partijDecider,
        streams.partij(partij.id),
        (metadata): PartijCommand => ({ type: 'LegPartijVast', data: { partijId: partij.id, naam: partij.naam, soort: partij.soort as PartijSoort, aliassen: partij.aliassen, leden: partij.leden }, metadata }),
        context,
      );
      events += r.events.length;
      verslag.partijen.nieuw++;
    }

    const programmaStream = streams.programma(p.id);
    if (programma.status === 'onbekend') {
      const r = await this.executor.execute(
        programmaDecider,
        programmaStream,
        (metadata): ProgrammaCommand => ({
          type: 'LegProgrammaVast',
          data: {
            programmaId: p.id,
            naam: p.naam,
            eigenaar: p.eigenaar,
            bron: p.bron,
            documentdatum: p.documentdatum,
            documentdatumSoort: p.documentdatumSoort as DocumentdatumSoort | undefined,
            documentdatumBron: p.documentdatumBron,
          },
          metadata,
        }),
        context,
      );
      events += r.events.length;
      programma = r.state;
      verslag.programma.nieuw++;
    } else {
      verslag.programma.bestond++;
      if (programma.naam !== p.naam) verslag.waarschuwingen.push(`programma ${p.id}: naam in het bestand wijkt af van de vastgelegde naam`);
      if (programma.status === 'vastgelegd' && (programma.documentdatum?.datum ?? undefined) !== p.documentdatum) {
        verslag.waarschuwingen.push(`programma ${p.id}: documentdatum in het bestand (${p.documentdatum ?? 'geen'}) wijkt af van de vastgelegde (${programma.documentdatum?.datum ?? 'geen'})`);
      }
    }
    const bekend = programma.status === 'vastgelegd' ? programma : null;
    for (const lijn of bestand.programmalijnen) {
      if (bekend?.programmalijnen.some((l) => l.programmalijnId === lijn.id)) verslag.programmalijnen.bestond++;
      else {
        const r = await this.executor.execute(programmaDecider, programmaStream, (metadata): ProgrammaCommand => ({ type: 'LegProgrammalijnVast', data: { programmalijnId: lijn.id, nummer: lijn.nummer, naam: lijn.naam }, metadata }), context);
        events += r.events.length;
        verslag.programmalijnen.nieuw++;
      }
      for (const opgave of lijn.opgaven) {
        if (bekend?.opgaven.some((o) => o.opgaveId === opgave.id)) {
          verslag.opgaven.bestond++;
          continue;
        }
        const r = await this.executor.execute(
          programmaDecider,
          programmaStream,
          (metadata): ProgrammaCommand => ({ type: 'LegOpgaveVast', data: { programmalijnId: lijn.id, opgaveId: opgave.id, nummer: opgave.nummer, naam: opgave.naam }, metadata }),
          context,
        );
        events += r.events.length;
        verslag.opgaven.nieuw++;
      }
    }
    const { phrase: overlegRegel, extra: losseOverleggen } = p.bestuurlijkOverleg;
    if (overlegRegel !== undefined) {
      const huidig = bekend?.bestuurlijkOverlegRegel?.phrase;
      if (huidig === undefined) {
        const r = await this.executor.execute(programmaDecider, programmaStream, (metadata): ProgrammaCommand => ({ type: 'LegBestuurlijkOverlegRegelVast', data: { phrase: overlegRegel }, metadata }), context);
        events += r.events.length;
        verslag.bestuurlijkOverlegRegel.nieuw++;
        programma = r.state;
      } else if (huidig === overlegRegel.trim().replace(/\s+/g, ' ')) verslag.bestuurlijkOverlegRegel.bestond++;
      // Replacing the rule drops the moves of its meetings: that is a command with the coordinator's intent, not an import.
      else verslag.waarschuwingen.push(`programma ${p.id}: de regel van het Bestuurlijk Overleg in het bestand ("${overlegRegel}") wijkt af van de vastgelegde ("${huidig}")`);
    }
    const metRegel = programma.status === 'vastgelegd' ? programma : null;
    for (const datum of losseOverleggen) {
      if (metRegel?.bestuurlijkOverleggen.includes(datum)) {
        verslag.bestuurlijkeOverleggen.bestond++;
        continue;
      }
      const r = await this.executor.execute(programmaDecider, programmaStream, (metadata): ProgrammaCommand => ({ type: 'PlanBestuurlijkOverleg', data: { datum }, metadata }), context);
      events += r.events.length;
      verslag.bestuurlijkeOverleggen.nieuw++;
    }

    const geschreven = await this.schrijver.schrijf(p.id, afspraken, context);
    events += geschreven.eventsGeschreven;
    verslag.waarschuwingen.push(...geschreven.waarschuwingen);
    const gekoppeld = await this.koppelingen.schrijf(p.id, koppelingen, context);
    events += gekoppeld.eventsGeschreven;
    return {
      ...verslag,
      afspraken: geschreven.afspraken,
      acties: geschreven.acties,
      deadlines: geschreven.deadlines,
      koppelingen: gekoppeld.koppelingen,
      indicatoren: gekoppeld.indicatoren,
      metingen: gekoppeld.metingen,
      eventsGeschreven: events,
    };
  }

  private async partij(partijId: string): Promise<Partij> {
    return (await this.executor.load<PartijEvent, Partij>(partijDecider, streams.partij(partijId))).state;
  }

  private async programma(programmaId: string): Promise<Programma> {
    return (await this.executor.load<ProgrammaEvent, Programma>(programmaDecider, streams.programma(programmaId))).state;
  }
}

const documentdatumVan = (programma: Programma): string | undefined => (programma.status === 'onbekend' ? undefined : programma.documentdatum?.datum);
