import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import {
  afspraakDecider,
  partijDecider,
  programmaDecider,
  NIVEAUS,
  NotFoundError,
  deadlineOptiesVan,
  parseDeadline,
  streams,
  ValidationError,
  type Actor,
  type AfspraakSoort,
  type Niveau,
  type NieuweDeadline,
  type Partij,
  type PartijEvent,
  type Programma,
  type ProgrammaEvent,
} from '@afspraken/domain';
import { CommandExecutor, InvoerFouten, type FieldProblem } from '@afspraken/application';
import { id, optioneleTekst, regel, tekst } from '@afspraken/platform/validation';
import { AfsprakenSchrijver, type GeplandeAfspraak, type Teller } from './afspraken-schrijver';
import { leesTabel, type Tabel, type TabelFormaat } from './afspraken-tabel';

/** The columns of an afspraken sheet; names are matched without regard to case. */
export const KOLOMMEN = {
  afspraakId: { verplicht: true },
  opgaveId: { verplicht: true },
  titel: { verplicht: true },
  tekst: { verplicht: true },
  trekker: { verplicht: true },
  betrokken: { verplicht: false },
  deadline: { verplicht: false },
  bronCitaat: { verplicht: false },
  soort: { verplicht: false },
  niveau: { verplicht: false },
  nummer: { verplicht: false },
} as const;
type Kolom = keyof typeof KOLOMMEN;

/** Separates several parties or deadline phrases within one cell. */
export const LIJST_SCHEIDER = ';';
/** Extra deadline columns may follow: deadline2, deadline3, … */
const EXTRA_DEADLINE = /^deadline\s*(\d+)$/i;
const MAX_DEADLINES = 20;

/** A problem in one cell (or in the header: row 1), as shown to whoever fixes the sheet. */
export interface RijFout extends FieldProblem {
  readonly rij: number;
  readonly kolom: string;
}

export interface AfsprakenImportVerslag {
  readonly programmaId: string;
  readonly rijen: number;
  readonly afspraken: Teller;
  readonly acties: Teller;
  readonly deadlines: Teller;
  readonly waarschuwingen: string[];
  readonly eventsGeschreven: number;
}

export interface AfsprakenPlan {
  readonly programmaId: string;
  readonly afspraken: readonly GeplandeAfspraak[];
  /** Phrases that name no date: accepted, but worth a second look. */
  readonly vageDeadlines: readonly string[];
}

const fout = (rij: number, kolom: string, message: string): RijFout => ({ field: `rij ${rij}, ${kolom}`, message, rij, kolom });

const lijst = (cel: string): string[] =>
  cel
    .split(LIJST_SCHEIDER)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Imports afspraken (and werkagenda acties) of one programme from a CSV or XLSX sheet. Every row is
 * checked first and every bad cell reported; only a sheet without problems is written, through the
 * same writer as the YAML import, so importing the same sheet twice writes nothing.
 */
