import { afspraakDecider, type AfspraakCommand } from '../afspraak/decide';
import { evolve, initialAfspraak, type AfspraakEvent, type BestaandeAfspraak } from '../afspraak/afspraak';
import { programmaDecider, type ProgrammaCommand, type ProgrammaEvent } from '../programma/programma';
import { ForbiddenError, NotFoundError } from '../shared/errors';
import { fold, type Actor } from '../shared/event';
import { DeciderSpecification } from '../testing/decider-specification';
import { NU, Q2_2023, Q4_2023, afspraakVastgelegd, deadlineVastgelegd, leveringGemeld } from '../testing/voorbeelden';
import { binnenLeesbereik, leesbereik, magAfspraakLezen, vereisLeesrechtAfspraak } from './toegang';

const given = DeciderSpecification.for(afspraakDecider);
const givenProgramma = DeciderSpecification.for(programmaDecider);

const q2 = Q2_2023;
const q4 = Q4_2023;

const coordinator: Actor = { id: 'coord', rol: 'coordinator' };
const coordinatorTaz: Actor = { id: 'coord-taz', rol: 'coordinator', programmaId: 'TAZ' };
const coordinatorAnder: Actor = { id: 'coord-ander', rol: 'coordinator', programmaId: 'ANDER' };
const trekker: Actor = { id: 'vws-1', rol: 'partij', partijId: 'vws' };
const betrokkene: Actor = { id: 'ocw-1', rol: 'partij', partijId: 'ocw' };
const buitenstaander: Actor = { id: 'sbb-1', rol: 'partij', partijId: 'sbb' };
const buitenstaanderTaz: Actor = { id: 'sbb-taz', rol: 'partij', partijId: 'sbb', programmaId: 'TAZ' };
const trekkerAnderProgramma: Actor = { id: 'vws-ander', rol: 'partij', partijId: 'vws', programmaId: 'ANDER' };
const auditor: Actor = { id: 'audit', rol: 'auditor' };
const auditorAnder: Actor = { id: 'audit-ander', rol: 'auditor', programmaId: 'ANDER' };

const vastgelegd = afspraakVastgelegd({ programmalijnId: null, opgaveId: null, tekst: 'VWS en OCW maken afspraken', bronCitaat: '' });
const deadlineD1 = deadlineVastgelegd({ omschrijving: 'Plan' });
const gemeld = leveringGemeld();

type Wat = { naam: string; given: AfspraakEvent[]; when: (actor: Actor) => AfspraakCommand; emits: AfspraakEvent['type'][] };
const cmd = (type: AfspraakCommand['type'], data: object, actor: Actor): AfspraakCommand => ({ type, data, metadata: { now: NU, actor } }) as AfspraakCommand;
const namensEigenPartij = (actor: Actor) => actor.partijId ?? 'vws';

const acties: Wat[] = [
  {
    naam: 'afspraak vastleggen',
    given: [],
    when: (a) =>
      cmd('LegAfspraakVast', { ...vastgelegd.data, programmalijnId: null, deadlines: [{ deadlineId: 'd1', omschrijving: 'Plan', deadline: q2 }] }, a),
    emits: ['AfspraakVastgelegd', 'DeadlineVastgelegd'],
  },
  { naam: 'partij toewijzen', given: [vastgelegd], when: (a) => cmd('WijsPartijToe', { partijId: 'sbb', rol: 'betrokken' }, a), emits: ['PartijToegewezen'] },
  { naam: 'partij verwijderen', given: [vastgelegd], when: (a) => cmd('VerwijderPartij', { partijId: 'ocw', reden: 'andere rol' }, a), emits: ['PartijVerwijderd'] },
  {
    naam: 'deadline vastleggen',
    given: [vastgelegd],
    when: (a) => cmd('LegDeadlineVast', { deadlineId: 'd2', omschrijving: 'Uitvoering', deadline: q4 }, a),
    emits: ['DeadlineVastgelegd'],
  },
  {
    naam: 'deadline verschuiven',
    given: [vastgelegd, deadlineD1],
    when: (a) => cmd('VerschuifDeadline', { deadlineId: 'd1', naar: q4, reden: 'later', besluitorgaan: 'BO', besluitdatum: null }, a),
    emits: ['DeadlineVerschoven'],
  },
  {
    naam: 'voortgang rapporteren',
    given: [vastgelegd],
    when: (a) => cmd('RapporteerVoortgang', { partijId: namensEigenPartij(a), percentage: 40, toelichting: 'bezig', bewijs: [] }, a),
    emits: ['VoortgangGerapporteerd'],
  },
  {
    naam: 'levering melden',
    given: [vastgelegd, deadlineD1],
    when: (a) => cmd('MeldLevering', { partijId: namensEigenPartij(a), deadlineIds: null, toelichting: 'klaar', bewijs: [] }, a),
    emits: ['LeveringGemeld'],
  },
  {
    naam: 'levering accepteren',
    given: [vastgelegd, deadlineD1, gemeld],
    when: (a) => cmd('AccepteerLevering', { deadlineIds: null, toelichting: '' }, a),
    emits: ['LeveringGeaccepteerd', 'AfspraakAfgerond'],
  },
  { naam: 'levering afwijzen', given: [vastgelegd, deadlineD1, gemeld], when: (a) => cmd('WijsLeveringAf', { deadlineIds: null, reden: 'onvolledig' }, a), emits: ['LeveringAfgewezen'] },
  { naam: 'intrekken', given: [vastgelegd], when: (a) => cmd('TrekAfspraakIn', { reden: 'opgegaan in A10' }, a), emits: ['AfspraakIngetrokken'] },
];

