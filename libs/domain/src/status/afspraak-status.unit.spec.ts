import { evolve, initialAfspraak, type AfspraakEvent, type BestaandeAfspraak } from '../afspraak/afspraak';
import { parseDeadline } from '../deadlines/parse';
import { fold } from '../shared/event';
import { afspraakStatus } from './afspraak-status';

const q2 = parseDeadline('uiterlijk Q2 2023'); // passes 2023-06-30T22:00Z
const q4 = parseDeadline('uiterlijk Q4 2023');
const vaag = parseDeadline('de komende jaren');

const vastgelegd: AfspraakEvent = {
  type: 'AfspraakVastgelegd',
  data: { afspraakId: 'A', soort: 'afspraak', programmaId: 'P', programmalijnId: null, opgaveId: null, nummer: null, niveau: null, titel: 't', tekst: 't', bronCitaat: '', trekker: 'vws', betrokken: ['ocw'], vastgelegdOp: '2023-01-01T00:00:00Z' },
};
const deadline = (deadlineId: string, d = q2): AfspraakEvent => ({ type: 'DeadlineVastgelegd', data: { afspraakId: 'A', deadlineId, omschrijving: deadlineId, deadline: d, vastgelegdOp: '2023-01-01T00:00:00Z' } });
const gemeld = (op: string, ids = ['d1']): AfspraakEvent => ({ type: 'LeveringGemeld', data: { afspraakId: 'A', partijId: 'vws', deadlineIds: ids, toelichting: 'x', bewijs: [], gemeldOp: op } });
const geaccepteerd = (op: string, ids = ['d1']): AfspraakEvent => ({ type: 'LeveringGeaccepteerd', data: { afspraakId: 'A', deadlineIds: ids, toelichting: '', geaccepteerdOp: op } });
const afgerond: AfspraakEvent = { type: 'AfspraakAfgerond', data: { afspraakId: 'A', afgerondOp: '2023-08-01T00:00:00Z' } };

const state = (...events: AfspraakEvent[]) => fold(evolve, initialAfspraak, [vastgelegd, ...events]) as BestaandeAfspraak;
const op = (peilmoment: string) => ({ peilmoment, binnenkortDagen: 30 });

