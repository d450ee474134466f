import type { Deadline } from '../deadlines/deadline';
import { leesDatum } from '../deadlines/kalenderdatum';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import type { Actor, Command, Decider } from '../shared/event';
import { assertId } from '../shared/ids';
import { vereisProgramma } from '../toegang/programma-scope';
import {
  afspraakUpcasters,
  AFSPRAAK_AFGEROND,
  AFSPRAAK_HEROPEND,
  AFSPRAAK_INGETROKKEN,
  AFSPRAAK_VASTGELEGD,
  ANKER_VASTGELEGD,
  DEADLINE_VASTGELEGD,
  DEADLINE_VERSCHOVEN,
  LEVERING_AFGEWEZEN,
  LEVERING_GEACCEPTEERD,
  LEVERING_GEMELD,
  PARTIJ_TOEGEWEZEN,
  PARTIJ_VERWIJDERD,
  VOORTGANG_GERAPPORTEERD,
  evolve,
  initialAfspraak,
  isBetrokkenPartij,
  type Afspraak,
  type AfspraakEvent,
  type AfspraakSoort,
  type BestaandeAfspraak,
  type Bewijs,
  type Levering,
  type Niveau,
  type PartijRol,
} from './afspraak';

export type NieuweDeadline = { deadlineId: string; omschrijving: string; deadline: Deadline };

export type LegAfspraakVast = Command<
  'LegAfspraakVast',
  {
    afspraakId: string;
    soort: AfspraakSoort;
    programmaId: string;
    programmalijnId: string | null;
    opgaveId: string | null;
    nummer: string | null;
    niveau: Niveau | null;
    titel: string;
    tekst: string;
    bronCitaat: string;
    trekker: string;
    betrokken: string[];
    deadlines: NieuweDeadline[];
    /** Only for an actie: the actie it is a sub-action of. */
    ouder?: string | null;
    /** Only for an actie: the afspraken it serves. */
    dientAfspraken?: string[];
  }
>;
export type WijsPartijToe = Command<'WijsPartijToe', { partijId: string; rol: PartijRol }>;
export type VerwijderPartij = Command<'VerwijderPartij', { partijId: string; reden: string }>;
export type LegDeadlineVast = Command<'LegDeadlineVast', NieuweDeadline>;
export type VerschuifDeadline = Command<
  'VerschuifDeadline',
  { deadlineId: string; naar: Deadline; reden: string; besluitorgaan: string; besluitdatum: string | null }
>;
export type RapporteerVoortgang = Command<
  'RapporteerVoortgang',
  { partijId: string; percentage: number; toelichting: string; bewijs: Bewijs[] }
>;
export type MeldLevering = Command<
  'MeldLevering',
  { partijId: string; deadlineIds: string[] | null; toelichting: string; bewijs: Bewijs[] }
>;
export type AccepteerLevering = Command<'AccepteerLevering', { deadlineIds: string[] | null; toelichting: string }>;
export type WijsLeveringAf = Command<'WijsLeveringAf', { deadlineIds: string[] | null; reden: string }>;
export type TrekAfspraakIn = Command<'TrekAfspraakIn', { reden: string }>;
export type HeropenAfspraak = Command<'HeropenAfspraak', { reden: string }>;
/** Records the day the event a relative deadline counts from happened ("vaststelling" on 2023-03-01). */
export type LegAnkerVast = Command<'LegAnkerVast', { anker: string; datum: string }>;

export type AfspraakCommand =
  | LegAfspraakVast
  | WijsPartijToe
  | VerwijderPartij
  | LegDeadlineVast
  | VerschuifDeadline
  | RapporteerVoortgang
  | MeldLevering
  | AccepteerLevering
  | WijsLeveringAf
  | TrekAfspraakIn
  | HeropenAfspraak
  | LegAnkerVast;

// ---------------------------------------------------------------------------------------------
// Guards

const vereisCoordinator = (actor: Actor, wat: string): void => {
  if (actor.rol !== 'coordinator' && actor.rol !== 'systeem') {
    throw new ForbiddenError('ALLEEN_COORDINATOR', `Alleen een programmacoördinator mag ${wat}`);
  }
};

