import { Injectable } from '@nestjs/common';
import {
  AFSPRAAK_VASTGELEGD,
  NotFoundError,
  afspraakStand,
  decodeAfspraakEvent,
  decodeProgrammaEvent,
  parseStreamName,
  programmaStand,
  streams,
  type AfspraakEvent,
  type AfspraakStand,
  type Peiling,
  type ProgrammaStand,
  type TijdlijnEvent,
} from '@afspraken/domain';
import { AuditLezer, tijdlijnEvent } from '../shared/audit-lezer';
import { programmaOverzicht, type ProgrammaOverzicht } from './programma-overzicht';

/**
 * The state of one afspraak or a whole programme on a peildatum, as recorded then or as now known
 * (see libs/domain/src/audit). Reads the store; the computation itself is a pure fold.
 */
@Injectable()
export class AuditStandService {
  constructor(private readonly lezer: AuditLezer) {}

  async afspraak(afspraakId: string, peiling: Peiling): Promise<AfspraakStand> {
    const recorded = await this.lezer.store.readStream(streams.afspraak(afspraakId));
    if (recorded.length === 0) throw new NotFoundError('AFSPRAAK_ONBEKEND', `Afspraak ${afspraakId} bestaat niet`);
    return afspraakStand(recorded.map((r) => tijdlijnEvent(r, decodeAfspraakEvent)), peiling);
  }

  async programma(programmaId: string, peiling: Peiling): Promise<ProgrammaStand> {
    const recorded = await this.lezer.store.readStream(streams.programma(programmaId));
    if (recorded.length === 0) throw new NotFoundError('PROGRAMMA_ONBEKEND', `Programma ${programmaId} bestaat niet`);
    const programma = recorded.map((r) => tijdlijnEvent(r, decodeProgrammaEvent));
    return programmaStand({ programmaId, programma, afspraken: await this.afsprakenVan(programmaId) }, peiling);
  }

  /** The overview (counts, one line per afspraak) that `GET /programmas/:id/overzicht?peildatum=&zoals=` serves. */
  async overzicht(programmaId: string, peiling: Peiling): Promise<ProgrammaOverzicht> {
    return programmaOverzicht(await this.programma(programmaId, peiling));
  }

  /** Every afspraak stream of the programme; a stream's first event says which programme it is in. */
  private async afsprakenVan(programmaId: string): Promise<TijdlijnEvent<AfspraakEvent>[][]> {
    const vanProgramma = new Map<string, TijdlijnEvent<AfspraakEvent>[]>();
    const andere = new Set<string>();
    for await (const event of this.lezer.alleEvents()) {
      if (andere.has(event.streamId) || parseStreamName(event.streamId)?.categorie !== 'afspraak') continue;
      // An afspraak stream holds afspraak events only: its decoder fails on anything else.
      const t = tijdlijnEvent(event, decodeAfspraakEvent);
      let tijdlijn = vanProgramma.get(event.streamId);
      if (!tijdlijn) {
        const hoortErbij = event.revision === 0 && t.event.type === AFSPRAAK_VASTGELEGD && t.event.data.programmaId === programmaId;
        if (!hoortErbij) {
          andere.add(event.streamId);
          continue;
        }
        tijdlijn = [];
        vanProgramma.set(event.streamId, tijdlijn);
      }
      tijdlijn.push(t);
    }
    return [...vanProgramma.values()];
  }
}
