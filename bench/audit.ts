/**
 * How long an auditor's as-of query takes for one long-lived afspraak: folding 1,000 events,
 * against a baseline measured side by side in the same run (parsing the same events from JSON,
 * the least any read must do). Run: npm run bench:audit [-- <iterations>]
 *
 * Imports are relative so the compiled bench runs with plain node.
 */
import { performance } from 'node:perf_hooks';
import { evolve, initialAfspraak, type AfspraakEvent } from '../libs/domain/src/afspraak/afspraak';
import { afspraakStand } from '../libs/domain/src/audit/stand';
import type { TijdlijnEvent } from '../libs/domain/src/audit/tijdlijn';
import { parseDeadline } from '../libs/domain/src/deadlines/parse';
import { fold } from '../libs/domain/src/shared/event';

const EVENTS = 1000;
const ITERATIES = Number(process.argv[2] ?? 500);
const OPWARMEN = 50;
const DOEL_MS = 5;

/** A deterministic afspraak history: milestones, many progress reports, re-plans, deliveries; some corrections dated back. */
const genereer = (aantal: number): TijdlijnEvent<AfspraakEvent>[] => {
  const start = Date.parse('2023-01-02T09:00:00.000Z');
  const uur = 3_600_000;
  const deadlines = ['uiterlijk Q2 2023', 'uiterlijk Q4 2023', 'per 1 januari 2024', 'medio 2024', 'uiterlijk Q4 2024'].map((phrase) => parseDeadline(phrase));
  const events: TijdlijnEvent<AfspraakEvent>[] = [];
  const voeg = (event: AfspraakEvent, terug = 0) => {
    const recordedAt = new Date(start + events.length * 6 * uur).toISOString();
    events.push({ event, revision: events.length, recordedAt, effectiveAt: new Date(Date.parse(recordedAt) - terug).toISOString() });
  };
  const afspraakId = 'BENCH-1';
  voeg({
    type: 'AfspraakVastgelegd',
    data: { afspraakId, soort: 'afspraak', programmaId: 'TAZ', programmalijnId: 'TAZ-PL1', opgaveId: 'TAZ-O1', nummer: '1', niveau: null, titel: 'Bench', tekst: 'x', bronCitaat: '', trekker: 'vws', betrokken: ['ocw', 'szw'], vastgelegdOp: '' },
  });
  deadlines.forEach((deadline, i) => voeg({ type: 'DeadlineVastgelegd', data: { afspraakId, deadlineId: `d${i + 1}`, omschrijving: `mijlpaal ${i + 1}`, deadline, vastgelegdOp: '' } }));
  for (let i = 0; events.length < aantal; i++) {
    const deadlineId = `d${(i % deadlines.length) + 1}`;
    const op = new Date(start + events.length * 6 * uur).toISOString();
    switch (i % 10) {
      case 3:
        voeg({ type: 'DeadlineVerschoven', data: { afspraakId, deadlineId, van: deadlines[0], naar: deadlines[1], reden: `herplanning ${i}`, besluitorgaan: 'BO', besluitdatum: null, verschovenOp: op } }, 10 * 24 * uur);
        break;
      case 6:
        voeg({ type: 'LeveringGemeld', data: { afspraakId, partijId: 'vws', deadlineIds: [deadlineId], toelichting: 'geleverd', bewijs: [], gemeldOp: op } });
        break;
      case 7:
        voeg({ type: 'LeveringAfgewezen', data: { afspraakId, deadlineIds: [deadlineId], reden: 'onvolledig', afgewezenOp: op } });
        break;
      default:
        voeg({ type: 'VoortgangGerapporteerd', data: { afspraakId, partijId: ['vws', 'ocw', 'szw'][i % 3], percentage: i % 100, toelichting: `rapport ${i}`, bewijs: [], gerapporteerdOp: op } }, (i % 4) * 24 * uur);
    }
  }
  return events;
};

const tijdlijn = genereer(EVENTS);
const opgeslagen = JSON.stringify(tijdlijn.map((t) => ({ type: t.event.type, data: t.event.data, metadata: { recordedAt: t.recordedAt, effectiveAt: t.effectiveAt } })));
const midden = tijdlijn[Math.floor(EVENTS / 2)].recordedAt.slice(0, 10);
const einde = '2099-12-31';

const gevallen: { naam: string; run: () => unknown }[] = [
  { naam: 'basislijn: JSON.parse van dezelfde 1k events', run: () => JSON.parse(opgeslagen) },
  { naam: 'fold (huidige stand, evolve)', run: () => fold(evolve, initialAfspraak, tijdlijn.map((t) => t.event)) },
  { naam: `stand zoals vastgelegd op ${midden}`, run: () => afspraakStand(tijdlijn, { peildatum: midden, zoals: 'vastgelegd' }) },
  { naam: `stand zoals gecorrigeerd op ${midden}`, run: () => afspraakStand(tijdlijn, { peildatum: midden, zoals: 'gecorrigeerd' }) },
  { naam: 'stand zoals gecorrigeerd, alle 1k events', run: () => afspraakStand(tijdlijn, { peildatum: einde, zoals: 'gecorrigeerd' }) },
];

// Interleaved rounds: every case sees the same machine load, so the ratios stay fair.
const metingen = gevallen.map(() => [] as number[]);
let gebruikt = 0;
for (let ronde = 0; ronde < OPWARMEN + ITERATIES; ronde++) {
  gevallen.forEach((geval, i) => {
    const t0 = performance.now();
    const uitkomst = geval.run();
    const duur = performance.now() - t0;
    gebruikt += uitkomst ? 1 : 0; // keeps the work observable
    if (ronde >= OPWARMEN) metingen[i].push(duur);
  });
}

const percentiel = (waarden: number[], p: number): number => {
  const gesorteerd = [...waarden].sort((a, b) => a - b);
  return gesorteerd[Math.min(gesorteerd.length - 1, Math.ceil((p / 100) * gesorteerd.length) - 1)];
};

const basis = percentiel(metingen[0], 50);
const rijen = gevallen.map((g, i) => {
  const p50 = percentiel(metingen[i], 50);
  const p99 = percentiel(metingen[i], 99);
  return { geval: g.naam, p50, p99, ratio: p50 / basis };
});

console.log(`Audit-fold: ${EVENTS} events per afspraak, ${ITERATIES} iteraties per geval (na ${OPWARMEN} opwarmrondes), node ${process.version}\n`);
const breedte = Math.max(...rijen.map((r) => r.geval.length));
console.log(`${'geval'.padEnd(breedte)}  ${'p50 ms'.padStart(8)}  ${'p99 ms'.padStart(8)}  ${'x basislijn'.padStart(11)}`);
console.log(`${'-'.repeat(breedte)}  ${'-'.repeat(8)}  ${'-'.repeat(8)}  ${'-'.repeat(11)}`);
for (const r of rijen) console.log(`${r.geval.padEnd(breedte)}  ${r.p50.toFixed(3).padStart(8)}  ${r.p99.toFixed(3).padStart(8)}  ${r.ratio.toFixed(2).padStart(11)}`);
const traagste = Math.max(...rijen.slice(1).map((r) => r.p50));
console.log(`\nDoel: een fold van 1k events < ${DOEL_MS} ms (p50). Traagste fold p50 ${traagste.toFixed(3)} ms: ${traagste < DOEL_MS ? 'gehaald' : 'NIET gehaald'}. (${gebruikt} uitkomsten)`);
