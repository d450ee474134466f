import { Injectable } from '@nestjs/common';
import { afspraakDecider, streams, type Afspraak, type AfspraakCommand, type AfspraakEvent, type AfspraakSoort, type Niveau, type NieuweDeadline } from '@afspraken/domain';
import { CommandExecutor, type CommandContext } from '@afspraken/application';

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

/**
 * Writes checked afspraken through the ordinary command path, for every importer (YAML, CSV, XLSX).
 * What exists already is left alone (only missing deadlines are added), so a second import writes nothing.
 */
@Injectable()
export class AfsprakenSchrijver {
  constructor(private readonly executor: CommandExecutor) {}

  async schrijf(programmaId: string, afspraken: readonly GeplandeAfspraak[], context: CommandContext): Promise<AfsprakenVerslag> {
    const verslag = { afspraken: teller(), acties: teller(), deadlines: teller(), waarschuwingen: [] as string[] };
    let events = 0;
    for (const a of afspraken) {
      const soortTeller = a.soort === 'actie' ? verslag.acties : verslag.afspraken;
      const stream = streams.afspraak(a.id);
      const { state } = await this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, stream);
      if (state.status === 'onbekend') {
        const r = await this.executor.execute(
          afspraakDecider,
          stream,
          (metadata): AfspraakCommand => ({
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
          }),
          context,
        );
        events += r.events.length;
        soortTeller.nieuw++;
        verslag.deadlines.nieuw += a.deadlines.length;
        continue;
      }
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