/** A party acts only for its own organisation, and only on afspraken it is part of. */
const vereisPartijOfCoordinator = (actor: Actor, afspraak: BestaandeAfspraak, partijId: string, wat: string): void => {
  if (actor.rol === 'coordinator' || actor.rol === 'systeem') return;
  if (actor.rol !== 'partij') {
    throw new ForbiddenError('ROL_MAG_NIET_SCHRIJVEN', `De rol ${actor.rol} mag geen ${wat}`);
  }
  if (actor.partijId !== partijId) {
    throw new ForbiddenError('ANDERE_PARTIJ', `U mag alleen namens uw eigen organisatie (${actor.partijId ?? 'onbekend'}) ${wat}`);
  }
  if (!isBetrokkenPartij(afspraak, partijId)) {
    throw new ForbiddenError('NIET_BETROKKEN', `Partij ${partijId} is geen trekker of betrokkene van ${afspraak.afspraakId}`);
  }
};

const bestaand = (state: Afspraak): BestaandeAfspraak => {
  if (state.status === 'onbekend') throw new NotFoundError('AFSPRAAK_ONBEKEND', 'Deze afspraak is niet vastgelegd');
  return state;
};

const lopend = (state: Afspraak, wat: string): BestaandeAfspraak & { status: 'lopend' } => {
  const afspraak = bestaand(state);
  if (afspraak.status !== 'lopend') {
    throw new IllegalStateError('AFSPRAAK_NIET_LOPEND', `Kan niet ${wat}: de afspraak is ${afspraak.status}`);
  }
  return afspraak;
};

const tekst = (value: string, field: string, max = 20_000): string => {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new ValidationError('VERPLICHT', `${field} is verplicht`, field);
  if (trimmed.length > max) throw new ValidationError('TE_LANG', `${field} mag hoogstens ${max} tekens zijn`, field);
  return trimmed;
};

const bewijsLijst = (bewijs: readonly Bewijs[]): Bewijs[] =>
  bewijs.map((b, i) => {
    const field = `bewijs[${i}].url`;
    let url: URL;
    try {
      url = new URL(b.url);
    } catch {
      throw new ValidationError('ONGELDIGE_URL', `${field} is geen geldige URL`, field);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ValidationError('ONGELDIGE_URL', `${field} moet met http:// of https:// beginnen`, field);
    }
    return { url: url.toString(), titel: tekst(b.titel, `bewijs[${i}].titel`, 500) };
  });

const controleerDeadline = (d: Deadline, field: string): void => {
  if (d.phrase.trim().length === 0) throw new ValidationError('VERPLICHT', `${field}.phrase is verplicht`, field);
  // A rule with no end yields no list of occurrences nobody can finish: the coordinator names the end.
  if (d.kind === 'terugkerend' && d.end === null) {
    throw new ValidationError('HERHALING_ZONDER_EINDE', `${field}: "${d.phrase}" is een herhaling zonder einde; noem tot wanneer (bijv. "eens per kwartaal tot eind 2025")`, field);
  }
  if (d.start && d.end && d.start > d.end) {
    throw new ValidationError('ONGELDIGE_DEADLINE', `${field}: begin ligt na het einde`, field);
  }
};

/** Milestones a delivery command applies to: the named ones, or by default every one in `statussen`. */
const kiesMijlpalen = (
  afspraak: BestaandeAfspraak,
  deadlineIds: readonly string[] | null,
  statussen: readonly Levering['status'][],
  wat: string,
): string[] => {
  if (deadlineIds === null) {
    return afspraak.mijlpalen.filter((m) => statussen.includes(m.levering.status)).map((m) => m.deadlineId);
  }
  if (deadlineIds.length === 0) throw new ValidationError('VERPLICHT', 'deadlineIds mag niet leeg zijn', 'deadlineIds');
  if (new Set(deadlineIds).size !== deadlineIds.length) {
    throw new ValidationError('DUBBEL', 'deadlineIds bevat dubbele waarden', 'deadlineIds');
  }
  for (const id of deadlineIds) {
    const mijlpaal = afspraak.mijlpalen.find((m) => m.deadlineId === id);
    if (!mijlpaal) throw new NotFoundError('DEADLINE_ONBEKEND', `Deadline ${id} bestaat niet bij ${afspraak.afspraakId}`);
    if (!statussen.includes(mijlpaal.levering.status)) {
      throw new IllegalStateError('LEVERING_STATUS', `Kan deadline ${id} niet ${wat}: de levering is ${mijlpaal.levering.status}`);
    }
  }
  return [...deadlineIds];
};

