import { parseDeadline } from '../deadlines/parse';
import { afspraakStatus } from '../status/afspraak-status';
import { ForbiddenError, IllegalStateError, ValidationError } from '../shared/errors';
import type { Actor } from '../shared/event';
import { fold } from '../shared/event';
import { DeciderSpecification } from '../testing/decider-specification';
import { NU, afspraakVastgelegd, deadlineVastgelegd } from '../testing/voorbeelden';
import { evolve, initialAfspraak, type AfspraakEvent, type BestaandeAfspraak } from './afspraak';
import { afspraakDecider, type LegAnkerVast } from './decide';

const given = DeciderSpecification.for(afspraakDecider);
const coordinator: Actor = { id: 'coord-1', rol: 'coordinator' };
const namensVws: Actor = { id: 'jan@vws', rol: 'partij', partijId: 'vws' };

const binnenDrieMaanden = parseDeadline('binnen drie maanden na vaststelling');
const vastgelegd = afspraakVastgelegd();
const relatiefD1 = deadlineVastgelegd({ deadline: binnenDrieMaanden });
const gedateerdD2 = deadlineVastgelegd({ deadlineId: 'd2', deadline: parseDeadline('uiterlijk Q4 2023') });

const legAnkerVast = (anker: string, datum: string, actor: Actor = coordinator): LegAnkerVast => ({ type: 'LegAnkerVast', data: { anker, datum }, metadata: { now: NU, actor } });

const ankerVastgelegd: AfspraakEvent = {
  type: 'AnkerVastgelegd',
  data: { afspraakId: 'TAZ-A09', anker: 'vaststelling', datum: '2023-03-01', deadlineIds: ['d1'], vastgelegdOp: NU },
};

describe('Een anker vastleggen (de gebeurtenis waar een relatieve deadline op wacht)', () => {
  it('legt de datum vast voor de mijlpalen die op dat anker wachten', () =>
    given([vastgelegd, relatiefD1, gedateerdD2]).when(legAnkerVast('Vaststelling', '2023-03-01')).then([ankerVastgelegd]));

  it('weigert een anker dat bij de afspraak niet voorkomt, en noemt het', () =>
    given([vastgelegd, relatiefD1])
      .when(legAnkerVast('diplomering', '2023-03-01'))
      .thenThrows(ValidationError, (e) => expect(e).toMatchObject({ code: 'ANKER_ONBEKEND', field: 'anker', message: expect.stringContaining('"diplomering"') })));

  it('weigert een datum die niet bestaat', () =>
    given([vastgelegd, relatiefD1]).when(legAnkerVast('vaststelling', '2023-02-30')).thenThrows(ValidationError, (e) => expect(e).toMatchObject({ field: 'datum' })));

  it('weigert een tweede datum: dat is een herplanning, met reden', () =>
    given([vastgelegd, relatiefD1, ankerVastgelegd]).when(legAnkerVast('vaststelling', '2023-04-01')).thenThrows(IllegalStateError));

  it('mag alleen door een coördinator', () =>
    given([vastgelegd, relatiefD1]).when(legAnkerVast('vaststelling', '2023-03-01', namensVws)).thenThrows(ForbiddenError));

  it('daarna heeft de mijlpaal een due date en een status als elke andere', () => {
    const afspraak = fold(evolve, initialAfspraak, [vastgelegd, relatiefD1, ankerVastgelegd]) as BestaandeAfspraak;
    expect(afspraak.mijlpalen[0].deadline).toMatchObject({ start: '2023-03-01', end: '2023-06-01', due: '2023-06-01', dueAt: '2023-06-01T22:00:00.000Z', ankerdatum: '2023-03-01' });
    expect(afspraak.mijlpalen[0].baseline.due).toBe('2023-06-01');
    expect(afspraakStatus(afspraak, { peilmoment: '2023-05-15T08:00:00.000Z', binnenkortDagen: 30 }).status).toBe('binnenkort');
    const ervoor = fold(evolve, initialAfspraak, [vastgelegd, relatiefD1]) as BestaandeAfspraak;
    expect(afspraakStatus(ervoor, { peilmoment: '2023-05-15T08:00:00.000Z', binnenkortDagen: 30 }).status).toBe('wacht op anker');
  });
});

describe('Een herhaling zonder einde als deadline', () => {
  it('wordt geweigerd met het veld: er komt geen einde aan haar voorkomens', () =>
    given([vastgelegd])
      .when({ type: 'LegDeadlineVast', data: { deadlineId: 'd3', omschrijving: 'Bestuurlijk Overleg', deadline: parseDeadline('eens per kwartaal') }, metadata: { now: NU, actor: coordinator } })
      .thenThrows(ValidationError, (e) => expect(e).toMatchObject({ code: 'HERHALING_ZONDER_EINDE', field: 'deadline' })));

  it('met een einde wordt vastgelegd', () =>
    given([vastgelegd])
      .when({ type: 'LegDeadlineVast', data: { deadlineId: 'd3', omschrijving: 'Bestuurlijk Overleg', deadline: parseDeadline('eens per kwartaal tot eind 2025') }, metadata: { now: NU, actor: coordinator } })
      .then([deadlineVastgelegd({ deadlineId: 'd3', omschrijving: 'Bestuurlijk Overleg', deadline: parseDeadline('eens per kwartaal tot eind 2025') })]));
});
