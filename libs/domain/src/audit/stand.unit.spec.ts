import type { AfspraakEvent } from '../afspraak/afspraak';
import { parseDeadline } from '../deadlines/parse';
import type { ProgrammaEvent } from '../programma/programma';
import { ValidationError } from '../shared/errors';
import { peildatumVan, peilmomentOf } from '../status/peilmoment';
import { afspraakStand, programmaStand } from './stand';
import { beginmomentVan, peilmomentVan, type TijdlijnEvent } from './tijdlijn';

const q2 = parseDeadline('uiterlijk Q2 2023'); // passes 2023-06-30T22:00Z
const q4 = parseDeadline('uiterlijk Q4 2023');

const vastgelegd = (afspraakId = 'A', extra: Partial<Extract<AfspraakEvent, { type: 'AfspraakVastgelegd' }>['data']> = {}): AfspraakEvent => ({
  type: 'AfspraakVastgelegd',
  data: { afspraakId, soort: 'afspraak', programmaId: 'P', programmalijnId: 'PL1', opgaveId: 'O1', nummer: null, niveau: null, titel: 't', tekst: 't', bronCitaat: '', trekker: 'vws', betrokken: [], vastgelegdOp: '2023-03-01T09:00:00.000Z', ...extra },
});
const deadline = (deadlineId = 'd1', d = q2): AfspraakEvent => ({ type: 'DeadlineVastgelegd', data: { afspraakId: 'A', deadlineId, omschrijving: deadlineId, deadline: d, vastgelegdOp: '2023-03-01T09:00:00.000Z' } });
const verschoven = (reden = 'later'): AfspraakEvent => ({
  type: 'DeadlineVerschoven',
  data: { afspraakId: 'A', deadlineId: 'd1', van: q2, naar: q4, reden, besluitorgaan: 'BO', besluitdatum: null, verschovenOp: '2023-08-01T00:00:00.000Z' },
});
const voortgang = (percentage: number): AfspraakEvent => ({
  type: 'VoortgangGerapporteerd',
  data: { afspraakId: 'A', partijId: 'vws', percentage, toelichting: `${percentage}%`, bewijs: [], gerapporteerdOp: '2023-08-01T00:00:00.000Z' },
});
const ingetrokken: AfspraakEvent = { type: 'AfspraakIngetrokken', data: { afspraakId: 'A', reden: 'vervallen', ingetrokkenOp: '2023-05-01T00:00:00.000Z' } };

/** A stream as it was recorded: revision order, with recordedAt and (optionally earlier) effectiveAt. */
const tijdlijn = (...regels: [AfspraakEvent, string, string?][]): TijdlijnEvent<AfspraakEvent>[] =>
  regels.map(([event, recordedAt, effectiveAt], revision) => ({ event, revision, recordedAt, effectiveAt: effectiveAt ?? recordedAt }));

describe('Peilmoment', () => {
  it('is het einde van de peildatum in Amsterdam, zomer- en wintertijd', () => {
    expect(peilmomentVan('2023-07-01')).toBe('2023-07-01T21:59:59.999Z');
    expect(peilmomentVan('2023-12-31')).toBe('2023-12-31T22:59:59.999Z');
  });

  it('weigert een datum die niet bestaat, met het veld erbij', () => {
    for (const fout of ['2023-02-30', '2023-13-01', '1-7-2023', '']) {
      expect(() => peilmomentVan(fout)).toThrow(ValidationError);
    }
    let fout: unknown;
    try {
      peilmomentVan('2023-02-30');
    } catch (error) {
      fout = error;
    }
    expect(fout).toMatchObject({ field: 'peildatum', code: 'ONGELDIGE_PEILDATUM' });
  });
});

