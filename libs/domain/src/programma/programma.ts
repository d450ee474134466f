import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import type { Actor, Command, Decider, Event } from '../shared/event';
import { assertId } from '../shared/ids';
import { upcast, upcasters, storedSchemaVersion, type StoredEvent } from '../shared/upcasting';
import { controleerBeleid, type Herinneringsbeleid } from '../herinneringen/beleid';
import { vereisProgramma } from '../toegang/programma-scope';
import type { DeadlineOpties } from '../deadlines/parse';
import type { Deadline } from '../deadlines/deadline';
import {
  leesOverlegRegel,
  overlegDatums,
  overlegVoorkomens,
  pasWijzigingenToe,
  type BestuurlijkOverlegRegel,
  type OverlegVoorkomen,
  type OverlegWijziging,
} from './bestuurlijk-overleg';

export const PROGRAMMA_VASTGELEGD = 'ProgrammaVastgelegd';
export const PROGRAMMALIJN_VASTGELEGD = 'ProgrammalijnVastgelegd';
export const OPGAVE_VASTGELEGD = 'OpgaveVastgelegd';
export const BESTUURLIJK_OVERLEG_GEPLAND = 'BestuurlijkOverlegGepland';
export const BESTUURLIJK_OVERLEG_REGEL_VASTGELEGD = 'BestuurlijkOverlegRegelVastgelegd';
export const BESTUURLIJK_OVERLEG_VERPLAATST = 'BestuurlijkOverlegVerplaatst';
export const BESTUURLIJK_OVERLEG_AFGELAST = 'BestuurlijkOverlegAfgelast';
export const HERINNERINGSBELEID_VASTGESTELD = 'HerinneringsbeleidVastgesteld';
export const OPVOLGING_VASTGELEGD = 'OpvolgingVastgelegd';
export const BIJDRAGE_VASTGELEGD = 'BijdrageVastgelegd';

/**
 * The date of the programme document, which phrases such as "de komende twee jaren" are read against.
 * `gedrukt`: the document prints it; `opgegeven`: it prints none and the coordinator states it
 * (e.g. the date it was sent to the Tweede Kamer), with `bron` saying where it comes from.
 */
export type DocumentdatumSoort = 'gedrukt' | 'opgegeven';
export const DOCUMENTDATUM_SOORTEN: readonly DocumentdatumSoort[] = ['gedrukt', 'opgegeven'];
export interface Documentdatum {
  /** `YYYY-MM-DD` */
  readonly datum: string;
  readonly soort: DocumentdatumSoort;
  readonly bron: string;
}

/**
 * What the programme's deadline phrases are read against ("voor de zomer", "de komende twee jaren"):
 * its documentdatum, printed or stated. Without one such phrases stay vague.
 */
export const deadlineOptiesVan = (documentdatum: string | null | undefined): DeadlineOpties =>
  documentdatum ? { referentie: { soort: 'documentdatum', datum: documentdatum } } : {};

export type ProgrammaVastgelegd = Event<
  typeof PROGRAMMA_VASTGELEGD,
  {
    programmaId: string;
    naam: string;
    eigenaar: string;
    bron: string;
    /** Optional: programmes recorded before the field existed have none. */
    documentdatum?: string;
    documentdatumSoort?: DocumentdatumSoort;
    documentdatumBron?: string;
    vastgelegdOp: string;
  }
>;
export type ProgrammalijnVastgelegd = Event<
  typeof PROGRAMMALIJN_VASTGELEGD,
  { programmaId: string; programmalijnId: string; nummer: number; naam: string; vastgelegdOp: string }
>;
export type OpgaveVastgelegd = Event<
  typeof OPGAVE_VASTGELEGD,
  { programmaId: string; programmalijnId: string; opgaveId: string; nummer: number; naam: string; vastgelegdOp: string }
>;
/** A one-off Bestuurlijk Overleg on a date (an extra meeting beside the rule's): escalations go onto the agenda of the next one. */
export type BestuurlijkOverlegGepland = Event<
  typeof BESTUURLIJK_OVERLEG_GEPLAND,
  { programmaId: string; datum: string; geplandOp: string }
