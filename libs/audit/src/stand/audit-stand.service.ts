import { Injectable } from '@nestjs/common';
import {
  NotFoundError,
  afspraakStand,
  decodeAfspraakEvent,
  decodeProgrammaEvent,
  evolve,
  fold,
  initialAfspraak,
  programmaStand,
  streams,
  vereisLeesrechtAfspraak,
  vereisLeesrechtProgramma,
  type Actor,
  type AfspraakEvent,
  type AfspraakStand,
  type Peiling,
  type ProgrammaStand,
  type TijdlijnEvent,
} from '@afspraken/domain';
import { Leesrecht } from '@afspraken/platform';
import { AuditLezer, tijdlijnEvent } from '../shared/audit-lezer';
import { programmaOverzicht, type ProgrammaOverzicht } from './programma-overzicht';

/**
 * The state of one afspraak or a whole programme on a peildatum, as recorded then or as now known
 * (see libs/domain/src/audit). Reads only the streams it needs; the computation itself is a pure fold.
 * With a `lezer` (every HTTP call), the read rule applies: one afspraak only when the lezer may read it
 * now; a programme with programme-wide counts, and lines only of the afspraken the lezer may read.
 * The CLI, run by whoever runs the server, passes none.
 */
@Injectable()
export class AuditStandService {
  constructor(
    private readonly lezer: AuditLezer,
    private readonly leesrecht: Leesrecht,
  ) {}

  async afspraak(afspraakId: string, peiling: Peiling, lezer?: Actor): Promise<AfspraakStand> {
    const recorded = await this.lezer.store.readStream(streams.afspraak(afspraakId));
    if (recorded.length === 0) throw new NotFoundError('AFSPRAAK_ONBEKEND', `Afspraak ${afspraakId} bestaat niet`);
    const tijdlijn = recorded.map((r) => tijdlijnEvent(r, decodeAfspraakEvent));
    if (lezer) {
      const nu = fold(evolve, initialAfspraak, tijdlijn.map((t) => t.event));
      if (nu.status === 'onbekend') throw new NotFoundError('AFSPRAAK_ONBEKEND', `Afspraak ${afspraakId} bestaat niet`);
      vereisLeesrechtAfspraak(lezer, nu);
    }
    return afspraakStand(tijdlijn, peiling);
  }

  async programma(programmaId: string, peiling: Peiling, lezer?: Actor): Promise<ProgrammaStand> {
    if (lezer) vereisLeesrechtProgramma(lezer, programmaId);
    const recorded = await this.lezer.store.readStream(streams.programma(programmaId));
    if (recorded.length === 0) throw new NotFoundError('PROGRAMMA_ONBEKEND', `Programma ${programmaId} bestaat niet`);
    const programma = recorded.map((r) => tijdlijnEvent(r, decodeProgrammaEvent));
    return programmaStand({ programmaId, programma, afspraken: await this.afsprakenVan(programmaId) }, peiling);
  }

  /** The overview (counts, one line per afspraak) that `GET /programmas/:id/overzicht?peildatum=&zoals=` serves. */
  async overzicht(programmaId: string, peiling: Peiling, lezer?: Actor): Promise<ProgrammaOverzicht> {
    const stand = await this.programma(programmaId, peiling, lezer);
    return programmaOverzicht(stand, lezer ? (a) => this.leesrecht.magLezen(lezer, a) : undefined);
  }

  /** The timelines of the programme's afspraken, one stream at a time. */
  private async afsprakenVan(programmaId: string): Promise<TijdlijnEvent<AfspraakEvent>[][]> {
    const tijdlijnen: TijdlijnEvent<AfspraakEvent>[][] = [];
    for (const afspraakId of await this.lezer.afspraakIdsVan(programmaId)) {
      tijdlijnen.push((await this.lezer.store.readStream(streams.afspraak(afspraakId))).map((r) => tijdlijnEvent(r, decodeAfspraakEvent)));
    }
    return tijdlijnen;
  }
}
