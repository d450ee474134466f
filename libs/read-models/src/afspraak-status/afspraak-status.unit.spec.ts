import { parseDeadline, type AfspraakEvent, type BestaandeAfspraak, type KnownEvent } from '@afspraken/domain';
import { evolve, kolomwaarden, kwartaalVan } from './projectie';
import { afspraakStatusWeergave } from './weergave';

const q2 = parseDeadline('uiterlijk Q2 2023');
const q4 = parseDeadline('uiterlijk Q4 2023');

const vastgelegd: AfspraakEvent = {
  type: 'AfspraakVastgelegd',
  data: { afspraakId: 'A', soort: 'afspraak', programmaId: 'P', programmalijnId: 'P-L1', opgaveId: 'P-O1', nummer: '1', niveau: null, titel: 't', tekst: 't', bronCitaat: '', trekker: 'vws', betrokken: ['ocw'], vastgelegdOp: '2023-01-01T00:00:00Z' },
};
const deadline = (deadlineId: string, d = q2): AfspraakEvent => ({ type: 'DeadlineVastgelegd', data: { afspraakId: 'A', deadlineId, omschrijving: deadlineId, deadline: d, vastgelegdOp: '2023-01-01T00:00:00Z' } });
const voortgang = (partijId: string, percentage: number, op: string): AfspraakEvent => ({ type: 'VoortgangGerapporteerd', data: { afspraakId: 'A', partijId, percentage, toelichting: 'x', bewijs: [], gerapporteerdOp: op } });
const verschoven: AfspraakEvent = {
  type: 'DeadlineVerschoven',
  data: { afspraakId: 'A', deadlineId: 'd1', van: q2, naar: q4, reden: 'r', besluitorgaan: 'BO', besluitdatum: null, verschovenOp: '2023-06-01T00:00:00Z' },
};
const gemeld: AfspraakEvent = { type: 'LeveringGemeld', data: { afspraakId: 'A', partijId: 'ocw', deadlineIds: ['d1'], toelichting: '', bewijs: [], gemeldOp: '2023-05-01T00:00:00Z' } };

/** given events → then the stored document (null: nothing stored). */
const given = (...events: KnownEvent[]) => events.reduce<BestaandeAfspraak | null>(evolve, null);
const op = (peilmoment: string) => ({ peilmoment, binnenkortDagen: 30 });

describe('Leesmodel afspraak-status', () => {
  it('slaat het document op zoals de decider de afspraak kent, met kolommen om op te filteren', () => {
    const doc = given(vastgelegd, deadline('d1'), deadline('d2', q4)) as BestaandeAfspraak;
    expect(doc).toMatchObject({ status: 'lopend', afspraakId: 'A', trekker: 'vws', mijlpalen: [{ deadlineId: 'd1' }, { deadlineId: 'd2' }] });
    expect(kolomwaarden(doc)).toEqual({
      programma_id: 'P',
      programmalijn_id: 'P-L1',
      opgave_id: 'P-O1',
      soort: 'afspraak',
      levenscyclus: 'lopend',
      partijen: ['vws', 'ocw'],
      eerstvolgende_due_at: q2.dueAt,
      kwartalen: ['2023-Q2', '2023-Q4'],
    });
  });

  it('negeert events van andere leesmodellen, en slaat niets op voor een afspraak die nooit is vastgelegd', () => {
    expect(given({ type: 'PartijVastgelegd', data: { partijId: 'vws', naam: 'VWS', soort: 'ministerie', aliassen: [], vastgelegdOp: '2023-01-01T00:00:00Z' } })).toBeNull();
    expect(given(deadline('d1'))).toBeNull();
    const doc = given(vastgelegd);
    expect(evolve(doc, { type: 'ProgrammaVastgelegd', data: { programmaId: 'P', naam: 'P', eigenaar: 'vws', bron: '', vastgelegdOp: '2023-01-01T00:00:00Z' } })).toBe(doc);
  });

  it('een herplanning schuift de kolommen mee en telt als verschuiving tegen de baseline', () => {
    const doc = given(vastgelegd, deadline('d1'), verschoven) as BestaandeAfspraak;
    expect(kolomwaarden(doc)).toMatchObject({ kwartalen: ['2023-Q4'], eerstvolgende_due_at: q4.dueAt });
    expect(afspraakStatusWeergave(doc, op('2023-07-15T00:00:00Z'))).toMatchObject({ status: 'op schema', verschuivingDagen: 184, herplanningen: 1 });
  });

  it('wordt verlopen op het moment dat de deadline passeert, zonder nieuw event', () => {
    const doc = given(vastgelegd, deadline('d1')) as BestaandeAfspraak;
    expect(afspraakStatusWeergave(doc, op('2023-06-30T21:59:59.999Z')).status).toBe('binnenkort');
    expect(afspraakStatusWeergave(doc, op('2023-06-30T22:00:00.000Z'))).toMatchObject({ status: 'verlopen', stoplicht: 'rood' });
  });

  it('geeft het laatste voortgangsrapport en per partij waar die staat', () => {
    const doc = given(vastgelegd, deadline('d1'), voortgang('vws', 20, '2023-02-01T00:00:00Z'), voortgang('vws', 50, '2023-03-01T00:00:00Z'), gemeld) as BestaandeAfspraak;
    const w = afspraakStatusWeergave(doc, op('2023-05-02T00:00:00Z'));
    expect(w.laatsteVoortgang).toMatchObject({ partijId: 'vws', percentage: 50 });
    expect(w.partijen).toEqual([
      expect.objectContaining({ partijId: 'vws', rol: 'trekker', status: 'voortgang gerapporteerd' }),
      expect.objectContaining({ partijId: 'ocw', rol: 'betrokken', status: 'levering gemeld', laatsteVoortgang: null }),
    ]);
  });

  it('afgerond en ingetrokken: niet meer open, geen eerstvolgende deadline', () => {
    const ingetrokken = given(vastgelegd, deadline('d1'), { type: 'AfspraakIngetrokken', data: { afspraakId: 'A', reden: 'r', ingetrokkenOp: '2023-02-01T00:00:00Z' } }) as BestaandeAfspraak;
    expect(kolomwaarden(ingetrokken)).toMatchObject({ levenscyclus: 'ingetrokken', eerstvolgende_due_at: null });
    expect(afspraakStatusWeergave(ingetrokken, op('2024-01-01T00:00:00Z'))).toMatchObject({ status: 'ingetrokken', stoplicht: 'grijs' });
  });

  it('kwartaal van een dag', () => {
    expect(['2023-01-01', '2023-03-31', '2023-04-01', '2023-12-31'].map(kwartaalVan)).toEqual(['2023-Q1', '2023-Q1', '2023-Q2', '2023-Q4']);
  });
});