>;
/**
 * The rule the Bestuurlijk Overleg meets by ("eens per kwartaal van Q4 2022 tot en met Q4 2025"),
 * with its reading: its occurrences are the meetings. A new rule replaces the old one, and with it
 * the moves and cancellations of the old one's occurrences.
 */
export type BestuurlijkOverlegRegelVastgelegd = Event<
  typeof BESTUURLIJK_OVERLEG_REGEL_VASTGELEGD,
  { programmaId: string; phrase: string; regel: Deadline; vastgelegdOp: string }
>;
/** One occurrence of the rule is held on another day. `van`: the day it had. */
export type BestuurlijkOverlegVerplaatst = Event<
  typeof BESTUURLIJK_OVERLEG_VERPLAATST,
  { programmaId: string; voorkomen: number; van: string; naar: string; reden: string; verplaatstOp: string }
>;
/** One occurrence of the rule will not be held. */
export type BestuurlijkOverlegAfgelast = Event<
  typeof BESTUURLIJK_OVERLEG_AFGELAST,
  { programmaId: string; voorkomen: number; datum: string; reden: string; afgelastOp: string }
>;

/** Replaces the programme's reminder policy (until then the standard policy applies). */
export type HerinneringsbeleidVastgesteld = Event<
  typeof HERINNERINGSBELEID_VASTGESTELD,
  { programmaId: string; beleid: Herinneringsbeleid; vastgesteldOp: string }
>;

/** Lineage: this programme names its predecessor or successor; the other programme's stream is not written. */
export type OpvolgingVastgelegd = Event<
  typeof OPVOLGING_VASTGELEGD,
  { programmaId: string; rol: 'voorganger' | 'opvolger'; anderProgrammaId: string; vastgelegdOp: string }
>;
/**
 * An afspraak of this programme carries out an afspraak of another (a regional commitment for a TAZ
 * afspraak). Recorded here, on the programme that makes the link: the target is only referred to.
 */
export type BijdrageVastgelegd = Event<
  typeof BIJDRAGE_VASTGELEGD,
  { programmaId: string; afspraakId: string; draagtBijAan: string; doelProgrammaId: string; vastgelegdOp: string }
>;

export type ProgrammaEvent =
  | OpvolgingVastgelegd
  | BijdrageVastgelegd
  | ProgrammaVastgelegd
  | ProgrammalijnVastgelegd
  | OpgaveVastgelegd
  | BestuurlijkOverlegGepland
  | BestuurlijkOverlegRegelVastgelegd
  | BestuurlijkOverlegVerplaatst
  | BestuurlijkOverlegAfgelast
  | HerinneringsbeleidVastgesteld;

export const PROGRAMMA_EVENT_TYPES: readonly ProgrammaEvent['type'][] = [
  PROGRAMMA_VASTGELEGD,
  PROGRAMMALIJN_VASTGELEGD,
  OPGAVE_VASTGELEGD,
  BESTUURLIJK_OVERLEG_GEPLAND,
  BESTUURLIJK_OVERLEG_REGEL_VASTGELEGD,
  BESTUURLIJK_OVERLEG_VERPLAATST,
  BESTUURLIJK_OVERLEG_AFGELAST,
  HERINNERINGSBELEID_VASTGESTELD,
  OPVOLGING_VASTGELEGD,
  BIJDRAGE_VASTGELEGD,
];

/** Schema version per event type, and the upcasters from older versions (none yet: every type is at 1). */
export const programmaUpcasters = upcasters<ProgrammaEvent>({
  [PROGRAMMA_VASTGELEGD]: { version: 1 },
  [PROGRAMMALIJN_VASTGELEGD]: { version: 1 },
  [OPGAVE_VASTGELEGD]: { version: 1 },
  [BESTUURLIJK_OVERLEG_GEPLAND]: { version: 1 },
  [BESTUURLIJK_OVERLEG_REGEL_VASTGELEGD]: { version: 1 },
  [BESTUURLIJK_OVERLEG_VERPLAATST]: { version: 1 },
  [BESTUURLIJK_OVERLEG_AFGELAST]: { version: 1 },
  [HERINNERINGSBELEID_VASTGESTELD]: { version: 1 },
  [OPVOLGING_VASTGELEGD]: { version: 1 },
  [BIJDRAGE_VASTGELEGD]: { version: 1 },
});

