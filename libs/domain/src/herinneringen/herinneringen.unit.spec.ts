import { evolve, initialAfspraak, type AfspraakEvent } from '../afspraak/afspraak';
import type { Deadline } from '../deadlines/deadline';
import { ValidationError } from '../shared/errors';
import { fold } from '../shared/event';
import { STANDAARD_BELEID, controleerBeleid } from './beleid';
import { berekenLadder, momentVan } from './ladder';
import {
  HERINNERING_NIET_VERSTUURD,
  HERINNERING_VERSTUURD,
  HERINNERING_VERZENDING_GESTART,
  beslisVerzending,
  verzendlog,
  type HerinneringEvent,
  type Verzending,
} from './verzending';
import { beslisBijAfloop, gewensteHerinneringen, reageer, type ProgrammaContext, type WorkflowActie } from './workflow';
import { isoWeek, weekoverzicht } from './overzicht';
import { NU, Q2_2023, Q4_2023, afspraakVastgelegd, deadlineVastgelegd, leveringGemeld } from '../testing/voorbeelden';

const q2 = Q2_2023;
const q4 = Q4_2023;
const vaag: Deadline = { ...q2, phrase: 'de komende jaren', kind: 'vaag', start: null, end: null, due: null, dueAt: null };

const TAZ: ProgrammaContext = { programmaId: 'TAZ', beleid: STANDAARD_BELEID, bestuurlijkOverleggen: ['2023-06-15', '2023-09-14'], eigenaar: 'vws' };

const vastgelegd = afspraakVastgelegd({ afspraakId: 'A9', programmalijnId: null, opgaveId: null, titel: 'Werkgevers versterken', tekst: '…', bronCitaat: '…' });
const deadline = (d: Deadline = q2): AfspraakEvent => deadlineVastgelegd({ afspraakId: 'A9', deadline: d });
const verschoven: AfspraakEvent = {
  type: 'DeadlineVerschoven',
  data: { afspraakId: 'A9', deadlineId: 'd1', van: q2, naar: q4, reden: 'later', besluitorgaan: 'BO', besluitdatum: null, verschovenOp: NU },
};
const gemeld = leveringGemeld({ afspraakId: 'A9', toelichting: 'klaar' });
const afgewezen: AfspraakEvent = { type: 'LeveringAfgewezen', data: { afspraakId: 'A9', deadlineIds: ['d1'], reden: 'onvolledig', afgewezenOp: NU } };
const ingetrokken: AfspraakEvent = { type: 'AfspraakIngetrokken', data: { afspraakId: 'A9', reden: 'vervallen', ingetrokkenOp: NU } };

/** given(afspraak events).when(event).then(workflow actions), with the programme context fixed. */
const given = (events: AfspraakEvent[], context = TAZ, nu = NU) => ({
  when: (event: AfspraakEvent) => {
    const voor = fold(evolve, initialAfspraak, events);
    return reageer({ afspraak: voor, context }, { afspraak: evolve(voor, event), context }, nu);
  },
});
const samengevat = (acties: WorkflowActie[]) =>
  acties.map((a) => (a.soort === 'plan' ? `plan ${a.herinnering.herinneringId} ${a.herinnering.datum}` : `annuleer ${a.herinneringId} (${a.reden})`));

describe('De herinneringsladder', () => {
  it('geeft 90/30/7 dagen vooraf, de dag zelf, +1 werkdag en het eerstvolgende Bestuurlijk Overleg na 30 dagen', () => {
    expect(berekenLadder('2023-06-30', STANDAARD_BELEID, ['2023-06-15', '2023-09-14', '2023-12-07'])).toEqual([
      // 1 April 2023 is a Saturday: the reminder goes out on the Friday before.
      { trede: 'voor-90', datum: '2023-03-31', doelgroep: 'partijen', overlegDatum: null },
      { trede: 'voor-30', datum: '2023-05-31', doelgroep: 'partijen', overlegDatum: null },
      { trede: 'voor-7', datum: '2023-06-23', doelgroep: 'partijen', overlegDatum: null },
      { trede: 'op-deadline', datum: '2023-06-30', doelgroep: 'partijen', overlegDatum: null },
      // Friday + 1 working day is Monday.
      { trede: 'escalatie-coordinator', datum: '2023-07-03', doelgroep: 'coordinator', overlegDatum: null },
      // +30 days is Sunday 30 July, so Monday 31 July; the next meeting after it is 14 September.
      { trede: 'bestuurlijk-overleg', datum: '2023-07-31', doelgroep: 'coordinator', overlegDatum: '2023-09-14' },
    ]);
  });

  it('zet een herinnering op een feestdag naar de werkdag ervoor (Hemelvaartsdag 2024)', () => {
    const ladder = berekenLadder('2024-05-16', STANDAARD_BELEID, []);
    expect(ladder.find((t) => t.trede === 'voor-7')?.datum).toBe('2024-05-08');
  });

  it('heeft geen Bestuurlijk-Overleg-trede zolang er geen overleg gepland is', () => {
    expect(berekenLadder('2023-06-30', STANDAARD_BELEID, ['2023-06-15']).map((t) => t.trede)).not.toContain('bestuurlijk-overleg');
  });

  it('verstuurt om 9 uur Amsterdamse tijd, ook in de wintertijd', () => {
    expect(momentVan('2023-03-24', 9)).toBe('2023-03-24T08:00:00.000Z');
    expect(momentVan('2023-03-31', 9)).toBe('2023-03-31T07:00:00.000Z');
  });

  it('weigert een beleid met een ongeldig getal en noemt het veld', () => {
    expect(() => controleerBeleid({ ...STANDAARD_BELEID, dagenVoor: [30, -1] })).toThrow(ValidationError);
    try {
      controleerBeleid({ ...STANDAARD_BELEID, uur: 25 });
    } catch (error) {
      expect((error as ValidationError).field).toBe('uur');
    }
  });
});