// ---------------------------------------------------------------------------------------------
// Decisions

const legVast = ({ data, metadata }: LegAfspraakVast, state: Afspraak): AfspraakEvent[] => {
  vereisCoordinator(metadata.actor, 'afspraken vastleggen');
  if (state.status !== 'onbekend') {
    throw new IllegalStateError('AFSPRAAK_BESTAAT_AL', `Afspraak ${data.afspraakId} is al vastgelegd`);
  }
  assertId(data.afspraakId, 'afspraakId');
  assertId(data.programmaId, 'programmaId');
  assertId(data.trekker, 'trekker');
  data.betrokken.forEach((p, i) => assertId(p, `betrokken[${i}]`));
  if (data.betrokken.includes(data.trekker)) {
    throw new ValidationError('TREKKER_OOK_BETROKKEN', 'De trekker staat ook bij betrokken', 'betrokken');
  }
  if (new Set(data.betrokken).size !== data.betrokken.length) {
    throw new ValidationError('DUBBEL', 'betrokken bevat dubbele partijen', 'betrokken');
  }
  if (data.soort === 'afspraak' && data.niveau !== null) {
    throw new ValidationError('NIVEAU_ALLEEN_ACTIE', 'Alleen een actie uit de werkagenda heeft een niveau', 'niveau');
  }
  const ids = data.deadlines.map((d) => d.deadlineId);
  if (new Set(ids).size !== ids.length) throw new ValidationError('DUBBEL', 'deadlines bevat dubbele ids', 'deadlines');
  data.deadlines.forEach((d, i) => {
    assertId(d.deadlineId, `deadlines[${i}].deadlineId`);
    controleerDeadline(d.deadline, `deadlines[${i}].deadline`);
  });

  const ouder = data.ouder ?? null;
  const dientAfspraken = data.dientAfspraken ?? [];
  if (data.soort !== 'actie' && ouder !== null) throw new ValidationError('OUDER_ALLEEN_ACTIE', 'Alleen een actie kan een subactie zijn', 'ouder');
  if (data.soort !== 'actie' && dientAfspraken.length) {
    throw new ValidationError('DIENT_ALLEEN_ACTIE', 'Alleen een actie dient afspraken', 'dientAfspraken');
  }
  if (ouder !== null) {
    assertId(ouder, 'ouder');
    if (ouder === data.afspraakId) throw new ValidationError('EIGEN_OUDER', 'Een actie kan geen subactie van zichzelf zijn', 'ouder');
  }
  dientAfspraken.forEach((a, i) => assertId(a, `dientAfspraken[${i}]`));
  if (new Set(dientAfspraken).size !== dientAfspraken.length) throw new ValidationError('DUBBEL', 'dientAfspraken bevat dubbele afspraken', 'dientAfspraken');

  const { deadlines, ouder: _ouder, dientAfspraken: _dient, ...afspraak } = data;
  return [
    {
      type: AFSPRAAK_VASTGELEGD,
      data: {
        ...afspraak,
        // Stored only when set: an afspraak's event keeps the shape it always had.
        ...(ouder !== null ? { ouder } : {}),
        ...(dientAfspraken.length ? { dientAfspraken: [...dientAfspraken] } : {}),
        titel: tekst(data.titel, 'titel', 300),
        tekst: tekst(data.tekst, 'tekst'),
        bronCitaat: data.bronCitaat.trim(),
        betrokken: [...data.betrokken],
        vastgelegdOp: metadata.now,
      },
    },
    ...deadlines.map(
      (d, i): AfspraakEvent => ({
        type: DEADLINE_VASTGELEGD,
        data: {
          afspraakId: data.afspraakId,
          deadlineId: d.deadlineId,
          omschrijving: tekst(d.omschrijving, `deadlines[${i}].omschrijving`, 500),
          deadline: d.deadline,
          vastgelegdOp: metadata.now,
        },
      }),
    ),
  ];
};

