import { Injectable } from '@nestjs/common';
import { parseDocument } from 'yaml';
import {
  vereisProgramma,
  evolvePartij,
  evolveProgramma,
  initialPartij,
  initialProgramma,
  parseDeadline,
  partijDecider,
  programmaDecider,
  streams,
  ValidationError,
  type Actor,
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
import { CommandExecutor, InvoerFouten, type FieldProblem } from '@afspraken/application';
import { zodProblems } from '../../core/exception.filter';
import { programmaBestandSchema, type ProgrammaBestand } from './programma-bestand';
import { AfsprakenSchrijver, teller, type GeplandeAfspraak, type Teller } from './afspraken-schrijver';

export type { Teller } from './afspraken-schrijver';

export interface ImportVerslag {
  readonly programmaId: string;
  readonly partijen: Teller;
  readonly programma: Teller;
  readonly programmalijnen: Teller;
  readonly opgaven: Teller;
  readonly bestuurlijkeOverleggen: Teller;
  readonly afspraken: Teller;
  readonly acties: Teller;
  readonly deadlines: Teller;
  /** Differences between file and store that an import does not overwrite: those go through commands with a reason. */
  readonly waarschuwingen: string[];
  readonly eventsGeschreven: number;
}

type Plan = {
  readonly bestand: ProgrammaBestand;
  readonly afspraken: readonly GeplandeAfspraak[];
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

    const leesDeadline = (phrase: string, field: string) => {
      try {
        const deadline = parseDeadline(phrase);
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

    const afspraken: GeplandeAfspraak[] = [];
    const voegToe = async (
      soort: 'afspraak' | 'actie',
      waar: string,
      a: { id: string; opgave: string; titel: string; tekst: string; bronCitaat: string; trekker: string; betrokken: string[] },
      extra: { nummer: string | null; niveau: Niveau | null },
      phrases: { id: string; omschrijving: string; phrase: string; field: string }[],
    ) => {
      const programmalijnId = opgaven.get(a.opgave);
      if (!programmalijnId) problems.push({ field: `${waar}.opgave`, message: `opgave ${a.opgave} staat niet in het bestand` });
      await partijVeld(a.trekker, `${waar}.trekker`);
      for (const [j, p] of a.betrokken.entries()) await partijVeld(p, `${waar}.betrokken.${j}`);
      // The decider refuses these too, but only after earlier afspraken were written: check them up front.
      if (a.betrokken.includes(a.trekker)) problems.push({ field: `${waar}.betrokken`, message: `de trekker ${a.trekker} staat ook bij betrokken` });
      if (new Set(a.betrokken).size !== a.betrokken.length) problems.push({ field: `${waar}.betrokken`, message: 'bevat dubbele partijen' });
      const deadlines = phrases.map((d) => ({ deadlineId: d.id, omschrijving: d.omschrijving, deadline: leesDeadline(d.phrase, d.field) }));
      afspraken.push({
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
      });
    };
    for (const [i, a] of bestand.afspraken.entries()) {
      const phrases = a.deadlines.map((d, j) => ({ ...d, field: `afspraken.${i}.deadlines.${j}.phrase` }));
      await voegToe('afspraak', `afspraken.${i}`, a, { nummer: String(a.nummer), niveau: null }, phrases);
    }
    for (const [i, a] of bestand.acties.entries()) {
      const phrases = a.deadline ? [{ id: 'd1', omschrijving: a.titel, phrase: a.deadline, field: `acties.${i}.deadline` }] : [];
      await voegToe('actie', `acties.${i}`, a, { nummer: null, niveau: a.niveau as Niveau }, phrases);
    }
    if (problems.length) throw new InvoerFouten(problems);
    return { bestand, afspraken };
  }

  async importeer(yamlText: string, actor: Actor): Promise<ImportVerslag> {
    const { bestand, afspraken } = await this.controleer(yamlText);
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
      afspraken: teller(),
      acties: teller(),
      deadlines: teller(),
      waarschuwingen: [],
      eventsGeschreven: 0,
    };
    let events = 0;
    const context = { actor, correlationId: `import-${p.id}` };

    for (const partij of bestand.partijen) {
      const huidig = await this.partij(partij.id);
      if (huidig.status !== 'onbekend') {
        verslag.partijen.bestond++;
        continue;
      }
      const r = await this.executor.execute(
        partijDecider,
        streams.partij(partij.id),
        (metadata): PartijCommand => ({ type: 'LegPartijVast', data: { partijId: partij.id, naam: partij.naam, soort: partij.soort as PartijSoort, aliassen: partij.aliassen }, metadata }),
        context,
      );
      events += r.events.length;
      verslag.partijen.nieuw++;
    }

    let programma = await this.programma(p.id);
    const programmaStream = streams.programma(p.id);
    if (programma.status === 'onbekend') {
      const r = await this.executor.execute(
        programmaDecider,
        programmaStream,
        (metadata): ProgrammaCommand => ({ type: 'LegProgrammaVast', data: { programmaId: p.id, naam: p.naam, eigenaar: p.eigenaar, bron: p.bron }, metadata }),
        context,
      );
      events += r.events.length;
      programma = r.state;
      verslag.programma.nieuw++;
    } else {
      verslag.programma.bestond++;
      if (programma.naam !== p.naam) verslag.waarschuwingen.push(`programma ${p.id}: naam in het bestand wijkt af van de vastgelegde naam`);
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
    for (const datum of p.bestuurlijkOverleg) {
      if (bekend?.bestuurlijkOverleggen.includes(datum)) {
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
    return { ...verslag, afspraken: geschreven.afspraken, acties: geschreven.acties, deadlines: geschreven.deadlines, eventsGeschreven: events };
  }

  private async partij(partijId: string): Promise<Partij> {
    return (await this.executor.load<PartijEvent, Partij>({ evolve: evolvePartij, initialState: initialPartij }, streams.partij(partijId))).state;
  }

  private async programma(programmaId: string): Promise<Programma> {
    return (await this.executor.load<ProgrammaEvent, Programma>({ evolve: evolveProgramma, initialState: initialProgramma }, streams.programma(programmaId))).state;
  }
}