@Injectable()
export class AfsprakenImporter {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly schrijver: AfsprakenSchrijver,
  ) {}

  async controleer(bestand: Buffer, formaat: TabelFormaat, programmaId: string): Promise<AfsprakenPlan> {
    const programma = await this.programma(programmaId);
    const tabel = await leesTabel(bestand, formaat);
    const { kolommen, deadlineKolommen, problemen: kopProblemen } = leesKop(tabel);
    if (kopProblemen.length) throw new InvoerFouten(kopProblemen);

    const problemen: RijFout[] = [];
    const afspraken: GeplandeAfspraak[] = [];
    const vageDeadlines: string[] = [];
    const eersteRij = new Map<string, number>();
    const partijBekend = new Map<string, Promise<boolean>>();
    const bestaatPartij = (partijId: string) => {
      if (!partijBekend.has(partijId)) partijBekend.set(partijId, this.partij(partijId).then((p) => p.status !== 'onbekend'));
      return partijBekend.get(partijId)!;
    };

    for (const { rij, waarden } of tabel.rijen) {
      const voorRij: RijFout[] = [];
      const cel = (kolom: Kolom) => (kolommen[kolom] === undefined ? '' : (waarden[kolommen[kolom]] ?? '').trim());
      const veld = <T>(kolom: Kolom, schema: z.ZodType<T>, waarde: unknown = cel(kolom)): T | undefined => {
        const r = schema.safeParse(waarde);
        if (r.success) return r.data;
        voorRij.push(fout(rij, kolom, r.error.issues[0]?.message ?? 'is ongeldig'));
        return undefined;
      };
      if (waarden.length > tabel.kop.length && waarden.slice(tabel.kop.length).some((w) => w.trim())) {
        voorRij.push(fout(rij, `kolom ${tabel.kop.length + 1}`, `de rij heeft ${waarden.length} kolommen, de kopregel ${tabel.kop.length}`));
      }

      const afspraakId = veld('afspraakId', id);
      if (afspraakId !== undefined) {
        const eerder = eersteRij.get(afspraakId);
        if (eerder !== undefined) voorRij.push(fout(rij, 'afspraakId', `${afspraakId} staat ook in rij ${eerder}`));
        else eersteRij.set(afspraakId, rij);
      }

      const soortTekst = cel('soort').toLowerCase() || 'afspraak';
      const soort: AfspraakSoort | undefined = soortTekst === 'afspraak' || soortTekst === 'actie' ? soortTekst : undefined;
      if (!soort) voorRij.push(fout(rij, 'soort', `moet afspraak of actie zijn, niet "${cel('soort')}"`));
      let niveau: Niveau | null = null;
      if (cel('niveau')) {
        if (!NIVEAUS.includes(cel('niveau') as Niveau)) voorRij.push(fout(rij, 'niveau', `moet een van ${NIVEAUS.join(', ')} zijn`));
        else niveau = cel('niveau') as Niveau;
      }
      const nummer = cel('nummer') || null;
      if (nummer !== null && !/^[1-9]\d{0,2}$/.test(nummer)) voorRij.push(fout(rij, 'nummer', 'moet een getal van 1 tot 999 zijn'));

      const opgaveId = veld('opgaveId', id);
      const opgave = opgaveId === undefined ? undefined : programma.opgaven.find((o) => o.opgaveId === opgaveId);
      if (opgaveId !== undefined && !opgave) voorRij.push(fout(rij, 'opgaveId', `opgave ${opgaveId} hoort niet bij programma ${programmaId}`));

      const titel = veld('titel', regel(300));
      const omschrijving = veld('tekst', tekst(20_000));
      const bronCitaat = veld('bronCitaat', optioneleTekst(20_000));

      const trekker = veld('trekker', id);
      if (trekker !== undefined && !(await bestaatPartij(trekker))) voorRij.push(fout(rij, 'trekker', `partij ${trekker} bestaat niet`));
      const betrokken = lijst(cel('betrokken'));
      for (const partij of new Set(betrokken)) {
        if (veld('betrokken', id, partij) === undefined) continue;
        if (!(await bestaatPartij(partij))) voorRij.push(fout(rij, 'betrokken', `partij ${partij} bestaat niet`));
      }

      const deadlines: NieuweDeadline[] = [];
      const phrases = deadlineKolommen.flatMap(({ naam, index }) => lijst((waarden[index] ?? '').trim()).map((phrase) => ({ naam, phrase })));
      if (phrases.length > MAX_DEADLINES) voorRij.push(fout(rij, 'deadline', `${phrases.length} deadlines, hoogstens ${MAX_DEADLINES}`));
      for (const { naam, phrase } of phrases.slice(0, MAX_DEADLINES)) {
        try {
          const deadline = parseDeadline(phrase, deadlineOptiesVan(programma.documentdatum?.datum));
          if (deadline.kind === 'terugkerend' && deadline.end === null) {
            voorRij.push(fout(rij, naam, `"${phrase}": een herhaling zonder einde; noem tot wanneer (bijv. "eens per kwartaal tot eind 2025")`));
            continue;
          }
          if (deadline.kind === 'vaag') vageDeadlines.push(`rij ${rij} ${cel('afspraakId')}: "${deadline.phrase}" noemt geen datum (vaag, geen vervaldag)`);
          // Each milestone describes the afspraak; its position names it, as in the YAML import (d1, d2, …).
          deadlines.push({ deadlineId: `d${deadlines.length + 1}`, omschrijving: titel ?? '', deadline });
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          voorRij.push(fout(rij, naam, `"${phrase}": ${error.message}`));
        }
      }

      problemen.push(...voorRij);
      if (voorRij.length || !afspraakId || !soort || !opgave || !titel || !omschrijving || !trekker) continue;
      afspraken.push({
        soort,
        id: afspraakId,
        nummer,
        niveau,
        opgaveId: opgave.opgaveId,
        programmalijnId: opgave.programmalijnId,
        titel,
        tekst: omschrijving,
        bronCitaat: bronCitaat ?? '',
        trekker,
        betrokken,
        deadlines,
      });
    }
    // The afspraak's own rules (trekker not betrokken, no doubles, niveau only on an actie) and whether
    // it already belongs to another programme: the decider's, asked for every row that passed the sheet's checks.
    for (const f of await this.schrijver.controleer(programmaId, afspraken)) {
      const kolom = f.field.split(/[.[]/)[0];
      problemen.push(fout(eersteRij.get(f.afspraak.id)!, kolom === 'deadlines' ? 'deadline' : kolom, f.message));
    }
    problemen.sort((a, b) => a.rij - b.rij);
    if (!tabel.rijen.length) problemen.push(fout(2, 'bestand', 'het bestand bevat geen rijen onder de kopregel'));
    if (problemen.length) throw new InvoerFouten(problemen);
    return { programmaId, afspraken, vageDeadlines };
  }

  async importeer(bestand: Buffer, formaat: TabelFormaat, programmaId: string, actor: Actor): Promise<AfsprakenImportVerslag> {
    const plan = await this.controleer(bestand, formaat, programmaId);
    const geschreven = await this.schrijver.schrijf(programmaId, plan.afspraken, { actor, correlationId: `import-${programmaId}-afspraken` });
    return {
      programmaId,
      rijen: plan.afspraken.length,
      afspraken: geschreven.afspraken,
      acties: geschreven.acties,
      deadlines: geschreven.deadlines,
      waarschuwingen: [...plan.vageDeadlines, ...geschreven.waarschuwingen],
      eventsGeschreven: geschreven.eventsGeschreven,
    };
  }

  private async programma(programmaId: string): Promise<Exclude<Programma, { status: 'onbekend' }>> {
    const { state } = await this.executor.load<ProgrammaEvent, Programma>(programmaDecider, streams.programma(programmaId));
    if (state.status === 'onbekend') throw new NotFoundError('PROGRAMMA_ONBEKEND', `Programma ${programmaId} bestaat niet`);
    return state;
  }

  private async partij(partijId: string): Promise<Partij> {
    return (await this.executor.load<PartijEvent, Partij>(partijDecider, streams.partij(partijId))).state;
  }
}