describe('Stand van een afspraak op een peildatum', () => {
  // Registered in March; on 10 July a re-plan is recorded that the board decided on 20 June.
  const stroom = tijdlijn(
    [vastgelegd(), '2023-03-01T09:00:00.000Z'],
    [deadline(), '2023-03-01T09:00:00.000Z'],
    [verschoven('besluit BO'), '2023-07-10T09:00:00.000Z', '2023-06-20T00:00:00.000Z'],
  );

  it('zoals vastgelegd: alleen wat op het einde van de peildatum was vastgelegd', () => {
    const stand = afspraakStand(stroom, { peildatum: '2023-07-01', zoals: 'vastgelegd' });
    expect(stand.events).toBe(2);
    expect(stand.status).toMatchObject({ status: 'verlopen', herplanningen: 0 });
  });

  it('zoals gecorrigeerd: de later vastgelegde herplanning met eerdere ingangsdatum telt mee', () => {
    const stand = afspraakStand(stroom, { peildatum: '2023-07-01', zoals: 'gecorrigeerd' });
    expect(stand.events).toBe(3);
    expect(stand.status).toMatchObject({ status: 'op schema', herplanningen: 1, eerstvolgendeDue: '2023-12-31' });
  });

  it('een afspraak die op de peildatum nog niet bestond is onbekend', () => {
    const stand = afspraakStand(stroom, { peildatum: '2023-02-28', zoals: 'gecorrigeerd' });
    expect(stand).toMatchObject({ afspraak: { status: 'onbekend' }, status: null, events: 0 });
  });

  it('de peildatum telt tot en met de laatste milliseconde van die dag', () => {
    const laat = tijdlijn([vastgelegd(), '2023-07-01T21:59:59.999Z'], [ingetrokken, '2023-07-01T22:00:00.000Z']);
    expect(afspraakStand(laat, { peildatum: '2023-07-01', zoals: 'vastgelegd' }).afspraak.status).toBe('lopend');
    expect(afspraakStand(laat, { peildatum: '2023-07-02', zoals: 'vastgelegd' }).afspraak.status).toBe('ingetrokken');
  });

  it('gecorrigeerd past events toe in effectieve volgorde: de laatste voortgang is de laatst effectieve', () => {
    // 60% reported on 1 June; a forgotten 30% report effective 1 May is recorded afterwards.
    const stroomVoortgang = tijdlijn(
      [vastgelegd(), '2023-03-01T09:00:00.000Z'],
      [voortgang(60), '2023-06-01T09:00:00.000Z'],
      [voortgang(30), '2023-06-02T09:00:00.000Z', '2023-05-01T00:00:00.000Z'],
    );
    expect(afspraakStand(stroomVoortgang, { peildatum: '2023-06-30', zoals: 'vastgelegd' }).status?.voortgangPerPartij).toEqual({ vws: 30 });
    expect(afspraakStand(stroomVoortgang, { peildatum: '2023-06-30', zoals: 'gecorrigeerd' }).status?.voortgangPerPartij).toEqual({ vws: 60 });
    expect(afspraakStand(stroomVoortgang, { peildatum: '2023-05-15', zoals: 'gecorrigeerd' }).status?.voortgangPerPartij).toEqual({ vws: 30 });
  });

  it('gecorrigeerd beoordeelt een te laat vastgelegde levering naar het moment waarop zij effectief was', () => {
    const gemeld: AfspraakEvent = { type: 'LeveringGemeld', data: { afspraakId: 'A', partijId: 'vws', deadlineIds: ['d1'], toelichting: 'klaar', bewijs: [], gemeldOp: '2023-07-05T09:00:00.000Z' } };
    const stroomLevering = tijdlijn(
      [vastgelegd(), '2023-03-01T09:00:00.000Z'],
      [deadline(), '2023-03-01T09:00:00.000Z'],
      [gemeld, '2023-07-05T09:00:00.000Z', '2023-06-28T12:00:00.000Z'],
    );
    const vastgelegdeStand = afspraakStand(stroomLevering, { peildatum: '2023-07-10', zoals: 'vastgelegd' });
    const gecorrigeerdeStand = afspraakStand(stroomLevering, { peildatum: '2023-06-30', zoals: 'gecorrigeerd' });
    expect(vastgelegdeStand.status?.status).toBe('verlopen');
    expect(gecorrigeerdeStand.status?.status).toBe('op schema');
    expect(gecorrigeerdeStand.afspraak).toMatchObject({ mijlpalen: [{ levering: { status: 'gemeld', gemeldOp: '2023-06-28T12:00:00.000Z' } }] });
  });

  it('gecorrigeerd zet een event nooit vóór wat het nodig heeft: de registratie en de mijlpaal', () => {
    // The re-plan claims an effective date before the milestone (and the afspraak) existed.
    const stroomVroeg = tijdlijn(
      [vastgelegd(), '2023-03-01T09:00:00.000Z'],
      [deadline(), '2023-03-01T09:00:00.000Z'],
      [verschoven(), '2023-03-05T09:00:00.000Z', '2023-01-15T00:00:00.000Z'],
      [voortgang(10), '2023-03-06T09:00:00.000Z', '2023-02-01T00:00:00.000Z'],
    );
    const stand = afspraakStand(stroomVroeg, { peildatum: '2023-03-10', zoals: 'gecorrigeerd' });
    expect(stand.afspraak).toMatchObject({ status: 'lopend', mijlpalen: [{ deadline: { due: '2023-12-31' }, baseline: { due: '2023-06-30' } }] });
    expect(stand.status?.voortgangPerPartij).toEqual({ vws: 10 });
    expect(afspraakStand(stroomVroeg, { peildatum: '2023-02-28', zoals: 'gecorrigeerd' }).afspraak.status).toBe('onbekend');
  });
});