const wijsPartijToe = ({ data, metadata }: WijsPartijToe, state: Afspraak): AfspraakEvent[] => {
  vereisCoordinator(metadata.actor, 'partijen toewijzen');
  const afspraak = lopend(state, 'een partij toewijzen');
  assertId(data.partijId, 'partijId');
  if (data.rol === 'trekker') {
    if (afspraak.trekker === data.partijId) {
      throw new IllegalStateError('AL_TREKKER', `${data.partijId} is al trekker van ${afspraak.afspraakId}`);
    }
  } else if (isBetrokkenPartij(afspraak, data.partijId)) {
    throw new IllegalStateError('AL_BETROKKEN', `${data.partijId} is al betrokken bij ${afspraak.afspraakId}`);
  }
  return [
    {
      type: PARTIJ_TOEGEWEZEN,
      data: {
        afspraakId: afspraak.afspraakId,
        partijId: data.partijId,
        rol: data.rol,
        vervangt: data.rol === 'trekker' ? afspraak.trekker : null,
        toegewezenOp: metadata.now,
      },
    },
  ];
};

const verwijderPartij = ({ data, metadata }: VerwijderPartij, state: Afspraak): AfspraakEvent[] => {
  vereisCoordinator(metadata.actor, 'partijen verwijderen');
  const afspraak = lopend(state, 'een partij verwijderen');
  if (afspraak.trekker === data.partijId) {
    throw new IllegalStateError('TREKKER_VERPLICHT', 'De trekker kan niet worden verwijderd; wijs eerst een nieuwe trekker toe');
  }
  if (!afspraak.betrokken.includes(data.partijId)) {
    throw new NotFoundError('PARTIJ_NIET_BETROKKEN', `${data.partijId} is niet betrokken bij ${afspraak.afspraakId}`);
  }
  return [
    {
      type: PARTIJ_VERWIJDERD,
      data: { afspraakId: afspraak.afspraakId, partijId: data.partijId, reden: tekst(data.reden, 'reden', 2000), verwijderdOp: metadata.now },
    },
  ];
};

const legDeadlineVast = ({ data, metadata }: LegDeadlineVast, state: Afspraak): AfspraakEvent[] => {
  vereisCoordinator(metadata.actor, 'deadlines vastleggen');
  const afspraak = lopend(state, 'een deadline vastleggen');
  assertId(data.deadlineId, 'deadlineId');
  if (afspraak.mijlpalen.some((m) => m.deadlineId === data.deadlineId)) {
    throw new IllegalStateError('DEADLINE_BESTAAT_AL', `Deadline ${data.deadlineId} bestaat al bij ${afspraak.afspraakId}`);
  }
  controleerDeadline(data.deadline, 'deadline');
  return [
    {
      type: DEADLINE_VASTGELEGD,
      data: {
        afspraakId: afspraak.afspraakId,
        deadlineId: data.deadlineId,
        omschrijving: tekst(data.omschrijving, 'omschrijving', 500),
        deadline: data.deadline,
        vastgelegdOp: metadata.now,
      },
    },
  ];
};

