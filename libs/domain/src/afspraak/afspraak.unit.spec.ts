import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import type { Actor } from '../shared/event';
import { fold } from '../shared/event';
import { DeciderSpecification } from '../testing/decider-specification';
import { NU, Q2_2023, Q4_2023, afspraakVastgelegd, deadlineVastgelegd, leveringGemeld } from '../testing/voorbeelden';
import { evolve, initialAfspraak, type AfspraakEvent } from './afspraak';
import { afspraakDecider, controleerImport, type AfspraakCommand, type LegAfspraakVast } from './decide';

const given = DeciderSpecification.for(afspraakDecider);

const LATER = '2023-07-15T09:00:00.000Z';
const coordinator: Actor = { id: 'coord-1', rol: 'coordinator' };
const namensVws: Actor = { id: 'jan@vws', rol: 'partij', partijId: 'vws' };
const namensOcw: Actor = { id: 'piet@ocw', rol: 'partij', partijId: 'ocw' };
const namensSbb: Actor = { id: 'kees@sbb', rol: 'partij', partijId: 'sbb' };
const auditor: Actor = { id: 'audit-1', rol: 'auditor' };

const q2 = Q2_2023;
const q4 = Q4_2023;

const cmd = <C extends AfspraakCommand>(type: C['type'], data: C['data'], actor: Actor = coordinator, now = NU): C =>
  ({ type, data, metadata: { now, actor } }) as C;

const vastleggen = (overrides: Partial<Extract<AfspraakCommand, { type: 'LegAfspraakVast' }>['data']> = {}) =>
  cmd('LegAfspraakVast', {
    afspraakId: 'TAZ-A09',
    soort: 'afspraak',
    programmaId: 'TAZ',
    programmalijnId: 'TAZ-PL2',
    opgaveId: 'TAZ-O5',
    nummer: '9',
    niveau: null,
    titel: 'Regionale werkgeversorganisaties versterken',
    tekst: 'VWS en OCW maken afspraken ...',
    bronCitaat: 'uiterlijk Q2 2023 ...',
    trekker: 'vws',
    betrokken: ['ocw'],
    deadlines: [{ deadlineId: 'd1', omschrijving: 'Plan van aanpak', deadline: q2 }],
    ...overrides,
  });

const vastgelegd = afspraakVastgelegd();
const deadlineD1 = deadlineVastgelegd();
const deadlineD2 = deadlineVastgelegd({ deadlineId: 'd2', omschrijving: 'Uitvoering', deadline: q4 });
const gemeldD1 = leveringGemeld({ gemeldOp: LATER });
const ingetrokken: AfspraakEvent = {
  type: 'AfspraakIngetrokken',
  data: { afspraakId: 'TAZ-A09', reden: 'Opgegaan in A10', ingetrokkenOp: LATER },
};
const geaccepteerdD1: AfspraakEvent = {
  type: 'LeveringGeaccepteerd',
  data: { afspraakId: 'TAZ-A09', deadlineIds: ['d1'], toelichting: '', geaccepteerdOp: LATER },
};
const afgerond: AfspraakEvent = { type: 'AfspraakAfgerond', data: { afspraakId: 'TAZ-A09', afgerondOp: LATER } };

describe('Afspraak vastleggen', () => {
  it('legt de afspraak en haar deadlines vast', () =>
    given([]).when(vastleggen()).then([vastgelegd, deadlineD1]));

  it('weigert een tweede keer dezelfde afspraak', () =>
    given([vastgelegd]).when(vastleggen()).thenThrows(IllegalStateError, (e) => expect(e).toMatchObject({ code: 'AFSPRAAK_BESTAAT_AL' })));

  it('weigert een lege titel en noemt het veld', () =>
    given([]).when(vastleggen({ titel: '  ' })).thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'titel' })));

  it('weigert een trekker die ook betrokken is', () =>
    given([]).when(vastleggen({ betrokken: ['vws'] })).thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'betrokken' })));

  it('weigert een id met pad-tekens', () =>
    given([]).when(vastleggen({ afspraakId: '../etc/passwd' })).thenThrows(ValidationError));

  it('weigert dubbele deadline-ids', () =>
    given([])
      .when(vastleggen({ deadlines: [{ deadlineId: 'd1', omschrijving: 'a', deadline: q2 }, { deadlineId: 'd1', omschrijving: 'b', deadline: q4 }] }))
      .thenThrows(ValidationError));

  it('weigert een niveau op een afspraak (alleen acties hebben een niveau)', () =>
    given([]).when(vastleggen({ niveau: 'zorgorganisatie' })).thenThrows(ValidationError));

  it('mag niet door een partij', () => given([]).when({ ...vastleggen(), metadata: { now: NU, actor: namensVws } }).thenThrows(ForbiddenError));

  it('mag niet door een auditor', () => given([]).when({ ...vastleggen(), metadata: { now: NU, actor: auditor } }).thenThrows(ForbiddenError));
});