describe('Status van een afspraak tegen haar deadlines', () => {
  it('is op schema ruim voor de deadline, binnenkort binnen het venster, verlopen zodra die is gepasseerd', () => {
    const a = state(deadline('d1'));
    expect(afspraakStatus(a, op('2023-04-01T00:00:00Z')).status).toBe('op schema');
    expect(afspraakStatus(a, op('2023-06-15T00:00:00Z'))).toMatchObject({ status: 'binnenkort', stoplicht: 'oranje' });
    expect(afspraakStatus(a, op('2023-06-30T21:59:59Z')).status).toBe('binnenkort');
    expect(afspraakStatus(a, op('2023-06-30T22:00:00Z'))).toMatchObject({ status: 'verlopen', stoplicht: 'rood' });
  });

  it('wordt verlopen zonder nieuw event: alleen het peilmoment verandert', () => {
    const a = state(deadline('d1'));
    const voor = afspraakStatus(a, op('2023-01-01T00:00:00Z'));
    const na = afspraakStatus(a, op('2023-07-01T00:00:00Z'));
    expect([voor.status, na.status]).toEqual(['op schema', 'verlopen']);
  });

  it('een op tijd gemelde levering is op schema, ook na de deadline, in afwachting van acceptatie', () => {
    expect(afspraakStatus(state(deadline('d1'), gemeld('2023-06-20T10:00:00Z')), op('2023-07-15T00:00:00Z')).status).toBe('op schema');
    expect(afspraakStatus(state(deadline('d1'), gemeld('2023-07-02T10:00:00Z')), op('2023-07-15T00:00:00Z')).status).toBe('verlopen');
  });

  it('afgerond: geleverd op tijd of te laat, naar het moment van melden', () => {
    const opTijd = state(deadline('d1'), gemeld('2023-06-20T10:00:00Z'), geaccepteerd('2023-07-05T00:00:00Z'), afgerond);
    const teLaat = state(deadline('d1'), gemeld('2023-07-02T10:00:00Z'), geaccepteerd('2023-07-05T00:00:00Z'), afgerond);
    expect(afspraakStatus(opTijd, op('2023-09-01T00:00:00Z'))).toMatchObject({ status: 'geleverd op tijd', stoplicht: 'groen' });
    expect(afspraakStatus(teLaat, op('2023-09-01T00:00:00Z'))).toMatchObject({ status: 'geleverd te laat', stoplicht: 'oranje' });
  });

  it('is zo laat als de slechtste open mijlpaal; geleverde mijlpalen tellen niet mee', () => {
    const a = state(deadline('d1'), deadline('d2', q4), gemeld('2023-06-01T00:00:00Z'), geaccepteerd('2023-06-02T00:00:00Z'));
    const s = afspraakStatus(a, op('2023-07-15T00:00:00Z'));
    expect(s.status).toBe('op schema');
    expect(s.eerstvolgendeDue).toBe('2023-12-31');
    expect(afspraakStatus(a, op('2024-01-02T00:00:00Z')).status).toBe('verlopen');
  });

  it('meet verschuiving tegen de oorspronkelijke baseline', () => {
    const verschoven: AfspraakEvent = {
      type: 'DeadlineVerschoven',
      data: { afspraakId: 'A', deadlineId: 'd1', van: q2, naar: q4, reden: 'r', besluitorgaan: 'BO', besluitdatum: null, verschovenOp: '2023-06-01T00:00:00Z' },
    };
    const s = afspraakStatus(state(deadline('d1'), verschoven), op('2023-07-15T00:00:00Z'));
    expect(s).toMatchObject({ status: 'op schema', verschuivingDagen: 184, herplanningen: 1 });
  });

  it('een vage deadline is nooit verlopen, maar ook niet op schema: geen termijn (blauw), met de reden', () => {
    const status = afspraakStatus(state(deadline('d1', vaag)), op('2030-01-01T00:00:00Z'));
    expect(status).toMatchObject({ status: 'geen termijn', stoplicht: 'blauw' });
    expect(status.mijlpalen[0]).toMatchObject({ status: 'geen termijn', wachtOp: null, reden: expect.any(String) });
  });

  it('een afspraak zonder mijlpaal heeft geen termijn', () => {
    expect(afspraakStatus(state(), op('2023-04-01T00:00:00Z'))).toMatchObject({ status: 'geen termijn', stoplicht: 'blauw' });
  });

  it('een herhaling zonder einde heeft geen termijn', () => {
    expect(afspraakStatus(state(deadline('d1', parseDeadline('eens per kwartaal'))), op('2023-04-01T00:00:00Z')).status).toBe('geen termijn');
  });

  it('een deadline na een gebeurtenis wacht op die gebeurtenis en zegt welke', () => {
    const status = afspraakStatus(state(deadline('d1', parseDeadline('binnen drie maanden na vaststelling'))), op('2023-04-01T00:00:00Z'));
    expect(status).toMatchObject({ status: 'wacht op anker', stoplicht: 'blauw' });
    expect(status.mijlpalen[0]).toMatchObject({ status: 'wacht op anker', wachtOp: 'vaststelling' });
  });

  it('een afspraak met een gedateerde en een vage mijlpaal is zo laat als de gedateerde', () => {
    expect(afspraakStatus(state(deadline('d1', q4), deadline('d2', vaag)), op('2023-04-01T00:00:00Z')).status).toBe('op schema');
    expect(afspraakStatus(state(deadline('d1', q2), deadline('d2', vaag)), op('2023-07-02T00:00:00Z')).status).toBe('verlopen');
  });

  it('een ingetrokken afspraak is ingetrokken', () => {
    const ingetrokken: AfspraakEvent = { type: 'AfspraakIngetrokken', data: { afspraakId: 'A', reden: 'r', ingetrokkenOp: '2023-02-01T00:00:00Z' } };
    expect(afspraakStatus(state(deadline('d1'), ingetrokken), op('2024-01-01T00:00:00Z'))).toMatchObject({ status: 'ingetrokken', stoplicht: 'grijs' });
  });
});
