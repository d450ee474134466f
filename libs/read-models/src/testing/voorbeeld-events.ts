import { randomUUID } from 'node:crypto';
import { parseDeadline, streams, type AfspraakEvent, type Deadline, type PartijEvent, type ProgrammaEvent } from '@afspraken/domain';
import type { EventStore, EventToAppend } from '@afspraken/event-store';

const DEADLINES: Deadline[] = ['uiterlijk Q2 2023', 'uiterlijk Q4 2023', 'per 1 januari 2024', 'medio 2024', 'de komende jaren'].map((phrase) => parseDeadline(phrase));
const LATER = parseDeadline('uiterlijk Q2 2025');
const PARTIJEN = ['vws', 'ocw', 'szw'];

export interface Stroom {
  readonly streamId: string;
  readonly events: readonly { type: string; data: object }[];
}

const dag = (n: number): string => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString();

/** Afspraak number `i` of the sample data: `perAfspraak` events in its own stream. */
export const afspraakStroom = (i: number, perAfspraak = 8): Stroom => {
  const afspraakId = `A-${String(i).padStart(7, '0')}`;
  const lijn = i % 2 === 0 ? 1 : 2;
  const d1 = DEADLINES[i % DEADLINES.length];
  const events: AfspraakEvent[] = [
    {
      type: 'AfspraakVastgelegd',
      data: {
        afspraakId, soort: i % 3 === 0 ? 'actie' : 'afspraak', programmaId: 'P', programmalijnId: `P-L${lijn}`, opgaveId: `P-O${lijn}`, nummer: String(i),
        niveau: null, titel: `Afspraak ${i}`, tekst: 'tekst', bronCitaat: '', trekker: PARTIJEN[i % 3], betrokken: [PARTIJEN[(i + 1) % 3]], vastgelegdOp: dag(1),
      },
    },
    { type: 'DeadlineVastgelegd', data: { afspraakId, deadlineId: 'd1', omschrijving: 'eerste', deadline: d1, vastgelegdOp: dag(1) } },
  ];
  for (let n = 0; events.length < perAfspraak - (i % 4 === 0 ? 3 : 0); n++) {
    if (n === 1 && i % 5 === 0) {
      events.push({ type: 'DeadlineVerschoven', data: { afspraakId, deadlineId: 'd1', van: d1, naar: LATER, reden: 'later', besluitorgaan: 'BO', besluitdatum: null, verschovenOp: dag(2 + n) } });
    } else {
      events.push({ type: 'VoortgangGerapporteerd', data: { afspraakId, partijId: PARTIJEN[(i + n) % 2 === 0 ? i % 3 : (i + 1) % 3], percentage: Math.min(100, n * 10), toelichting: `stap ${n}`, bewijs: [], gerapporteerdOp: dag(2 + n) } });
    }
  }
  if (i % 4 === 0) {
    events.push(
      { type: 'LeveringGemeld', data: { afspraakId, partijId: PARTIJEN[i % 3], deadlineIds: ['d1'], toelichting: 'klaar', bewijs: [], gemeldOp: dag(100) } },
      { type: 'LeveringGeaccepteerd', data: { afspraakId, deadlineIds: ['d1'], toelichting: '', geaccepteerdOp: dag(101) } },
      { type: 'AfspraakAfgerond', data: { afspraakId, afgerondOp: dag(101) } },
    );
  }
  return { streamId: streams.afspraak(afspraakId), events: events.slice(0, Math.max(perAfspraak, 2)) };
};

/** A programme, three parties and `aantal` afspraken of `perAfspraak` events each: deterministic data. */
export const voorbeeldStromen = (aantal: number, perAfspraak = 8): Stroom[] => {
  const programma: ProgrammaEvent[] = [
    { type: 'ProgrammaVastgelegd', data: { programmaId: 'P', naam: 'Proef', eigenaar: 'vws', bron: '', vastgelegdOp: dag(0) } },
    { type: 'ProgrammalijnVastgelegd', data: { programmaId: 'P', programmalijnId: 'P-L1', nummer: 1, naam: 'Lijn 1', vastgelegdOp: dag(0) } },
    { type: 'ProgrammalijnVastgelegd', data: { programmaId: 'P', programmalijnId: 'P-L2', nummer: 2, naam: 'Lijn 2', vastgelegdOp: dag(0) } },
    { type: 'OpgaveVastgelegd', data: { programmaId: 'P', programmalijnId: 'P-L1', opgaveId: 'P-O1', nummer: 1, naam: 'Opgave 1', vastgelegdOp: dag(0) } },
    { type: 'OpgaveVastgelegd', data: { programmaId: 'P', programmalijnId: 'P-L2', opgaveId: 'P-O2', nummer: 2, naam: 'Opgave 2', vastgelegdOp: dag(0) } },
  ];
  const partijen: Stroom[] = PARTIJEN.map((partijId) => ({
    streamId: streams.partij(partijId),
    events: [{ type: 'PartijVastgelegd', data: { partijId, naam: partijId.toUpperCase(), soort: 'ministerie', aliassen: [], vastgelegdOp: dag(0) } } satisfies PartijEvent],
  }));
  const afspraken: Stroom[] = [];
  for (let i = 0; i < aantal; i++) afspraken.push(afspraakStroom(i, perAfspraak));
  return [{ streamId: streams.programma('P'), events: programma }, ...partijen, ...afspraken];
};

export const alsTeSchrijven = (events: Stroom['events'], recordedAt = dag(1)): EventToAppend[] =>
  events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { recordedAt, effectiveAt: recordedAt } }));

/**
 * Appends the streams through the port, as the command path would. `positie` is the last one
 * written: wait for that, not for headPosition(), which lags while any transaction is open.
 */
export const schrijf = async (store: EventStore, stromen: readonly Stroom[]): Promise<{ aantal: number; positie: number }> => {
  let aantal = 0;
  let positie = -1;
  for (const s of stromen) {
    positie = (await store.appendToStream(s.streamId, alsTeSchrijven(s.events), { expectedRevision: 'any' })).position;
    aantal += s.events.length;
  }
  return { aantal, positie };
};