export const isProgrammaEvent = (event: { type: string }): event is ProgrammaEvent => Object.hasOwn(programmaUpcasters, event.type);

/** A stored event of a programma stream as the current domain event; any other type fails. */
export const decodeProgrammaEvent = (recorded: StoredEvent): ProgrammaEvent =>
  upcast(programmaUpcasters, recorded.type, storedSchemaVersion(recorded), recorded.data);

export interface Programmalijn {
  readonly programmalijnId: string;
  readonly nummer: number;
  readonly naam: string;
}
export interface Opgave {
  readonly opgaveId: string;
  readonly programmalijnId: string;
  readonly nummer: number;
  readonly naam: string;
}

export interface Bijdrage {
  readonly afspraakId: string;
  readonly draagtBijAan: string;
  readonly doelProgrammaId: string;
}

export type Programma =
  | { readonly status: 'onbekend' }
  | {
      readonly status: 'vastgelegd';
      readonly programmaId: string;
      readonly naam: string;
      readonly eigenaar: string;
      readonly bron: string;
      /** null: not recorded (a programme from before the field, or a document without one). */
      readonly documentdatum: Documentdatum | null;
      readonly programmalijnen: readonly Programmalijn[];
      readonly opgaven: readonly Opgave[];
      /** Every meeting that will be held (the rule's occurrences that are not cancelled, and the one-off ones): dates `YYYY-MM-DD`, ascending. */
      readonly bestuurlijkOverleggen: readonly string[];
      /** null: no rule recorded (only one-off meetings). */
      readonly bestuurlijkOverlegRegel: BestuurlijkOverlegRegel | null;
      /** The rule's meetings, each with its date and status. */
      readonly overlegVoorkomens: readonly OverlegVoorkomen[];
      /** The moves and cancellations of the current rule's occurrences, in order. */
      readonly overlegWijzigingen: readonly OverlegWijziging[];
      /** One-off meetings (`PlanBestuurlijkOverleg`), ascending. */
      readonly losseOverleggen: readonly string[];
      /** null: the standard policy. */
      readonly herinneringsbeleid: Herinneringsbeleid | null;
      /** As this programme names them (a link named by the other programme is shown by the read side). */
      readonly voorganger: string | null;
      readonly opvolger: string | null;
      readonly bijdragen: readonly Bijdrage[];
    };

export const initialProgramma: Programma = { status: 'onbekend' };