describe('De herinneringsworkflow', () => {
  it('plant de hele ladder zodra een deadline wordt vastgelegd', () => {
    expect(samengevat(given([vastgelegd]).when(deadline()))).toEqual([
      'plan herinnering-A9-d1-v0-voor-90 2023-03-31',
      'plan herinnering-A9-d1-v0-voor-30 2023-05-31',
      'plan herinnering-A9-d1-v0-voor-7 2023-06-23',
      'plan herinnering-A9-d1-v0-op-deadline 2023-06-30',
      'plan herinnering-A9-d1-v0-escalatie-coordinator 2023-07-03',
      'plan herinnering-A9-d1-v0-bestuurlijk-overleg 2023-07-31',
    ]);
  });

  it('is stil bij een deadline zonder datum', () => {
    expect(given([vastgelegd]).when(deadline(vaag))).toEqual([]);
  });

  it('vervangt bij een verschoven deadline de oude herinneringen door nieuwe', () => {
    const acties = samengevat(given([vastgelegd, deadline()]).when(verschoven));
    expect(acties.filter((a) => a.startsWith('annuleer'))).toHaveLength(6);
    expect(acties).toContain('annuleer herinnering-A9-d1-v0-voor-90 (deadline verschoven)');
    // Q4 2023 has no meeting 30 days after it yet: no Bestuurlijk-Overleg rung.
    expect(acties.filter((a) => a.startsWith('plan'))).toEqual([
      'plan herinnering-A9-d1-v1-voor-90 2023-10-02',
      'plan herinnering-A9-d1-v1-voor-30 2023-12-01',
      'plan herinnering-A9-d1-v1-voor-7 2023-12-22',
      'plan herinnering-A9-d1-v1-op-deadline 2023-12-29',
      'plan herinnering-A9-d1-v1-escalatie-coordinator 2024-01-02',
    ]);
  });

  it('annuleert alles bij een gemelde levering, en plant opnieuw bij een afwijzing', () => {
    expect(samengevat(given([vastgelegd, deadline()]).when(gemeld))).toContain('annuleer herinnering-A9-d1-v0-voor-7 (mijlpaal geleverd)');
    expect(given([vastgelegd, deadline()]).when(gemeld).every((a) => a.soort === 'annuleer')).toBe(true);
    expect(given([vastgelegd, deadline(), gemeld]).when(afgewezen).filter((a) => a.soort === 'plan')).toHaveLength(6);
  });

  it('annuleert alles bij intrekken', () => {
    const acties = given([vastgelegd, deadline()]).when(ingetrokken);
    expect(acties).toHaveLength(6);
    expect(acties.every((a) => a.soort === 'annuleer' && a.reden === 'afspraak ingetrokken')).toBe(true);
  });

  it('plant geen treden die langer dan het inhaalvenster geleden zijn (geen vloed bij een oude import)', () => {
    const afspraak = fold(evolve, initialAfspraak, [vastgelegd, deadline()]);
    // 5 July minus 7 days is 28 June: the reminder of 23 June is dropped, the due date's is caught up.
    expect(gewensteHerinneringen(afspraak, TAZ, '2023-07-05T12:00:00.000Z').map((h) => h.trede)).toEqual([
      'op-deadline',
      'escalatie-coordinator',
      'bestuurlijk-overleg',
    ]);
  });

  it('bij afloop: verstuurt naar trekker en betrokkenen, escaleert naar de eigenaar, en negeert een verouderde taak', () => {
    const afspraak = fold(evolve, initialAfspraak, [vastgelegd, deadline()]);
    const [voor90, , , , escalatie] = gewensteHerinneringen(afspraak, TAZ, NU);
    expect(beslisBijAfloop(voor90, afspraak, TAZ)).toMatchObject({ soort: 'verstuur', partijen: ['vws', 'ocw'] });
    expect(beslisBijAfloop(escalatie, afspraak, TAZ)).toMatchObject({ soort: 'verstuur', partijen: ['vws'] });
    const verschovenAfspraak = evolve(afspraak, verschoven);
    expect(beslisBijAfloop(voor90, verschovenAfspraak, TAZ)).toEqual({ soort: 'negeer', reden: 'deadline verschoven' });
    expect(beslisBijAfloop(voor90, evolve(afspraak, gemeld), TAZ)).toEqual({ soort: 'negeer', reden: 'mijlpaal geleverd' });
  });
});