const verschuifDeadline = ({ data, metadata }: VerschuifDeadline, state: Afspraak): AfspraakEvent[] => {
  vereisCoordinator(metadata.actor, 'deadlines verschuiven');
  const afspraak = lopend(state, 'een deadline verschuiven');
  const mijlpaal = afspraak.mijlpalen.find((m) => m.deadlineId === data.deadlineId);
  if (!mijlpaal) throw new NotFoundError('DEADLINE_ONBEKEND', `Deadline ${data.deadlineId} bestaat niet bij ${afspraak.afspraakId}`);
  if (mijlpaal.levering.status === 'geaccepteerd') {
    throw new IllegalStateError('DEADLINE_GELEVERD', `Deadline ${data.deadlineId} is al geleverd en geaccepteerd`);
  }
  controleerDeadline(data.naar, 'naar');
  const zelfde =
    mijlpaal.deadline.phrase === data.naar.phrase &&
    mijlpaal.deadline.due === data.naar.due &&
    mijlpaal.deadline.kind === data.naar.kind;
  if (zelfde) throw new ValidationError('ONGEWIJZIGD', 'De nieuwe deadline is gelijk aan de huidige', 'naar');
  return [
    {
      type: DEADLINE_VERSCHOVEN,
      data: {
        afspraakId: afspraak.afspraakId,
        deadlineId: data.deadlineId,
        van: mijlpaal.deadline,
        naar: data.naar,
        reden: tekst(data.reden, 'reden', 2000),
        besluitorgaan: tekst(data.besluitorgaan, 'besluitorgaan', 200),
        besluitdatum: data.besluitdatum,
        verschovenOp: metadata.now,
      },
    },
  ];
};

const rapporteerVoortgang = ({ data, metadata }: RapporteerVoortgang, state: Afspraak): AfspraakEvent[] => {
  const afspraak = lopend(state, 'voortgang rapporteren');
  vereisPartijOfCoordinator(metadata.actor, afspraak, data.partijId, 'voortgang rapporteren');
  if (!isBetrokkenPartij(afspraak, data.partijId)) {
    throw new ValidationError('NIET_BETROKKEN', `${data.partijId} is geen trekker of betrokkene van ${afspraak.afspraakId}`, 'partijId');
  }
  if (!Number.isInteger(data.percentage) || data.percentage < 0 || data.percentage > 100) {
    throw new ValidationError('ONGELDIG_PERCENTAGE', 'percentage moet een geheel getal van 0 tot en met 100 zijn', 'percentage');
  }
  return [
    {
      type: VOORTGANG_GERAPPORTEERD,
      data: {
        afspraakId: afspraak.afspraakId,
        partijId: data.partijId,
        percentage: data.percentage,
        toelichting: tekst(data.toelichting, 'toelichting'),
        bewijs: bewijsLijst(data.bewijs),
        gerapporteerdOp: metadata.now,
      },
    },
  ];
};

const meldLevering = ({ data, metadata }: MeldLevering, state: Afspraak): AfspraakEvent[] => {
  const afspraak = lopend(state, 'levering melden');
  vereisPartijOfCoordinator(metadata.actor, afspraak, data.partijId, 'levering melden');
  if (!isBetrokkenPartij(afspraak, data.partijId)) {
    throw new ValidationError('NIET_BETROKKEN', `${data.partijId} is geen trekker of betrokkene van ${afspraak.afspraakId}`, 'partijId');
  }
  let deadlineIds: string[] = [];
  if (afspraak.mijlpalen.length === 0) {
    if (data.deadlineIds !== null && data.deadlineIds.length > 0) {
      throw new NotFoundError('DEADLINE_ONBEKEND', `${afspraak.afspraakId} heeft geen deadlines`);
    }
    if (!['open', 'afgewezen'].includes(afspraak.leveringZonderMijlpaal.status)) {
      throw new IllegalStateError('LEVERING_STATUS', `De levering is al ${afspraak.leveringZonderMijlpaal.status}`);
    }
  } else {
    deadlineIds = kiesMijlpalen(afspraak, data.deadlineIds, ['open', 'afgewezen'], 'als geleverd melden');
    if (deadlineIds.length === 0) throw new IllegalStateError('NIETS_TE_MELDEN', 'Er is geen openstaande deadline om te melden');
  }
  return [
    {
      type: LEVERING_GEMELD,
      data: {
        afspraakId: afspraak.afspraakId,
        partijId: data.partijId,
        deadlineIds,
        toelichting: tekst(data.toelichting, 'toelichting'),
        bewijs: bewijsLijst(data.bewijs),
        gemeldOp: metadata.now,
      },
    },
  ];
};