export const evolveProgramma = (state: Programma, event: ProgrammaEvent): Programma => {
  if (event.type === PROGRAMMA_VASTGELEGD) {
    const { programmaId, naam, eigenaar, bron, documentdatum, documentdatumSoort, documentdatumBron } = event.data;
    return {
      status: 'vastgelegd',
      programmaId,
      naam,
      eigenaar,
      bron,
      documentdatum: documentdatum ? { datum: documentdatum, soort: documentdatumSoort ?? 'opgegeven', bron: documentdatumBron ?? '' } : null,
      programmalijnen: [],
      opgaven: [],
      bestuurlijkOverleggen: [],
      bestuurlijkOverlegRegel: null,
      overlegVoorkomens: [],
      overlegWijzigingen: [],
      losseOverleggen: [],
      herinneringsbeleid: null,
      voorganger: null,
      opvolger: null,
      bijdragen: [],
    };
  }
  if (state.status === 'onbekend') return state;
  switch (event.type) {
    case PROGRAMMALIJN_VASTGELEGD: {
      const { programmalijnId, nummer, naam } = event.data;
      return { ...state, programmalijnen: [...state.programmalijnen, { programmalijnId, nummer, naam }] };
    }
    case OPGAVE_VASTGELEGD: {
      const { opgaveId, programmalijnId, nummer, naam } = event.data;
      return { ...state, opgaven: [...state.opgaven, { opgaveId, programmalijnId, nummer, naam }] };
    }
    case BESTUURLIJK_OVERLEG_GEPLAND:
      return metOverleggen(state, { losseOverleggen: [...losseOverleggenVan(state), event.data.datum].sort() });
    case BESTUURLIJK_OVERLEG_REGEL_VASTGELEGD: {
      const { phrase, regel } = event.data;
      return metOverleggen(state, { bestuurlijkOverlegRegel: { phrase, regel }, overlegWijzigingen: [] });
    }
    case BESTUURLIJK_OVERLEG_VERPLAATST: {
      const { voorkomen, naar, reden } = event.data;
      return metOverleggen(state, { overlegWijzigingen: [...(state.overlegWijzigingen ?? []), { soort: 'verplaatst', voorkomen, naar, reden }] });
    }
    case BESTUURLIJK_OVERLEG_AFGELAST: {
      const { voorkomen, reden } = event.data;
      return metOverleggen(state, { overlegWijzigingen: [...(state.overlegWijzigingen ?? []), { soort: 'afgelast', voorkomen, reden }] });
    }
    case HERINNERINGSBELEID_VASTGESTELD:
      return { ...state, herinneringsbeleid: event.data.beleid };
    case OPVOLGING_VASTGELEGD:
      return { ...state, [event.data.rol]: event.data.anderProgrammaId };
    case BIJDRAGE_VASTGELEGD: {
      const { afspraakId, draagtBijAan, doelProgrammaId } = event.data;
      return { ...state, bijdragen: [...state.bijdragen, { afspraakId, draagtBijAan, doelProgrammaId }] };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

type VastgelegdProgramma = Extract<Programma, { status: 'vastgelegd' }>;

/**
 * A programme document stored by a read model before the rule existed has only `bestuurlijkOverleggen`,
 * and every date in it was a one-off meeting.
 */
const losseOverleggenVan = (state: VastgelegdProgramma): readonly string[] => state.losseOverleggen ?? state.bestuurlijkOverleggen;

/** The state with the meetings worked out again from the rule, its moves and the one-off dates. */
const metOverleggen = (
  state: VastgelegdProgramma,
  wijziging: Partial<Pick<VastgelegdProgramma, 'bestuurlijkOverlegRegel' | 'overlegWijzigingen' | 'losseOverleggen'>>,
): VastgelegdProgramma => {
  const volgende = { ...state, bestuurlijkOverlegRegel: state.bestuurlijkOverlegRegel ?? null, losseOverleggen: losseOverleggenVan(state), overlegWijzigingen: state.overlegWijzigingen ?? [], ...wijziging };
  const basis = volgende.bestuurlijkOverlegRegel ? overlegVoorkomens(volgende.bestuurlijkOverlegRegel.regel) : [];
  const overlegVoorkomensNu = pasWijzigingenToe(basis, volgende.overlegWijzigingen);
  return { ...volgende, overlegVoorkomens: overlegVoorkomensNu, bestuurlijkOverleggen: overlegDatums(overlegVoorkomensNu, volgende.losseOverleggen) };
};

export type LegProgrammaVast = Command<
  'LegProgrammaVast',
  { programmaId: string; naam: string; eigenaar: string; bron: string; documentdatum?: string; documentdatumSoort?: DocumentdatumSoort; documentdatumBron?: string }
>;
export type LegProgrammalijnVast = Command<'LegProgrammalijnVast', { programmalijnId: string; nummer: number; naam: string }>;
export type LegOpgaveVast = Command<'LegOpgaveVast', { programmalijnId: string; opgaveId: string; nummer: number; naam: string }>;
export type PlanBestuurlijkOverleg = Command<'PlanBestuurlijkOverleg', { datum: string }>;
export type LegBestuurlijkOverlegRegelVast = Command<'LegBestuurlijkOverlegRegelVast', { phrase: string }>;
export type VerplaatsBestuurlijkOverleg = Command<'VerplaatsBestuurlijkOverleg', { voorkomen: number; naar: string; reden: string }>;
export type ZegBestuurlijkOverlegAf = Command<'ZegBestuurlijkOverlegAf', { voorkomen: number; reden: string }>;
export type StelHerinneringsbeleidVast = Command<'StelHerinneringsbeleidVast', { beleid: Herinneringsbeleid }>;
export type LegOpvolgingVast = Command<'LegOpvolgingVast', { rol: 'voorganger' | 'opvolger'; anderProgrammaId: string }>;
export type LegBijdrageVast = Command<'LegBijdrageVast', { afspraakId: string; draagtBijAan: string; doelProgrammaId: string }>;
export type ProgrammaCommand =
  | LegProgrammaVast
  | LegProgrammalijnVast
  | LegOpgaveVast
  | PlanBestuurlijkOverleg
  | LegBestuurlijkOverlegRegelVast
  | VerplaatsBestuurlijkOverleg
  | ZegBestuurlijkOverlegAf
  | StelHerinneringsbeleidVast
  | LegOpvolgingVast
  | LegBijdrageVast;

const DATUM = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const vereisCoordinator = (actor: Actor): void => {
  if (actor.rol !== 'coordinator' && actor.rol !== 'systeem') {
    throw new ForbiddenError('ALLEEN_COORDINATOR', 'Alleen een programmacoördinator mag het programma wijzigen');
  }
};

const naam = (value: string, field: string): string => {
  const trimmed = value.trim();
  if (!trimmed) throw new ValidationError('VERPLICHT', `${field} is verplicht`, field);
  if (trimmed.length > 300) throw new ValidationError('TE_LANG', `${field} mag hoogstens 300 tekens zijn`, field);
  return trimmed;
};

const nummer = (value: number, field: string): number => {
  if (!Number.isInteger(value) || value < 1 || value > 999) {
    throw new ValidationError('ONGELDIG_NUMMER', `${field} moet een geheel getal van 1 tot 999 zijn`, field);
  }
  return value;
};

/** A real calendar day `YYYY-MM-DD` (not 2022-02-30). */
export const isKalenderdag = (value: string): boolean => {
  if (!DATUM.test(value)) return false;
  const [jaar, maand, dag] = value.split('-').map(Number);
  const d = new Date(Date.UTC(jaar, maand - 1, dag));
  return d.getUTCFullYear() === jaar && d.getUTCMonth() === maand - 1 && d.getUTCDate() === dag;
};

const documentdatumVan = (d: LegProgrammaVast['data']): Pick<ProgrammaVastgelegd['data'], 'documentdatum' | 'documentdatumSoort' | 'documentdatumBron'> => {
  if (d.documentdatum === undefined) {
    if (d.documentdatumSoort !== undefined) throw new ValidationError('VERPLICHT', 'documentdatum is verplicht bij documentdatumSoort', 'documentdatum');
    return {};
  }
  if (!isKalenderdag(d.documentdatum)) throw new ValidationError('ONGELDIGE_DATUM', 'documentdatum moet een bestaande datum zijn (JJJJ-MM-DD)', 'documentdatum');
  if (d.documentdatumSoort === undefined || !DOCUMENTDATUM_SOORTEN.includes(d.documentdatumSoort)) {
    throw new ValidationError('ONBEKENDE_SOORT', `documentdatumSoort moet ${DOCUMENTDATUM_SOORTEN.join(' of ')} zijn`, 'documentdatumSoort');
  }
  const bron = d.documentdatumBron?.trim() ?? '';
  // A stated date says who stated it and why; a printed one is in the document itself.
  if (d.documentdatumSoort === 'opgegeven' && !bron) {
    throw new ValidationError('VERPLICHT', 'documentdatumBron is verplicht bij een opgegeven documentdatum', 'documentdatumBron');
  }
  return { documentdatum: d.documentdatum, documentdatumSoort: d.documentdatumSoort, ...(bron ? { documentdatumBron: bron } : {}) };
};

const legOverlegRegelVast = (phrase: string, state: VastgelegdProgramma, now: string): ProgrammaEvent[] => {
  const regel = leesOverlegRegel(phrase, deadlineOptiesVan(state.documentdatum?.datum));
  // The same rule again (a second import) changes nothing.
  if (state.bestuurlijkOverlegRegel?.phrase === regel.phrase) return [];
  return [{ type: BESTUURLIJK_OVERLEG_REGEL_VASTGELEGD, data: { programmaId: state.programmaId, phrase: regel.phrase, regel, vastgelegdOp: now } }];
};

const voorkomenVan = (state: VastgelegdProgramma, nummer: number): OverlegVoorkomen => {
  if (!Number.isInteger(nummer) || nummer < 1) throw new ValidationError('ONGELDIG_VOORKOMEN', 'voorkomen moet een geheel getal vanaf 1 zijn', 'voorkomen');
  if (!state.bestuurlijkOverlegRegel) throw new ValidationError('GEEN_OVERLEGREGEL', `${state.programmaId} heeft geen regel voor het Bestuurlijk Overleg`, 'voorkomen');
  const v = state.overlegVoorkomens.find((o) => o.nummer === nummer);
  if (!v) throw new ValidationError('ONBEKEND_VOORKOMEN', `"${state.bestuurlijkOverlegRegel.phrase}" heeft geen voorkomen ${nummer} (1 tot en met ${state.overlegVoorkomens.length})`, 'voorkomen');
  return v;
};

const redenVan = (reden: string): string => {
  const trimmed = typeof reden === 'string' ? reden.trim() : '';
  if (!trimmed) throw new ValidationError('VERPLICHT', 'reden is verplicht', 'reden');
  if (trimmed.length > 1000) throw new ValidationError('TE_LANG', 'reden mag hoogstens 1000 tekens zijn', 'reden');
  return trimmed;
};

export const decideProgramma = (command: ProgrammaCommand, state: Programma): ProgrammaEvent[] => {
  vereisCoordinator(command.metadata.actor);
  const programmaId = command.type === 'LegProgrammaVast' ? command.data.programmaId : state.status === 'onbekend' ? null : state.programmaId;
  if (programmaId !== null) vereisProgramma(command.metadata.actor, programmaId);
  const now = command.metadata.now;
  if (command.type === 'LegProgrammaVast') {
    if (state.status !== 'onbekend') throw new IllegalStateError('PROGRAMMA_BESTAAT_AL', `Programma ${state.programmaId} bestaat al`);
    const d = command.data;
    return [
      {
        type: PROGRAMMA_VASTGELEGD,
        data: {
          programmaId: assertId(d.programmaId, 'programmaId'),
          naam: naam(d.naam, 'naam'),
          eigenaar: assertId(d.eigenaar, 'eigenaar'),
          bron: d.bron.trim(),
          ...documentdatumVan(d),
          vastgelegdOp: now,
        },
      },
    ];
  }
  if (state.status === 'onbekend') throw new NotFoundError('PROGRAMMA_ONBEKEND', 'Dit programma is niet vastgelegd');
  switch (command.type) {
    case 'LegProgrammalijnVast': {
      const d = command.data;
      assertId(d.programmalijnId, 'programmalijnId');
      if (state.programmalijnen.some((l) => l.programmalijnId === d.programmalijnId)) {
        throw new IllegalStateError('PROGRAMMALIJN_BESTAAT_AL', `Programmalijn ${d.programmalijnId} bestaat al`);
      }
      return [
        {
          type: PROGRAMMALIJN_VASTGELEGD,
          data: { programmaId: state.programmaId, programmalijnId: d.programmalijnId, nummer: nummer(d.nummer, 'nummer'), naam: naam(d.naam, 'naam'), vastgelegdOp: now },
        },
      ];
    }
    case 'LegOpgaveVast': {
      const d = command.data;
      assertId(d.opgaveId, 'opgaveId');
      if (!state.programmalijnen.some((l) => l.programmalijnId === d.programmalijnId)) {
        throw new NotFoundError('PROGRAMMALIJN_ONBEKEND', `Programmalijn ${d.programmalijnId} bestaat niet in ${state.programmaId}`);
      }
      if (state.opgaven.some((o) => o.opgaveId === d.opgaveId)) {
        throw new IllegalStateError('OPGAVE_BESTAAT_AL', `Opgave ${d.opgaveId} bestaat al`);
      }
      return [
        {
          type: OPGAVE_VASTGELEGD,
          data: {
            programmaId: state.programmaId,
            programmalijnId: d.programmalijnId,
            opgaveId: d.opgaveId,
            nummer: nummer(d.nummer, 'nummer'),
            naam: naam(d.naam, 'naam'),
            vastgelegdOp: now,
          },
        },
      ];
    }
    case 'PlanBestuurlijkOverleg': {
      const { datum } = command.data;
      if (!DATUM.test(datum)) throw new ValidationError('ONGELDIGE_DATUM', 'datum moet de vorm JJJJ-MM-DD hebben', 'datum');
      if (state.bestuurlijkOverleggen.includes(datum)) {
        throw new IllegalStateError('OVERLEG_BESTAAT_AL', `Er is al een Bestuurlijk Overleg op ${datum}`);
      }
      return [{ type: BESTUURLIJK_OVERLEG_GEPLAND, data: { programmaId: state.programmaId, datum, geplandOp: now } }];
    }
    case 'LegBestuurlijkOverlegRegelVast':
      return legOverlegRegelVast(command.data.phrase, state, now);
    case 'VerplaatsBestuurlijkOverleg': {
      const { naar } = command.data;
      const v = voorkomenVan(state, command.data.voorkomen);
      if (typeof naar !== 'string' || !isKalenderdag(naar)) throw new ValidationError('ONGELDIGE_DATUM', 'naar moet een bestaande datum zijn (JJJJ-MM-DD)', 'naar');
      const reden = redenVan(command.data.reden);
      if (v.status === 'afgelast') throw new IllegalStateError('OVERLEG_AFGELAST', `Het Bestuurlijk Overleg van ${v.datum} (voorkomen ${v.nummer}) is afgelast`);
      if (v.datum === naar) return [];
      if (state.bestuurlijkOverleggen.includes(naar)) throw new IllegalStateError('OVERLEG_BESTAAT_AL', `Er is al een Bestuurlijk Overleg op ${naar}`);
      return [{ type: BESTUURLIJK_OVERLEG_VERPLAATST, data: { programmaId: state.programmaId, voorkomen: v.nummer, van: v.datum, naar, reden, verplaatstOp: now } }];
    }
    case 'ZegBestuurlijkOverlegAf': {
      const v = voorkomenVan(state, command.data.voorkomen);
      const reden = redenVan(command.data.reden);
      if (v.status === 'afgelast') return [];
      return [{ type: BESTUURLIJK_OVERLEG_AFGELAST, data: { programmaId: state.programmaId, voorkomen: v.nummer, datum: v.datum, reden, afgelastOp: now } }];
    }
    case 'StelHerinneringsbeleidVast': {
      const beleid = controleerBeleid(command.data.beleid);
      // The same policy again changes nothing, so a repeated request writes nothing.
      if (JSON.stringify(beleid) === JSON.stringify(state.herinneringsbeleid)) return [];
      return [{ type: HERINNERINGSBELEID_VASTGESTELD, data: { programmaId: state.programmaId, beleid, vastgesteldOp: now } }];
    }
    case 'LegOpvolgingVast': {
      const { rol, anderProgrammaId } = command.data;
      if (rol !== 'voorganger' && rol !== 'opvolger') throw new ValidationError('ONGELDIGE_ROL', 'rol moet voorganger of opvolger zijn', 'rol');
      assertId(anderProgrammaId, rol);
      if (anderProgrammaId === state.programmaId) throw new ValidationError('ZICHZELF', `${state.programmaId} kan niet zijn eigen ${rol} zijn`, rol);
      const huidig = state[rol];
      // Naming the same programme again changes nothing, so a second import writes nothing.
      if (huidig === anderProgrammaId) return [];
      if (huidig !== null) throw new IllegalStateError('OPVOLGING_BESTAAT_AL', `${state.programmaId} heeft al ${huidig} als ${rol}`);
      return [{ type: OPVOLGING_VASTGELEGD, data: { programmaId: state.programmaId, rol, anderProgrammaId, vastgelegdOp: now } }];
    }
    case 'LegBijdrageVast': {
      const { afspraakId, draagtBijAan, doelProgrammaId } = command.data;
      assertId(afspraakId, 'afspraakId');
      assertId(draagtBijAan, 'draagtBijAan');
      assertId(doelProgrammaId, 'doelProgrammaId');
      if (afspraakId === draagtBijAan) throw new ValidationError('ZICHZELF', `${afspraakId} kan niet aan zichzelf bijdragen`, 'draagtBijAan');
      if (state.bijdragen.some((b) => b.afspraakId === afspraakId && b.draagtBijAan === draagtBijAan)) return [];
      return [{ type: BIJDRAGE_VASTGELEGD, data: { programmaId: state.programmaId, afspraakId, draagtBijAan, doelProgrammaId, vastgelegdOp: now } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new ValidationError('ONBEKEND_COMMANDO', 'Onbekend commando');
    }
  }
};

export const programmaDecider: Decider<ProgrammaCommand, ProgrammaEvent, Programma> = {
  decide: decideProgramma,
  evolve: evolveProgramma,
  initialState: initialProgramma,
  upcasters: programmaUpcasters,
};