describe('Een actie uit de werkagenda: subactie en de afspraken die zij dient', () => {
  const actie = (overrides: Parameters<typeof vastleggen>[0] = {}) =>
    vastleggen({ afspraakId: 'TAZ-W056a', soort: 'actie', nummer: null, niveau: 'sector-en-regio', deadlines: [], ...overrides });

  it('legt de ouder en de gediende afspraken vast, en de toestand kent ze', () => {
    const events = afspraakDecider.decide(actie({ ouder: 'TAZ-W056', dientAfspraken: ['TAZ-A09'] }), initialAfspraak);
    expect(events[0].data).toMatchObject({ ouder: 'TAZ-W056', dientAfspraken: ['TAZ-A09'] });
    expect(fold(evolve, initialAfspraak, events)).toMatchObject({ ouder: 'TAZ-W056', dientAfspraken: ['TAZ-A09'] });
  });

  it('zonder ouder en links behoudt het event zijn oude vorm, en de toestand leest dat als geen', () => {
    const [event] = afspraakDecider.decide(actie(), initialAfspraak);
    expect(Object.keys(event.data)).not.toContain('ouder');
    expect(Object.keys(event.data)).not.toContain('dientAfspraken');
    expect(fold(evolve, initialAfspraak, [vastgelegd])).toMatchObject({ ouder: null, dientAfspraken: [] });
  });

  it('weigert een ouder of gediende afspraak op een afspraak (alleen acties)', () => {
    given([]).when(vastleggen({ ouder: 'TAZ-W001' })).thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'ouder' }));
    given([]).when(vastleggen({ dientAfspraken: ['TAZ-A01'] })).thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'dientAfspraken' }));
  });

  it('weigert een actie als haar eigen ouder, en dubbele gediende afspraken', () => {
    given([]).when(actie({ ouder: 'TAZ-W056a' })).thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'ouder' }));
    given([]).when(actie({ dientAfspraken: ['TAZ-A09', 'TAZ-A09'] })).thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'dientAfspraken' }));
  });
});

describe('Een afspraak uit een import', () => {
  const staat = (events: AfspraakEvent[]) => fold(evolve, initialAfspraak, events);
  const uitImport = (overrides: Parameters<typeof vastleggen>[0] = {}) => vastleggen(overrides) as LegAfspraakVast;

  it('die nieuw is, volgt de regels van vastleggen', () => {
    expect(() => controleerImport(uitImport(), staat([]))).not.toThrow();
    expect(() => controleerImport(uitImport({ betrokken: ['vws'] }), staat([]))).toThrow(expect.objectContaining({ code: 'TREKKER_OOK_BETROKKEN', field: 'betrokken' }));
  });

  it('die al bestaat in hetzelfde programma, mag (er komen alleen ontbrekende deadlines bij)', () =>
    expect(() => controleerImport(uitImport(), staat([vastgelegd, deadlineD1]))).not.toThrow());

  it('die al bestaat in een ander programma, wordt geweigerd en noemt het veld afspraakId', () =>
    expect(() => controleerImport(uitImport({ programmaId: 'ANDER' }), staat([vastgelegd]))).toThrow(
      expect.objectContaining({ code: 'AFSPRAAK_VAN_ANDER_PROGRAMMA', field: 'afspraakId', message: expect.stringContaining('bestaat al in programma TAZ') }),
    ));
});