describe('Wat het programmadocument vastlegde', () => {
  // Imported on 1 March 2025 from a document dated 30 September 2022; a report recorded in 2025, effective in 2023.
  const geimporteerd = '2025-03-01T09:00:00.000Z';
  const documentdatum = beginmomentVan('2022-09-30');
  const uitDocument = (event: AfspraakEvent, revision: number): TijdlijnEvent<AfspraakEvent> => ({ event, revision, recordedAt: geimporteerd, effectiveAt: documentdatum, uitProgrammadocument: true });
  const stroom: TijdlijnEvent<AfspraakEvent>[] = [
    uitDocument(vastgelegd(), 0),
    uitDocument(deadline(), 1),
    { event: voortgang(40), revision: 2, recordedAt: '2025-03-02T09:00:00.000Z', effectiveAt: '2023-05-01T00:00:00.000Z' },
  ];

  it('begint op het begin van de documentdatum in Amsterdam', () => expect(documentdatum).toBe('2022-09-29T22:00:00.000Z'));

  it('telt ook zoals vastgelegd vanaf de documentdatum, met de momenten van het document', () => {
    const stand = afspraakStand(stroom, { peildatum: '2023-07-01', zoals: 'vastgelegd' });
    expect(stand).toMatchObject({ events: 2, afspraak: { status: 'lopend', vastgelegdOp: documentdatum }, status: { status: 'verlopen' } });
  });

  it('maar een gewoon event met een eerdere ingangsdatum telt zoals vastgelegd pas vanaf zijn registratie', () => {
    expect(afspraakStand(stroom, { peildatum: '2025-03-01', zoals: 'vastgelegd' }).events).toBe(2);
    expect(afspraakStand(stroom, { peildatum: '2023-07-01', zoals: 'gecorrigeerd' }).events).toBe(3);
  });

  it('vóór de documentdatum bestaat de afspraak niet, in beide lezingen', () => {
    for (const zoals of ['vastgelegd', 'gecorrigeerd'] as const) expect(afspraakStand(stroom, { peildatum: '2022-09-29', zoals }).afspraak.status).toBe('onbekend');
  });

  it('zonder die herkomst telt een geïmporteerd event zoals vastgelegd vanaf zijn registratie', () => {
    const zonder = stroom.map(({ uitProgrammadocument: _, ...t }) => t);
    expect(afspraakStand(zonder, { peildatum: '2023-07-01', zoals: 'vastgelegd' }).afspraak.status).toBe('onbekend');
  });
});

