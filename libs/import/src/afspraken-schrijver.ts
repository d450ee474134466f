import { Injectable } from '@nestjs/common';
import {
  afspraakDecider,
  controleerImport,
  DomainError,
  streams,
  type Afspraak,
  type AfspraakCommand,
  type AfspraakEvent,
  type AfspraakSoort,
  type CommandMetadata,
  type LegAfspraakVast,
  type Niveau,
  type NieuweDeadline,
} from '@afspraken/domain';
import { Clock, CommandExecutor, type CommandContext } from '@afspraken/application';

export interface Teller {
  nieuw: number;
  bestond: number;
}

export const teller = (): Teller => ({ nieuw: 0, bestond: 0 });

/** One afspraak or actie of an import, fully checked: every reference exists, every phrase is read. */
export interface GeplandeAfspraak {
  readonly soort: AfspraakSoort;
  readonly id: string;
  readonly nummer: string | null;
  readonly niveau: Niveau | null;
  readonly opgaveId: string;
  readonly programmalijnId: string;
  readonly titel: string;
  readonly tekst: string;
  readonly bronCitaat: string;
  readonly trekker: string;
  readonly betrokken: readonly string[];
  readonly deadlines: readonly NieuweDeadline[];
  /** Only an actie: its parent actie and the afspraken it serves. */
  readonly ouder?: string | null;
  readonly dientAfspraken?: readonly string[];
}

export interface AfsprakenVerslag {
  readonly afspraken: Teller;
  readonly acties: Teller;
  readonly deadlines: Teller;
  readonly waarschuwingen: string[];
  readonly eventsGeschreven: number;
}

/** A problem the decider found with one afspraak of an import; `field` is the decider's (betrokken, deadlines[0].deadline). */
export interface AfspraakFout {
  readonly afspraak: GeplandeAfspraak;
  readonly field: string;
  readonly message: string;
}

const legVast = (programmaId: string, a: GeplandeAfspraak, metadata: CommandMetadata): LegAfspraakVast => ({
  type: 'LegAfspraakVast',
  data: {
    afspraakId: a.id,
    soort: a.soort,
    programmaId,
    programmalijnId: a.programmalijnId,
    opgaveId: a.opgaveId,
    nummer: a.nummer,
    niveau: a.niveau,
    titel: a.titel,
    tekst: a.tekst,
    bronCitaat: a.bronCitaat,
    trekker: a.trekker,
    betrokken: [...a.betrokken],
    deadlines: [...a.deadlines],
    ouder: a.ouder ?? null,
    dientAfspraken: [...(a.dientAfspraken ?? [])],
  },
  metadata,
});

/** The check runs before any actor is involved; who may import where is the importer's own check. */
const CONTROLE: CommandMetadata['actor'] = { id: 'import-controle', rol: 'systeem' };

/**
 * Writes checked afspraken through the ordinary command path, for every importer (YAML, CSV, XLSX).
 * What exists already is left alone (only missing deadlines are added), so a second import writes nothing.
 */
@Injectable()
export class AfsprakenSchrijver {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
  ) {}

  /** Puts every afspraak to the decider's rules (controleerImport) against the store as it is; writes nothing. */
  async controleer(programmaId: string, afspraken: readonly GeplandeAfspraak[]): Promise<AfspraakFout[]> {
    const metadata = { now: this.clock.now().toISOString(), actor: CONTROLE };
    const fouten: AfspraakFout[] = [];
    for (const a of afspraken) {
      const { state } = await this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, streams.afspraak(a.id));
      try {
        controleerImport(legVast(programmaId, a, metadata), state);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        fouten.push({ afspraak: a, field: 'field' in error && typeof error.field === 'string' ? error.field : 'afspraakId', message: error.message });
      }
    }
    return fouten;
  }

  async schrijf(programmaId: string, afspraken: readonly GeplandeAfspraak[], context: CommandContext): Promise<AfsprakenVerslag> {
    const verslag = { afspraken: teller(), acties: teller(), deadlines: teller(), waarschuwingen: [] as string[] };
    let events = 0;
    for (const a of afspraken) {
      const soortTeller = a.soort === 'actie' ? verslag.acties : verslag.afspraken;
      const stream = streams.afspraak(a.id);
      const { state } = await this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, stream);
      if (state.status === 'onbekend') {
        const r = await this.executor.execute(afspraakDecider, stream, (metadata): AfspraakCommand => legVast(programmaId, a, metadata), context);
        events += r.events.length;
        soortTeller.nieuw++;
        verslag.deadlines.nieuw += a.deadlines.length;
        continue;
      }
      // Checked before the first write too; here it guards an afspraak that another programme registered since.
      controleerImport(legVast(programmaId, a, { now: this.clock.now().toISOString(), actor: context.actor }), state);
      soortTeller.bestond++;
      if (state.trekker !== a.trekker) verslag.waarschuwingen.push(`${a.id}: trekker is ${state.trekker}, het bestand noemt ${a.trekker}`);
      for (const d of a.deadlines) {
        const mijlpaal = state.mijlpalen.find((m) => m.deadlineId === d.deadlineId);
        if (mijlpaal) {
          verslag.deadlines.bestond++;
          if (mijlpaal.baseline.phrase !== d.deadline.phrase) {
            verslag.waarschuwingen.push(`${a.id} ${d.deadlineId}: vastgelegd als "${mijlpaal.baseline.phrase}", het bestand noemt "${d.deadline.phrase}" (verschuiven gaat met reden via de API)`);
          }
          continue;
        }
        if (state.status !== 'lopend') {
          verslag.waarschuwingen.push(`${a.id}: deadline ${d.deadlineId} niet toegevoegd, de afspraak is ${state.status}`);
          continue;
        }
        const r = await this.executor.execute(afspraakDecider, stream, (metadata): AfspraakCommand => ({ type: 'LegDeadlineVast', data: d, metadata }), context);
        events += r.events.length;
        verslag.deadlines.nieuw++;
      }
    }
    return { ...verslag, eventsGeschreven: events };
  }
}