// The permission matrix of the README, as the domain enforces it ('ja' = allowed).
const rijen: [string, Actor, ('ja' | 'nee')[]][] = [
  //                                           vastl  toew   verw   dl+    dl>>   voortg meld   acc    afw    intr
  ['coördinator', coordinator, ['ja', 'ja', 'ja', 'ja', 'ja', 'ja', 'ja', 'ja', 'ja', 'ja']],
  ['coördinator van TAZ', coordinatorTaz, ['ja', 'ja', 'ja', 'ja', 'ja', 'ja', 'ja', 'ja', 'ja', 'ja']],
  ['coördinator van een ander programma', coordinatorAnder, ['nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee']],
  ['partij die trekker is', trekker, ['nee', 'nee', 'nee', 'nee', 'nee', 'ja', 'ja', 'nee', 'nee', 'nee']],
  ['partij die betrokken is', betrokkene, ['nee', 'nee', 'nee', 'nee', 'nee', 'ja', 'ja', 'nee', 'nee', 'nee']],
  ['partij die niet betrokken is', buitenstaander, ['nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee']],
  ['trekker met een sleutel van een ander programma', trekkerAnderProgramma, ['nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee']],
  ['auditor', auditor, ['nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee', 'nee']],
];

describe('Wie mag wat op een afspraak (de permissiematrix in het domein)', () => {
  for (const [wie, actor, mag] of rijen) {
    describe(`een ${wie}`, () => {
      acties.forEach((actie, i) => {
        if (mag[i] === 'ja') {
          it(`mag ${actie.naam}`, () => given(actie.given).when(actie.when(actor)).thenEmits(actie.emits));
        } else {
          it(`mag niet ${actie.naam}`, () => given(actie.given).when(actie.when(actor)).thenThrows(ForbiddenError));
        }
      });
    });
  }

  it('een partij meldt nooit namens een andere partij, ook niet als beide betrokken zijn', () =>
    given([vastgelegd, deadlineD1])
      .when(cmd('MeldLevering', { partijId: 'vws', deadlineIds: null, toelichting: 'klaar', bewijs: [] }, betrokkene))
      .thenThrows(ForbiddenError, (e) => expect((e as ForbiddenError).code).toBe('ANDERE_PARTIJ')));

  it('noemt het programma van de sleutel als het een ander is', () =>
    given([vastgelegd]).when(cmd('TrekAfspraakIn', { reden: 'x' }, coordinatorAnder)).thenThrows(ForbiddenError, (e) => {
      expect((e as ForbiddenError).code).toBe('ANDER_PROGRAMMA');
      expect(e.message).toContain('ANDER');
    }));

  it('een onbekende afspraak blijft onbekend, ook voor een coördinator van een ander programma', () =>
    given([]).when(cmd('TrekAfspraakIn', { reden: 'x' }, coordinatorAnder)).thenThrows(NotFoundError));
});