/** Maps header names to column positions; unknown, doubled or missing columns are problems of row 1. */
const leesKop = (tabel: Tabel) => {
  const kolommen: Partial<Record<Kolom, number>> = {};
  const deadlineKolommen: { naam: string; index: number }[] = [];
  const problemen: RijFout[] = [];
  const bekend = new Map(Object.keys(KOLOMMEN).map((k) => [k.toLowerCase(), k as Kolom]));
  tabel.kop.forEach((naam, index) => {
    if (!naam) {
      // Spreadsheets often carry empty, formatted columns; only a nameless column with values is a problem.
      if (tabel.rijen.some((r) => (r.waarden[index] ?? '').trim())) problemen.push(fout(1, `kolom ${index + 1}`, 'de kopregel heeft hier geen naam'));
      return;
    }
    const kolom = bekend.get(naam.toLowerCase());
    if (kolom === 'deadline' || EXTRA_DEADLINE.test(naam)) deadlineKolommen.push({ naam, index });
    if (EXTRA_DEADLINE.test(naam)) return;
    if (!kolom) problemen.push(fout(1, naam, `onbekende kolom; bekend zijn ${Object.keys(KOLOMMEN).join(', ')} (en deadline2, deadline3, …)`));
    else if (kolommen[kolom] !== undefined) problemen.push(fout(1, naam, 'deze kolom staat er twee keer in'));
    else kolommen[kolom] = index;
  });
  for (const [kolom, { verplicht }] of Object.entries(KOLOMMEN)) {
    if (verplicht && kolommen[kolom as Kolom] === undefined) problemen.push(fout(1, kolom, 'verplichte kolom ontbreekt'));
  }
  return { kolommen, deadlineKolommen, problemen };
};