describe('Het verzendprotocol', () => {
  const verzending: Verzending = {
    verzendingId: 'h1.vws.c1', herinneringId: 'h1', afspraakId: 'A9', deadlineId: 'd1', trede: 'voor-7', partijId: 'vws', contactId: 'c1', kanaal: 'email',
  };
  const claim = (poging: number, token = 'x'): HerinneringEvent => ({
    type: HERINNERING_VERZENDING_GESTART, data: { ...verzending, poging, claim: token, gestartOp: NU },
  });
  const verstuurd: HerinneringEvent = { type: HERINNERING_VERSTUURD, data: { ...verzending, poging: 0, berichtId: 'm1', verstuurdOp: NU } };
  const nietVerstuurd = (poging: number, definitief: boolean): HerinneringEvent => ({
    type: HERINNERING_NIET_VERSTUURD, data: { ...verzending, poging, reden: '503', definitief, misluktOp: NU },
  });
  const besluit = (events: HerinneringEvent[]) => beslisVerzending(verzendlog(events), 'h1.vws.c1');

  it('claimt een nieuwe verzending', () => expect(besluit([])).toEqual({ soort: 'claim', poging: 0 }));
  it('verstuurt een bevestigde verzending nooit opnieuw', () => expect(besluit([claim(0), verstuurd])).toEqual({ soort: 'klaar', reden: 'al verstuurd' }));
  it('meldt een claim zonder bevestiging als onbevestigd in overzichten (zonder tijdstip)', () =>
    expect(besluit([claim(0)])).toEqual({ soort: 'klaar', reden: 'onbevestigd' }));
  it('mag na een tijdelijke fout een volgende poging claimen', () => expect(besluit([claim(0), nietVerstuurd(0, false)])).toEqual({ soort: 'claim', poging: 1 }));
  it('stopt na een definitieve fout', () => expect(besluit([claim(0), nietVerstuurd(0, true)])).toEqual({ soort: 'klaar', reden: 'definitief mislukt' }));
  it('wacht op een jonge claim van een andere verzender', () => {
    const nu = new Date(Date.parse(NU) + 30_000).toISOString();
    expect(beslisVerzending(verzendlog([claim(0)]), 'h1.vws.c1', nu)).toEqual({ soort: 'wacht', tot: new Date(Date.parse(NU) + 60_000).toISOString() });
  });
  it('neemt een verlopen claim (verzender gestorven) over met de volgende poging', () => {
    const nu = new Date(Date.parse(NU) + 60_000).toISOString();
    expect(beslisVerzending(verzendlog([claim(0)]), 'h1.vws.c1', nu)).toEqual({ soort: 'claim', poging: 1 });
    expect(verzendlog([claim(0, 'dood'), claim(1, 'opvolger')]).get('h1.vws.c1')).toMatchObject({ status: 'geclaimd', poging: 1, claim: 'opvolger' });
    expect(verzendlog([claim(0, 'dood'), claim(1, 'opvolger'), claim(1, 'te laat')]).get('h1.vws.c1')).toMatchObject({ claim: 'opvolger' });
  });
  it('houdt de eerste claim van een poging: de tweede claimant verliest', () => {
    expect(verzendlog([claim(0, 'eerste'), claim(0, 'tweede')]).get('h1.vws.c1')).toMatchObject({ status: 'geclaimd', claim: 'eerste' });
  });
});

describe('Het weekoverzicht', () => {
  const tweede: AfspraakEvent = { type: 'DeadlineVastgelegd', data: { afspraakId: 'A9', deadlineId: 'd2', omschrijving: 'Eerste resultaten', deadline: { ...q2, due: '2023-04-15' }, vastgelegdOp: NU } };
  const afspraak = fold(evolve, initialAfspraak, [vastgelegd, deadline(), tweede]);

  it('noemt de open mijlpalen van de partij, de eerstvolgende eerst', () =>
    expect(weekoverzicht([afspraak], 'ocw', '2023-04-03').map((r) => `${r.deadlineId} ${r.due} ${r.rol}`)).toEqual(['d2 2023-04-15 betrokken', 'd1 2023-06-30 betrokken']));
  it('is leeg voor een partij zonder afspraken en voor geleverde mijlpalen', () => {
    expect(weekoverzicht([afspraak], 'szw', '2023-04-03')).toEqual([]);
    expect(weekoverzicht([evolve(afspraak, gemeld)], 'vws', '2023-04-03').map((r) => r.deadlineId)).toEqual(['d2']);
  });
  it('laat mijlpalen buiten de horizon weg', () => expect(weekoverzicht([afspraak], 'vws', '2023-01-02', 30)).toEqual([]));
  it('kent ISO-weken, ook rond de jaarwisseling', () => {
    expect(isoWeek('2023-04-03')).toBe('2023-W14');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
});
