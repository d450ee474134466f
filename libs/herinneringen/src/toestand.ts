import {
  decodeAfspraakEvent,
  decodeEvent,
  decodePartijEvent,
  decodeProgrammaEvent,
  evolve,
  evolvePartij,
  evolveProgramma,
  fold,
  initialAfspraak,
  initialPartij,
  initialProgramma,
  isAfspraakEvent,
  isProgrammaEvent,
  parseStreamName,
  standaardContext,
  streams,
  teLadenLeden,
  STANDAARD_BELEID,
  type Afspraak,
  type Partij,
  type Programma,
  type ProgrammaContext,
} from '@afspraken/domain';
import type { EventStore, RecordedEvent } from '@afspraken/event-store';

export const contextVan = (programmaId: string, programma: Programma): ProgrammaContext =>
  programma.status === 'onbekend'
    ? standaardContext(programmaId)
    : {
        programmaId,
        beleid: programma.herinneringsbeleid ?? STANDAARD_BELEID,
        bestuurlijkOverleggen: programma.bestuurlijkOverleggen,
        eigenaar: programma.eigenaar,
      };

export const laadAfspraak = async (store: EventStore, afspraakId: string): Promise<Afspraak> =>
  fold(evolve, initialAfspraak, (await store.readStream(streams.afspraak(afspraakId))).map(decodeAfspraakEvent));

export const laadProgramma = async (store: EventStore, programmaId: string): Promise<Programma> =>
  fold(evolveProgramma, initialProgramma, (await store.readStream(streams.programma(programmaId))).map(decodeProgrammaEvent));

export const laadContext = async (store: EventStore, programmaId: string): Promise<ProgrammaContext> =>
  contextVan(programmaId, await laadProgramma(store, programmaId));

export const laadPartij = async (store: EventStore, partijId: string): Promise<Partij> =>
  fold(evolvePartij, initialPartij, (await store.readStream(streams.partij(partijId))).map(decodePartijEvent));

/** The named parties and, for each collectief among them, its members (nested ones too): what `ontvangendePartijen` needs. */
export const laadPartijenMetLeden = async (store: EventStore, partijIds: Iterable<string>): Promise<Map<string, Partij>> => {
  const partijen = new Map<string, Partij>();
  const teLaden = [...partijIds];
  for (let partijId = teLaden.shift(); partijId !== undefined; partijId = teLaden.shift()) {
    if (partijen.has(partijId)) continue;
    const partij = await laadPartij(store, partijId);
    partijen.set(partijId, partij);
    teLaden.push(...teLadenLeden(partij));
  }
  return partijen;
};

/**
 * Every afspraak and programme as the log tells it, in memory: what the reactor decides on. Kept
 * by folding the global stream; it holds no side effects, so it can be rebuilt from position 0.
 */
export class Werkvoorraad {
  readonly afspraken = new Map<string, Afspraak>();
  readonly programmas = new Map<string, Programma>();

  context(programmaId: string): ProgrammaContext {
    return contextVan(programmaId, this.programmas.get(programmaId) ?? initialProgramma);
  }

  afsprakenVan(programmaId: string): Afspraak[] {
    return [...this.afspraken.values()].filter((a) => a.status !== 'onbekend' && a.programmaId === programmaId);
  }

  /** Applies one recorded event; returns what changed so the reactor can compare before and after. */
  pasToe(event: RecordedEvent): { soort: 'afspraak'; voor: Afspraak; na: Afspraak } | { soort: 'programma'; programmaId: string; voor: Programma; na: Programma } | null {
    const stream = parseStreamName(event.streamId);
    if (stream?.categorie !== 'afspraak' && stream?.categorie !== 'programma') return null;
    // A reader of the global stream: a type this release does not know is skipped (null).
    const decoded = decodeEvent(event);
    if (stream.categorie === 'afspraak' && decoded && isAfspraakEvent(decoded)) {
      const voor = this.afspraken.get(stream.id) ?? initialAfspraak;
      const na = evolve(voor, decoded);
      this.afspraken.set(stream.id, na);
      return { soort: 'afspraak', voor, na };
    }
    if (stream.categorie === 'programma' && decoded && isProgrammaEvent(decoded)) {
      const voor = this.programmas.get(stream.id) ?? initialProgramma;
      const na = evolveProgramma(voor, decoded);
      this.programmas.set(stream.id, na);
      return { soort: 'programma', programmaId: stream.id, voor, na };
    }
    return null;
  }

  /** Reads the whole log (a rebuild, `herinneringen herplan`, the iCal feed). */
  static async lees(store: EventStore, totEnMet = Number.POSITIVE_INFINITY): Promise<{ voorraad: Werkvoorraad; positie: number }> {
    const voorraad = new Werkvoorraad();
    let positie = -1;
    for (;;) {
      const page = await store.readAll({ after: positie, maxCount: 1000 });
      for (const event of page) {
        if (event.position > totEnMet) return { voorraad, positie };
        voorraad.pasToe(event);
        positie = event.position;
      }
      if (page.length < 1000) return { voorraad, positie };
    }
  }
}