describe('Stand van een programma op een peildatum', () => {
  const programma: TijdlijnEvent<ProgrammaEvent>[] = [
    { type: 'ProgrammaVastgelegd', data: { programmaId: 'P', naam: 'Programma', eigenaar: 'vws', bron: '', vastgelegdOp: '' } } as const,
    { type: 'ProgrammalijnVastgelegd', data: { programmaId: 'P', programmalijnId: 'PL1', nummer: 1, naam: 'Lijn 1', vastgelegdOp: '' } } as const,
    { type: 'ProgrammalijnVastgelegd', data: { programmaId: 'P', programmalijnId: 'PL2', nummer: 2, naam: 'Lijn 2', vastgelegdOp: '' } } as const,
    { type: 'OpgaveVastgelegd', data: { programmaId: 'P', programmalijnId: 'PL1', opgaveId: 'O1', nummer: 1, naam: 'Opgave 1', vastgelegdOp: '' } } as const,
  ].map((event, revision) => ({ event, revision, recordedAt: '2023-01-01T00:00:00.000Z', effectiveAt: '2023-01-01T00:00:00.000Z' }));

  const afspraken = [
    tijdlijn([vastgelegd('A'), '2023-03-01T09:00:00.000Z'], [deadline(), '2023-03-01T09:00:00.000Z']),
    tijdlijn([vastgelegd('B', { soort: 'actie' }), '2023-03-01T09:00:00.000Z'], [deadline('d1', q4), '2023-03-01T09:00:00.000Z']),
    tijdlijn([vastgelegd('C', { programmalijnId: 'PL2', opgaveId: null }), '2023-03-01T09:00:00.000Z'], [ingetrokken, '2023-05-01T00:00:00.000Z']),
    tijdlijn([vastgelegd('D'), '2023-08-01T09:00:00.000Z']),
  ];

  it('telt per status, per soort, per programmalijn en per opgave', () => {
    const stand = programmaStand({ programmaId: 'P', programma, afspraken }, { peildatum: '2023-07-01', zoals: 'vastgelegd' });
    expect(stand.afspraken.map((a) => a.afspraak.afspraakId)).toEqual(['A', 'B', 'C']);
    expect(stand.totaal).toMatchObject({ totaal: 3, verlopen: 1, 'op schema': 1, ingetrokken: 1 });
    expect(stand.perSoort.actie).toMatchObject({ totaal: 1, 'op schema': 1 });
    expect(stand.programmalijnen.map((l) => [l.programmalijnId, l.telling.totaal])).toEqual([
      ['PL1', 2],
      ['PL2', 1],
    ]);
    expect(stand.programmalijnen[0].opgaven).toEqual([expect.objectContaining({ opgaveId: 'O1', naam: 'Opgave 1', telling: expect.objectContaining({ totaal: 2, verlopen: 1 }) })]);
    expect(stand.events).toBe(4 + 2 + 2 + 2);
  });

  it('is een pure functie: dezelfde invoer geeft dezelfde stand', () => {
    const peiling = { peildatum: '2023-07-01', zoals: 'gecorrigeerd' } as const;
    expect(programmaStand({ programmaId: 'P', programma, afspraken }, peiling)).toEqual(programmaStand({ programmaId: 'P', programma, afspraken: [...afspraken].reverse() }, peiling));
  });
});

describe('Eén betekenis van "per peildatum"', () => {
  it('het overzicht en de auditstand meten op hetzelfde moment', () => {
    expect(peilmomentOf('2023-07-01', new Date('2030-01-01T00:00:00Z'))).toBe(peilmomentVan('2023-07-01'));
    expect(peilmomentOf(undefined, new Date('2023-07-01T10:00:00Z'))).toBe('2023-07-01T10:00:00.000Z');
  });
  it('de dag van een moment is die in Amsterdam', () => {
    expect(peildatumVan('2023-07-01T21:59:59.999Z')).toBe('2023-07-01');
    expect(peildatumVan('2023-07-01T22:00:00.000Z')).toBe('2023-07-02');
    expect(peildatumVan(peilmomentVan('2023-12-31'))).toBe('2023-12-31');
  });
  it('een overzicht met een peildatum die niet bestaat is een 400, net als de auditstand', () => {
    expect(() => peilmomentOf('2023-02-30', new Date())).toThrow(ValidationError);
  });
});