describe('Partij toewijzen en verwijderen', () => {
  it('wijst een betrokken partij toe', () =>
    given([vastgelegd])
      .when(cmd('WijsPartijToe', { partijId: 'sbb', rol: 'betrokken' }))
      .then([{ type: 'PartijToegewezen', data: { afspraakId: 'TAZ-A09', partijId: 'sbb', rol: 'betrokken', vervangt: null, toegewezenOp: NU } }]));

  it('een nieuwe trekker vervangt de vorige', () => {
    const toegewezen: AfspraakEvent = {
      type: 'PartijToegewezen',
      data: { afspraakId: 'TAZ-A09', partijId: 'ocw', rol: 'trekker', vervangt: 'vws', toegewezenOp: NU },
    };
    given([vastgelegd]).when(cmd('WijsPartijToe', { partijId: 'ocw', rol: 'trekker' })).then([toegewezen]);
    const state = fold(evolve, initialAfspraak, [vastgelegd, toegewezen]);
    expect(state).toMatchObject({ trekker: 'ocw', betrokken: [] });
  });

  it('weigert een partij die al betrokken is', () =>
    given([vastgelegd]).when(cmd('WijsPartijToe', { partijId: 'ocw', rol: 'betrokken' })).thenThrows(IllegalStateError));

  it('een partij mag geen partijen toewijzen', () =>
    given([vastgelegd]).when(cmd('WijsPartijToe', { partijId: 'sbb', rol: 'betrokken' }, namensVws)).thenThrows(ForbiddenError));

  it('verwijdert een betrokken partij met reden', () =>
    given([vastgelegd])
      .when(cmd('VerwijderPartij', { partijId: 'ocw', reden: 'Niet meer betrokken' }))
      .then([{ type: 'PartijVerwijderd', data: { afspraakId: 'TAZ-A09', partijId: 'ocw', reden: 'Niet meer betrokken', verwijderdOp: NU } }]));

  it('verwijdert nooit de trekker', () =>
    given([vastgelegd]).when(cmd('VerwijderPartij', { partijId: 'vws', reden: 'x' })).thenThrows(IllegalStateError));

  it('meldt een partij die niet betrokken is als onbekend', () =>
    given([vastgelegd]).when(cmd('VerwijderPartij', { partijId: 'sbb', reden: 'x' })).thenThrows(NotFoundError));

  it('op een ingetrokken afspraak kan niets worden toegewezen', () =>
    given([vastgelegd, ingetrokken]).when(cmd('WijsPartijToe', { partijId: 'sbb', rol: 'betrokken' })).thenThrows(IllegalStateError));
});

describe('Deadline vastleggen', () => {
  it('legt een extra mijlpaal vast', () =>
    given([vastgelegd, deadlineD1])
      .when(cmd('LegDeadlineVast', { deadlineId: 'd2', omschrijving: 'Uitvoering', deadline: q4 }))
      .then([deadlineD2]));

  it('weigert een bestaand deadline-id', () =>
    given([vastgelegd, deadlineD1]).when(cmd('LegDeadlineVast', { deadlineId: 'd1', omschrijving: 'x', deadline: q4 })).thenThrows(IllegalStateError));

  it('weigert een venster dat eindigt voor het begint', () =>
    given([vastgelegd])
      .when(cmd('LegDeadlineVast', { deadlineId: 'd2', omschrijving: 'x', deadline: { ...q4, start: '2024-01-01' } }))
      .thenThrows(ValidationError));

  it('een partij kan nooit deadlines wijzigen', () =>
    given([vastgelegd]).when(cmd('LegDeadlineVast', { deadlineId: 'd2', omschrijving: 'x', deadline: q4 }, namensVws)).thenThrows(ForbiddenError));
});