const teBeoordelen = (afspraak: BestaandeAfspraak, deadlineIds: string[] | null, wat: string): string[] => {
  if (afspraak.mijlpalen.length === 0) {
    if (deadlineIds !== null && deadlineIds.length > 0) {
      throw new NotFoundError('DEADLINE_ONBEKEND', `${afspraak.afspraakId} heeft geen deadlines`);
    }
    if (afspraak.leveringZonderMijlpaal.status !== 'gemeld') {
      throw new IllegalStateError('GEEN_LEVERING_GEMELD', `Er is geen levering gemeld om te ${wat}`);
    }
    return [];
  }
  const ids = kiesMijlpalen(afspraak, deadlineIds, ['gemeld'], wat);
  if (ids.length === 0) throw new IllegalStateError('GEEN_LEVERING_GEMELD', `Er is geen levering gemeld om te ${wat}`);
  return ids;
};

const accepteerLevering = ({ data, metadata }: AccepteerLevering, state: Afspraak): AfspraakEvent[] => {
  vereisCoordinator(metadata.actor, 'een levering accepteren');
  const afspraak = lopend(state, 'een levering accepteren');
  const deadlineIds = teBeoordelen(afspraak, data.deadlineIds, 'accepteren');
  const geaccepteerd: AfspraakEvent = {
    type: LEVERING_GEACCEPTEERD,
    data: { afspraakId: afspraak.afspraakId, deadlineIds, toelichting: data.toelichting.trim(), geaccepteerdOp: metadata.now },
  };
  const na = evolve(afspraak, geaccepteerd);
  const allesGeleverd =
    na.status !== 'onbekend' &&
    (na.mijlpalen.length === 0
      ? na.leveringZonderMijlpaal.status === 'geaccepteerd'
      : na.mijlpalen.every((m) => m.levering.status === 'geaccepteerd'));
  return allesGeleverd
    ? [geaccepteerd, { type: AFSPRAAK_AFGEROND, data: { afspraakId: afspraak.afspraakId, afgerondOp: metadata.now } }]
    : [geaccepteerd];
};

const wijsLeveringAf = ({ data, metadata }: WijsLeveringAf, state: Afspraak): AfspraakEvent[] => {
  vereisCoordinator(metadata.actor, 'een levering afwijzen');
  const afspraak = lopend(state, 'een levering afwijzen');
  const deadlineIds = teBeoordelen(afspraak, data.deadlineIds, 'afwijzen');
  return [
    {
      type: LEVERING_AFGEWEZEN,
      data: { afspraakId: afspraak.afspraakId, deadlineIds, reden: tekst(data.reden, 'reden', 2000), afgewezenOp: metadata.now },
    },
  ];
};

const trekIn = ({ data, metadata }: TrekAfspraakIn, state: Afspraak): AfspraakEvent[] => {
  vereisCoordinator(metadata.actor, 'afspraken intrekken');
  const afspraak = lopend(state, 'intrekken');
  return [
    { type: AFSPRAAK_INGETROKKEN, data: { afspraakId: afspraak.afspraakId, reden: tekst(data.reden, 'reden', 2000), ingetrokkenOp: metadata.now } },
  ];
};

const heropen = ({ data, metadata }: HeropenAfspraak, state: Afspraak): AfspraakEvent[] => {
  vereisCoordinator(metadata.actor, 'afspraken heropenen');
  const afspraak = bestaand(state);
  if (afspraak.status === 'lopend') throw new IllegalStateError('AFSPRAAK_LOOPT_AL', 'De afspraak loopt al');
  return [
    { type: AFSPRAAK_HEROPEND, data: { afspraakId: afspraak.afspraakId, reden: tekst(data.reden, 'reden', 2000), heropendOp: metadata.now } },
  ];
};

