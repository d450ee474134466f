import type { AfspraakEvent } from '../afspraak/afspraak';
import type { Deadline } from '../deadlines/deadline';

/*
 * The sample afspraak the decider, access and reminder specs start from. Each spec overrides what
 * it is about; written out here rather than parsed, so the deciders' specs do not lean on the parser.
 */

export const NU = '2023-03-01T09:00:00.000Z';

export const Q2_2023: Deadline = {
  phrase: 'uiterlijk Q2 2023',
  kind: 'uiterlijk',
  start: '2023-04-01',
  end: '2023-06-30',
  due: '2023-06-30',
  dueAt: '2023-06-30T22:00:00.000Z',
  recurrence: null,
  relativeTo: null,
};

export const Q4_2023: Deadline = { ...Q2_2023, phrase: 'uiterlijk Q4 2023', start: '2023-10-01', end: '2023-12-31', due: '2023-12-31', dueAt: '2023-12-31T23:00:00.000Z' };

type Data<T extends AfspraakEvent['type']> = Extract<AfspraakEvent, { type: T }>['data'];

export const afspraakVastgelegd = (data: Partial<Data<'AfspraakVastgelegd'>> = {}): AfspraakEvent => ({
  type: 'AfspraakVastgelegd',
  data: {
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
    vastgelegdOp: NU,
    ...data,
  },
});

export const deadlineVastgelegd = (data: Partial<Data<'DeadlineVastgelegd'>> = {}): AfspraakEvent => ({
  type: 'DeadlineVastgelegd',
  data: { afspraakId: 'TAZ-A09', deadlineId: 'd1', omschrijving: 'Plan van aanpak', deadline: Q2_2023, vastgelegdOp: NU, ...data },
});

export const leveringGemeld = (data: Partial<Data<'LeveringGemeld'>> = {}): AfspraakEvent => ({
  type: 'LeveringGemeld',
  data: { afspraakId: 'TAZ-A09', partijId: 'vws', deadlineIds: ['d1'], toelichting: 'Plan ligt er', bewijs: [], gemeldOp: NU, ...data },
});