describe('Deadline verschuiven', () => {
  const verschuif = (actor: Actor = coordinator) =>
    cmd('VerschuifDeadline', { deadlineId: 'd1', naar: q4, reden: 'Vertraging wetgeving', besluitorgaan: 'Bestuurlijk Overleg TAZ', besluitdatum: '2023-06-12' }, actor, LATER);

  it('verschuift met reden en besluitorgaan en houdt de baseline', () => {
    const verschoven: AfspraakEvent = {
      type: 'DeadlineVerschoven',
      data: {
        afspraakId: 'TAZ-A09',
        deadlineId: 'd1',
        van: q2,
        naar: q4,
        reden: 'Vertraging wetgeving',
        besluitorgaan: 'Bestuurlijk Overleg TAZ',
        besluitdatum: '2023-06-12',
        verschovenOp: LATER,
      },
    };
    given([vastgelegd, deadlineD1]).when(verschuif()).then([verschoven]);
    const state = fold(evolve, initialAfspraak, [vastgelegd, deadlineD1, verschoven]);
    expect(state.status !== 'onbekend' && state.mijlpalen[0]).toMatchObject({ baseline: q2, deadline: q4, verschuivingen: [{ reden: 'Vertraging wetgeving' }] });
  });

  it('vereist een reden', () =>
    given([vastgelegd, deadlineD1])
      .when(cmd('VerschuifDeadline', { deadlineId: 'd1', naar: q4, reden: '', besluitorgaan: 'BO', besluitdatum: null }))
      .thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'reden' })));

  it('vereist het besluitorgaan', () =>
    given([vastgelegd, deadlineD1])
      .when(cmd('VerschuifDeadline', { deadlineId: 'd1', naar: q4, reden: 'r', besluitorgaan: ' ', besluitdatum: null }))
      .thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'besluitorgaan' })));

  it('weigert een verschuiving naar dezelfde deadline', () =>
    given([vastgelegd, deadlineD1])
      .when(cmd('VerschuifDeadline', { deadlineId: 'd1', naar: q2, reden: 'r', besluitorgaan: 'BO', besluitdatum: null }))
      .thenThrows(ValidationError));

  it('weigert een onbekende deadline', () =>
    given([vastgelegd, deadlineD1])
      .when(cmd('VerschuifDeadline', { deadlineId: 'd9', naar: q4, reden: 'r', besluitorgaan: 'BO', besluitdatum: null }))
      .thenThrows(NotFoundError));

  it('een geleverde deadline schuift niet meer', () =>
    given([vastgelegd, deadlineD1, deadlineD2, gemeldD1, geaccepteerdD1]).when(verschuif()).thenThrows(IllegalStateError));

  it('een partij kan nooit deadlines verschuiven', () => given([vastgelegd, deadlineD1]).when(verschuif(namensVws)).thenThrows(ForbiddenError));

  it('een ingetrokken afspraak schuift niet', () => given([vastgelegd, deadlineD1, ingetrokken]).when(verschuif()).thenThrows(IllegalStateError));
});

describe('Voortgang rapporteren', () => {
  const rapport = (actor: Actor, partijId: string, percentage = 40) =>
    cmd('RapporteerVoortgang', { partijId, percentage, toelichting: 'Kwartiermaker aangesteld', bewijs: [{ url: 'https://example.org/plan.pdf', titel: 'Plan' }] }, actor, LATER);

  it('de trekker rapporteert voortgang met bewijs', () =>
    given([vastgelegd, deadlineD1])
      .when(rapport(namensVws, 'vws'))
      .then([
        {
          type: 'VoortgangGerapporteerd',
          data: {
            afspraakId: 'TAZ-A09',
            partijId: 'vws',
            percentage: 40,
            toelichting: 'Kwartiermaker aangesteld',
            bewijs: [{ url: 'https://example.org/plan.pdf', titel: 'Plan' }],
            gerapporteerdOp: LATER,
          },
        },
      ]));

  it('een betrokken partij mag ook rapporteren', () =>
    given([vastgelegd]).when(rapport(namensOcw, 'ocw')).then([expect.objectContaining({ type: 'VoortgangGerapporteerd' }) as AfspraakEvent]));

  it('een partij die niet betrokken is mag niet', () => given([vastgelegd]).when(rapport(namensSbb, 'sbb')).thenThrows(ForbiddenError));

  it('een partij rapporteert nooit namens een andere partij', () => given([vastgelegd]).when(rapport(namensOcw, 'vws')).thenThrows(ForbiddenError));

  it('een percentage boven 100 wordt geweigerd', () =>
    given([vastgelegd]).when(rapport(namensVws, 'vws', 120)).thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'percentage' })));

  it('bewijs moet een http(s)-link zijn', () =>
    given([vastgelegd])
      .when(cmd('RapporteerVoortgang', { partijId: 'vws', percentage: 5, toelichting: 't', bewijs: [{ url: 'javascript:alert(1)', titel: 'x' }] }, namensVws))
      .thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'bewijs[0].url' })));

  it('de laatste rapportage per partij staat in de toestand', () => {
    const data = { afspraakId: 'TAZ-A09', partijId: 'vws', percentage: 10, toelichting: 'a', bewijs: [], gerapporteerdOp: NU };
    const r1: AfspraakEvent = { type: 'VoortgangGerapporteerd', data };
    const r2: AfspraakEvent = { type: 'VoortgangGerapporteerd', data: { ...data, percentage: 60, gerapporteerdOp: LATER } };
    const state = fold(evolve, initialAfspraak, [vastgelegd, r1, r2]);
    expect(state.status !== 'onbekend' && state.voortgang.vws.percentage).toBe(60);
  });
});

