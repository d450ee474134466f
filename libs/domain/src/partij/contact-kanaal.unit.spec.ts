import { ValidationError } from '../shared/errors';
import type { Actor } from '../shared/event';
import { DeciderSpecification } from '../testing/decider-specification';
import { partijDecider, type PartijCommand, type PartijEvent } from './partij';
import { STANDAARD_BELEID } from '../herinneringen/beleid';
import { programmaDecider, type ProgrammaCommand, type ProgrammaEvent } from '../programma/programma';

const NU = '2023-03-01T09:00:00.000Z';
const coordinator: Actor = { id: 'coord-1', rol: 'coordinator' };
const givenPartij = DeciderSpecification.for(partijDecider);
const givenProgramma = DeciderSpecification.for(programmaDecider);

const vastgelegd: PartijEvent = { type: 'PartijVastgelegd', data: { partijId: 'vws', naam: 'VWS', soort: 'ministerie', aliassen: [], vastgelegdOp: NU } };
const voegToe = (data: Partial<Extract<PartijCommand, { type: 'VoegContactToe' }>['data']>): PartijCommand => ({
  type: 'VoegContactToe',
  data: { contactId: 'c1', naam: 'Jan', email: 'jan@vws.nl', functie: null, ...data },
  metadata: { now: NU, actor: coordinator },
});

describe('Een contact met een kanaal', () => {
  it('krijgt standaard e-mail, per herinnering', () =>
    givenPartij([vastgelegd]).when(voegToe({})).then([
      {
        type: 'ContactToegevoegd',
        data: { partijId: 'vws', toegevoegdOp: NU, contact: { contactId: 'c1', naam: 'Jan', email: 'jan@vws.nl', functie: null, kanaal: 'email', webhookUrl: null, wekelijksOverzicht: false } },
      },
    ]));

  it('kan een webhook met een wekelijks overzicht krijgen', () =>
    givenPartij([vastgelegd]).when(voegToe({ kanaal: 'webhook', webhookUrl: 'https://vws.example/hook', wekelijksOverzicht: true })).then([
      {
        type: 'ContactToegevoegd',
        data: {
          partijId: 'vws',
          toegevoegdOp: NU,
          contact: { contactId: 'c1', naam: 'Jan', email: 'jan@vws.nl', functie: null, kanaal: 'webhook', webhookUrl: 'https://vws.example/hook', wekelijksOverzicht: true },
        },
      },
    ]));

  it('weigert een webhook zonder URL en noemt het veld', () =>
    givenPartij([vastgelegd]).when(voegToe({ kanaal: 'webhook' })).thenThrows(ValidationError, (e) => expect((e as ValidationError).field).toBe('webhookUrl')));

  // A contact stored before channels existed: see partij-upcasters.unit.spec.ts.
});

describe('Het herinneringsbeleid van een programma', () => {
  const programma: ProgrammaEvent = { type: 'ProgrammaVastgelegd', data: { programmaId: 'TAZ', naam: 'TAZ', eigenaar: 'vws', bron: '', vastgelegdOp: NU } };
  const stelVast = (beleid = STANDAARD_BELEID): ProgrammaCommand => ({ type: 'StelHerinneringsbeleidVast', data: { beleid }, metadata: { now: NU, actor: coordinator } });
  const vastgesteld: ProgrammaEvent = {
    type: 'HerinneringsbeleidVastgesteld',
    data: { programmaId: 'TAZ', beleid: { ...STANDAARD_BELEID, dagenVoor: [60, 14] }, vastgesteldOp: NU },
  };

  it('wordt vastgesteld, met de dagen vooraf van ver naar dichtbij', () =>
    givenProgramma([programma]).when(stelVast({ ...STANDAARD_BELEID, dagenVoor: [14, 60, 14] })).then([vastgesteld]));
  it('schrijft niets als het gelijk blijft', () => givenProgramma([programma, vastgesteld]).when(stelVast({ ...STANDAARD_BELEID, dagenVoor: [60, 14] })).thenNothingHappens());
  it('weigert een ongeldig uur', () => givenProgramma([programma]).when(stelVast({ ...STANDAARD_BELEID, uur: 24 })).thenThrows(ValidationError));
});