const legAnkerVast = ({ data, metadata }: LegAnkerVast, state: Afspraak): AfspraakEvent[] => {
  vereisCoordinator(metadata.actor, 'een anker vastleggen');
  const afspraak = lopend(state, 'een anker vastleggen');
  const anker = tekst(data.anker, 'anker', 200).toLowerCase().replace(/\s+/g, ' ');
  if (!leesDatum(data.datum)) throw new ValidationError('ONGELDIGE_DATUM', `datum "${data.datum}" bestaat niet (JJJJ-MM-DD)`, 'datum');
  const relatief = afspraak.mijlpalen.filter((m) => m.deadline.kind === 'relatief' && m.levering.status !== 'geaccepteerd');
  const wachtend = relatief.filter((m) => m.deadline.anker === anker);
  if (wachtend.length === 0) {
    const bekend = [...new Set(relatief.flatMap((m) => (m.deadline.anker ? [m.deadline.anker] : [])))];
    throw new ValidationError(
      'ANKER_ONBEKEND',
      `Anker "${anker}" komt bij ${afspraak.afspraakId} niet voor${bekend.length ? `; wel: ${bekend.map((a) => `"${a}"`).join(', ')}` : ': geen deadline wacht op een gebeurtenis'}`,
      'anker',
    );
  }
  const gedateerd = wachtend.find((m) => m.deadline.ankerdatum !== undefined);
  if (gedateerd) {
    // A second date would silently move a due date; that is a re-plan, with a reason.
    throw new IllegalStateError('ANKER_AL_VASTGELEGD', `Anker "${anker}" is al vastgelegd op ${gedateerd.deadline.ankerdatum}; herplan de deadline met een reden`);
  }
  return [
    {
      type: ANKER_VASTGELEGD,
      data: { afspraakId: afspraak.afspraakId, anker, datum: data.datum, deadlineIds: wachtend.map((m) => m.deadlineId), vastgelegdOp: metadata.now },
    },
  ];
};

export const decide = (command: AfspraakCommand, state: Afspraak): AfspraakEvent[] => {
  const programmaId = command.type === 'LegAfspraakVast' ? command.data.programmaId : state.status === 'onbekend' ? null : state.programmaId;
  if (programmaId !== null) vereisProgramma(command.metadata.actor, programmaId);
  switch (command.type) {
    case 'LegAfspraakVast':
      return legVast(command, state);
    case 'WijsPartijToe':
      return wijsPartijToe(command, state);
    case 'VerwijderPartij':
      return verwijderPartij(command, state);
    case 'LegDeadlineVast':
      return legDeadlineVast(command, state);
    case 'VerschuifDeadline':
      return verschuifDeadline(command, state);
    case 'RapporteerVoortgang':
      return rapporteerVoortgang(command, state);
    case 'MeldLevering':
      return meldLevering(command, state);
    case 'AccepteerLevering':
      return accepteerLevering(command, state);
    case 'WijsLeveringAf':
      return wijsLeveringAf(command, state);
    case 'TrekAfspraakIn':
      return trekIn(command, state);
    case 'HeropenAfspraak':
      return heropen(command, state);
    case 'LegAnkerVast':
      return legAnkerVast(command, state);
    default: {
      const _exhaustive: never = command;
      throw new ValidationError('ONBEKEND_COMMANDO', 'Onbekend commando');
    }
  }
};

/**
 * An import (YAML, CSV, XLSX) names afspraken that may exist already; it adds only their missing
 * deadlines. Before anything of the file is written, each afspraak is put to the decider's own rules:
 * a new one must pass LegAfspraakVast, an existing one must belong to the importing programme (else
 * the import would add deadlines to another programme's afspraak). Throws what the write would throw.
 */
export const controleerImport = (command: LegAfspraakVast, state: Afspraak): void => {
  if (state.status === 'onbekend') {
    decide(command, state);
    return;
  }
  if (state.programmaId !== command.data.programmaId) {
    throw new ValidationError(
      'AFSPRAAK_VAN_ANDER_PROGRAMMA',
      `${command.data.afspraakId} bestaat al in programma ${state.programmaId}, niet in ${command.data.programmaId}`,
      'afspraakId',
    );
  }
};

export const afspraakDecider: Decider<AfspraakCommand, AfspraakEvent, Afspraak> = {
  decide,
  evolve,
  initialState: initialAfspraak,
  upcasters: afspraakUpcasters,
};