describe('Levering melden, accepteren en afwijzen', () => {
  const meld = (deadlineIds: string[] | null = null, actor: Actor = namensVws) =>
    cmd('MeldLevering', { partijId: actor.partijId ?? 'vws', deadlineIds, toelichting: 'Plan ligt er', bewijs: [] }, actor, LATER);

  it('de trekker meldt levering van alle open mijlpalen', () =>
    given([vastgelegd, deadlineD1])
      .when(meld())
      .then([gemeldD1]));

  it('een mijlpaal die al gemeld is kan niet nogmaals gemeld worden', () =>
    given([vastgelegd, deadlineD1, gemeldD1]).when(meld(['d1'])).thenThrows(IllegalStateError));

  it('zonder open mijlpalen valt er niets te melden', () =>
    given([vastgelegd, deadlineD1, gemeldD1]).when(meld()).thenThrows(IllegalStateError));

  it('een afspraak zonder mijlpalen wordt als geheel gemeld', () =>
    given([vastgelegd])
      .when(meld())
      .then([{ type: 'LeveringGemeld', data: { ...gemeldD1.data, deadlineIds: [] } } as AfspraakEvent]));

  it('de coördinator accepteert; als alles geleverd is, is de afspraak afgerond', () =>
    given([vastgelegd, deadlineD1, gemeldD1])
      .when(cmd('AccepteerLevering', { deadlineIds: null, toelichting: '' }, coordinator, LATER))
      .then([geaccepteerdD1, afgerond]));

  it('acceptatie van één van twee mijlpalen rondt niet af', () =>
    given([vastgelegd, deadlineD1, deadlineD2, gemeldD1])
      .when(cmd('AccepteerLevering', { deadlineIds: ['d1'], toelichting: '' }, coordinator, LATER))
      .then([geaccepteerdD1]));

  it('een partij kan nooit haar eigen levering accepteren', () =>
    given([vastgelegd, deadlineD1, gemeldD1]).when(cmd('AccepteerLevering', { deadlineIds: null, toelichting: '' }, namensVws)).thenThrows(ForbiddenError));

  it('zonder gemelde levering valt er niets te accepteren', () =>
    given([vastgelegd, deadlineD1]).when(cmd('AccepteerLevering', { deadlineIds: null, toelichting: '' })).thenThrows(IllegalStateError));

  it('afwijzen vereist een reden en maakt opnieuw melden mogelijk', () => {
    const afgewezen: AfspraakEvent = {
      type: 'LeveringAfgewezen',
      data: { afspraakId: 'TAZ-A09', deadlineIds: ['d1'], reden: 'Bewijs ontbreekt', afgewezenOp: LATER },
    };
    given([vastgelegd, deadlineD1, gemeldD1]).when(cmd('WijsLeveringAf', { deadlineIds: null, reden: 'Bewijs ontbreekt' }, coordinator, LATER)).then([afgewezen]);
    given([vastgelegd, deadlineD1, gemeldD1]).when(cmd('WijsLeveringAf', { deadlineIds: null, reden: '' })).thenThrows(ValidationError);
    given([vastgelegd, deadlineD1, gemeldD1, afgewezen]).when(meld()).then([gemeldD1]);
  });

  it('een partij kan een levering niet afwijzen', () =>
    given([vastgelegd, deadlineD1, gemeldD1]).when(cmd('WijsLeveringAf', { deadlineIds: null, reden: 'x' }, namensOcw)).thenThrows(ForbiddenError));

  it('een onbekende mijlpaal wordt genoemd', () => given([vastgelegd, deadlineD1]).when(meld(['d7'])).thenThrows(NotFoundError));
});

