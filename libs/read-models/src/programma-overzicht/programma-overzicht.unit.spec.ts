import { parseDeadline, type AfspraakEvent, type BestaandeAfspraak, type ProgrammaEvent } from '@afspraken/domain';
import { evolve as evolveAfspraak } from '../afspraak-status/projectie';
import { afspraakStatusWeergave } from '../afspraak-status/weergave';
import { evolve as evolveProgramma, type ProgrammaDocument } from '../programma-structuur/projectie';
import { bouwOverzicht, stoplichtVanGroep } from './query';

const programma = (
  [
  { type: 'ProgrammaVastgelegd', data: { programmaId: 'P', naam: 'Proef', eigenaar: 'vws', bron: '', vastgelegdOp: '2023-01-01T00:00:00Z' } },
  { type: 'ProgrammalijnVastgelegd', data: { programmaId: 'P', programmalijnId: 'L1', nummer: 1, naam: 'Lijn 1', vastgelegdOp: '2023-01-01T00:00:00Z' } },
  { type: 'ProgrammalijnVastgelegd', data: { programmaId: 'P', programmalijnId: 'L2', nummer: 2, naam: 'Lijn 2', vastgelegdOp: '2023-01-01T00:00:00Z' } },
  { type: 'OpgaveVastgelegd', data: { programmaId: 'P', programmalijnId: 'L1', opgaveId: 'O1', nummer: 1, naam: 'Opgave 1', vastgelegdOp: '2023-01-01T00:00:00Z' } },
  ] satisfies ProgrammaEvent[]
).reduce<ProgrammaDocument | null>(evolveProgramma, null) as ProgrammaDocument;

const afspraak = (afspraakId: string, lijn: string, phrase: string): BestaandeAfspraak =>
  ([
    { type: 'AfspraakVastgelegd', data: { afspraakId, soort: 'afspraak', programmaId: 'P', programmalijnId: lijn, opgaveId: lijn === 'L1' ? 'O1' : null, nummer: null, niveau: null, titel: afspraakId, tekst: '', bronCitaat: '', trekker: 'vws', betrokken: [], vastgelegdOp: '2023-01-01T00:00:00Z' } },
    { type: 'DeadlineVastgelegd', data: { afspraakId, deadlineId: 'd1', omschrijving: 'm', deadline: parseDeadline(phrase), vastgelegdOp: '2023-01-01T00:00:00Z' } },
  ] satisfies AfspraakEvent[]).reduce<BestaandeAfspraak | null>(evolveAfspraak, null) as BestaandeAfspraak;

const opties = { peilmoment: '2023-08-01T00:00:00Z', binnenkortDagen: 30 };
const afspraken = [afspraak('A1', 'L1', 'uiterlijk Q2 2023'), afspraak('A2', 'L1', 'uiterlijk Q4 2023'), afspraak('A3', 'L2', 'uiterlijk Q3 2023'), afspraak('A4', 'L2', 'uiterlijk Q1 2024')].map((a) =>
  afspraakStatusWeergave(a, opties),
);

describe('Programma-overzicht', () => {
  const overzicht = bouwOverzicht('P', programma, afspraken, opties);

  it('telt per status en geeft een stoplicht per programma, programmalijn en opgave', () => {
    expect(overzicht.totaal).toMatchObject({ aantal: 4, stoplicht: 'rood', perStatus: { verlopen: 1, 'op schema': 3, binnenkort: 0 } });
    expect(overzicht.programmalijnen.map((l) => [l.programmalijnId, l.naam, l.telling.stoplicht, l.telling.aantal])).toEqual([
      ['L1', 'Lijn 1', 'rood', 2],
      ['L2', 'Lijn 2', 'groen', 2],
    ]);
    expect(overzicht.programmalijnen[0].opgaven).toEqual([expect.objectContaining({ opgaveId: 'O1', naam: 'Opgave 1', telling: expect.objectContaining({ aantal: 2 }) })]);
  });

  it('zet komende deadlines per kwartaal vanaf het huidige, en verlopen apart met dagen te laat', () => {
    expect(overzicht.deadlinesPerKwartaal.map((k) => [k.kwartaal, k.mijlpalen.map((m) => m.afspraakId)])).toEqual([
      ['2023-Q3', ['A3']],
      ['2023-Q4', ['A2']],
      ['2024-Q1', ['A4']],
    ]);
    expect(overzicht.verlopen).toEqual([expect.objectContaining({ afspraakId: 'A1', due: '2023-06-30', dagenTeLaat: 32 })]);
  });

  it('telt afspraken zonder termijn en die op hun anker wachten apart, en zet ze in een lijst om een datum te geven', () => {
    const metVage = [...afspraken, ...[afspraak('A5', 'L2', 'de komende jaren'), afspraak('A6', 'L2', 'binnen drie maanden na vaststelling')].map((a) => afspraakStatusWeergave(a, opties))];
    const met = bouwOverzicht('P', programma, metVage, opties);
    expect(met.totaal.perStatus).toMatchObject({ 'op schema': 3, verlopen: 1, 'geen termijn': 1, 'wacht op anker': 1 });
    expect(met.zonderTermijn.map((m) => [m.afspraakId, m.deadlineId, m.status, m.wachtOp])).toEqual([
      ['A5', 'd1', 'geen termijn', null],
      ['A6', 'd1', 'wacht op anker', 'vaststelling'],
    ]);
    expect(overzicht.zonderTermijn).toEqual([]);
  });

  it('stoplicht van een groep: blauw als niets erin een datum heeft', () => {
    expect(stoplichtVanGroep(['geen termijn', 'wacht op anker', 'ingetrokken'])).toBe('blauw');
    expect(stoplichtVanGroep(['geen termijn', 'op schema'])).toBe('groen');
  });

  it('stoplicht van een groep: zo rood als het slechtste lid', () => {
    expect(stoplichtVanGroep([])).toBe('grijs');
    expect(stoplichtVanGroep(['ingetrokken'])).toBe('grijs');
    expect(stoplichtVanGroep(['op schema', 'geleverd op tijd'])).toBe('groen');
    expect(stoplichtVanGroep(['op schema', 'geleverd te laat'])).toBe('oranje');
    expect(stoplichtVanGroep(['binnenkort', 'verlopen'])).toBe('rood');
  });
});