describe('Een programma wijzigen', () => {
  const vastgelegdProgramma: ProgrammaEvent = {
    type: 'ProgrammaVastgelegd',
    data: { programmaId: 'TAZ', naam: 'TAZ', eigenaar: 'vws', bron: '', vastgelegdOp: NU },
  };
  const plan = (actor: Actor): ProgrammaCommand => ({ type: 'PlanBestuurlijkOverleg', data: { datum: '2023-06-20' }, metadata: { now: NU, actor } });
  const legVast = (actor: Actor, programmaId: string): ProgrammaCommand => ({
    type: 'LegProgrammaVast',
    data: { programmaId, naam: 'Nieuw', eigenaar: 'vws', bron: '' },
    metadata: { now: NU, actor },
  });

  it('mag de coördinator van dat programma', () => givenProgramma([vastgelegdProgramma]).when(plan(coordinatorTaz)).thenEmits(['BestuurlijkOverlegGepland']));
  it('mag de coördinator van een ander programma niet', () => givenProgramma([vastgelegdProgramma]).when(plan(coordinatorAnder)).thenThrows(ForbiddenError));
  it('een coördinator met een programma legt geen ander programma vast', () => givenProgramma([]).when(legVast(coordinatorTaz, 'ANDER')).thenThrows(ForbiddenError));
  it('een coördinator met een programma legt dat programma wel vast', () => givenProgramma([]).when(legVast(coordinatorTaz, 'TAZ')).thenEmits(['ProgrammaVastgelegd']));
  it('een partij of auditor wijzigt nooit een programma', () => {
    givenProgramma([vastgelegdProgramma]).when(plan(trekker)).thenThrows(ForbiddenError);
    givenProgramma([vastgelegdProgramma]).when(plan(auditor)).thenThrows(ForbiddenError);
  });
});

describe('Wie mag een afspraak lezen', () => {
  const afspraak = fold(evolve, initialAfspraak, [vastgelegd]) as BestaandeAfspraak;
  const gevallen: [string, Actor, boolean][] = [
    ['een coördinator', coordinator, true],
    ['een coördinator van dat programma', coordinatorTaz, true],
    ['een coördinator van een ander programma', coordinatorAnder, false],
    ['een auditor', auditor, true],
    ['een auditor van een ander programma', auditorAnder, false],
    ['de trekker', trekker, true],
    ['een betrokkene', betrokkene, true],
    ['een niet-betrokken partij zonder programma', buitenstaander, false],
    ['een niet-betrokken partij met dit programma (het programma beperkt, het verruimt niet)', buitenstaanderTaz, false],
    ['de trekker met een sleutel van dit programma', { ...trekker, programmaId: 'TAZ' }, true],
    ['een partij zonder organisatie', { id: 'x', rol: 'partij' }, false],
    ['de trekker met een sleutel van een ander programma', trekkerAnderProgramma, false],
  ];
  for (const [wie, actor, mag] of gevallen) {
    it(`${wie}: ${mag ? 'ja' : 'nee'}`, () => {
      expect(magAfspraakLezen(actor, afspraak)).toBe(mag);
      if (mag) expect(() => vereisLeesrechtAfspraak(actor, afspraak)).not.toThrow();
      else expect(() => vereisLeesrechtAfspraak(actor, afspraak)).toThrow(ForbiddenError);
    });
  }
});

describe('Het leesbereik dat lijsten in hun query toepassen', () => {
  it('is voor een coördinator zonder programma onbeperkt', () => expect(leesbereik(coordinator)).toEqual({ programmaId: null, partijId: null }));
  it('houdt een auditor binnen zijn programma', () => expect(leesbereik(auditorAnder)).toEqual({ programmaId: 'ANDER', partijId: null }));
  it('houdt een partij bij haar eigen afspraken, ook met een programma', () => expect(leesbereik(buitenstaanderTaz)).toEqual({ programmaId: 'TAZ', partijId: 'sbb' }));
  it('zegt hetzelfde als magAfspraakLezen', () => {
    const afspraak = { programmaId: 'TAZ', trekker: 'vws', betrokken: ['ocw'] };
    for (const actor of [coordinator, coordinatorTaz, coordinatorAnder, trekker, betrokkene, buitenstaander, buitenstaanderTaz, auditor, auditorAnder]) {
      expect(binnenLeesbereik(leesbereik(actor), afspraak)).toBe(magAfspraakLezen(actor, afspraak));
    }
  });
});