describe('Intrekken en heropenen', () => {
  it('trekt in met reden', () =>
    given([vastgelegd]).when(cmd('TrekAfspraakIn', { reden: 'Opgegaan in A10' }, coordinator, LATER)).then([ingetrokken]));

  it('intrekken vereist een reden', () => given([vastgelegd]).when(cmd('TrekAfspraakIn', { reden: ' ' })).thenThrows(ValidationError));

  it('een ingetrokken afspraak kan niet nog eens worden ingetrokken', () =>
    given([vastgelegd, ingetrokken]).when(cmd('TrekAfspraakIn', { reden: 'x' })).thenThrows(IllegalStateError));

  it('op een ingetrokken afspraak wordt geen voortgang gerapporteerd', () =>
    given([vastgelegd, ingetrokken])
      .when(cmd('RapporteerVoortgang', { partijId: 'vws', percentage: 5, toelichting: 't', bewijs: [] }, namensVws))
      .thenThrows(IllegalStateError));

  it('heropent een ingetrokken afspraak met behoud van de mijlpalen', () => {
    const heropend: AfspraakEvent = { type: 'AfspraakHeropend', data: { afspraakId: 'TAZ-A09', reden: 'Toch nodig', heropendOp: LATER } };
    given([vastgelegd, deadlineD1, gemeldD1, ingetrokken]).when(cmd('HeropenAfspraak', { reden: 'Toch nodig' }, coordinator, LATER)).then([heropend]);
    const state = fold(evolve, initialAfspraak, [vastgelegd, deadlineD1, gemeldD1, ingetrokken, heropend]);
    expect(state).toMatchObject({ status: 'lopend', mijlpalen: [{ levering: { status: 'gemeld' } }] });
    expect(state).not.toHaveProperty('reden');
  });

  it('heropenen van een afgeronde afspraak zet de levering terug op open', () => {
    const heropend: AfspraakEvent = { type: 'AfspraakHeropend', data: { afspraakId: 'TAZ-A09', reden: 'Resultaat voldoet niet', heropendOp: LATER } };
    const state = fold(evolve, initialAfspraak, [vastgelegd, deadlineD1, gemeldD1, geaccepteerdD1, afgerond, heropend]);
    expect(state).toMatchObject({ status: 'lopend', mijlpalen: [{ levering: { status: 'open' } }] });
  });

  it('een lopende afspraak kan niet worden heropend', () =>
    given([vastgelegd]).when(cmd('HeropenAfspraak', { reden: 'x' })).thenThrows(IllegalStateError));

  it('een onbekende afspraak kan niet worden heropend', () => given([]).when(cmd('HeropenAfspraak', { reden: 'x' })).thenThrows(NotFoundError));

  it('een partij mag niet intrekken of heropenen', () => {
    given([vastgelegd]).when(cmd('TrekAfspraakIn', { reden: 'x' }, namensVws)).thenThrows(ForbiddenError);
    given([vastgelegd, ingetrokken]).when(cmd('HeropenAfspraak', { reden: 'x' }, namensVws)).thenThrows(ForbiddenError);
  });
});

describe('Een auditor', () => {
  it('kan geen enkel commando geven', () => {
    const commands: AfspraakCommand[] = [
      cmd('RapporteerVoortgang', { partijId: 'vws', percentage: 5, toelichting: 't', bewijs: [] }, auditor),
      cmd('AccepteerLevering', { deadlineIds: null, toelichting: '' }, auditor),
      cmd('TrekAfspraakIn', { reden: 'x' }, auditor),
    ];
    for (const c of commands) given([vastgelegd, deadlineD1, gemeldD1]).when(c).thenThrows(ForbiddenError);
  });
});
