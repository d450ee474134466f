import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import type { Actor, Command, Decider, Event } from '../shared/event';
import { assertId } from '../shared/ids';
import { upcast, upcasters, storedSchemaVersion, type StoredEvent } from '../shared/upcasting';
import { controleerBeleid, type Herinneringsbeleid } from '../herinneringen/beleid';
import { vereisProgramma } from '../toegang/programma-scope';
import type { DeadlineOpties } from '../deadlines/parse';

export const PROGRAMMA_VASTGELEGD = 'ProgrammaVastgelegd';
export const PROGRAMMALIJN_VASTGELEGD = 'ProgrammalijnVastgelegd';
export const OPGAVE_VASTGELEGD = 'OpgaveVastgelegd';
export const BESTUURLIJK_OVERLEG_GEPLAND = 'BestuurlijkOverlegGepland';
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
/** The quarterly Bestuurlijk Overleg: escalations go onto the agenda of the next one. */
export type BestuurlijkOverlegGepland = Event<
  typeof BESTUURLIJK_OVERLEG_GEPLAND,
  { programmaId: string; datum: string; geplandOp: string }
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
  | HerinneringsbeleidVastgesteld;

export const PROGRAMMA_EVENT_TYPES: readonly ProgrammaEvent['type'][] = [
  PROGRAMMA_VASTGELEGD,
  PROGRAMMALIJN_VASTGELEGD,
  OPGAVE_VASTGELEGD,
  BESTUURLIJK_OVERLEG_GEPLAND,
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
      /** Dates (`YYYY-MM-DD`), ascending. */
      readonly bestuurlijkOverleggen: readonly string[];
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
      return { ...state, bestuurlijkOverleggen: [...state.bestuurlijkOverleggen, event.data.datum].sort() };
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

export type LegProgrammaVast = Command<
  'LegProgrammaVast',
  { programmaId: string; naam: string; eigenaar: string; bron: string; documentdatum?: string; documentdatumSoort?: DocumentdatumSoort; documentdatumBron?: string }
>;
export type LegProgrammalijnVast = Command<'LegProgrammalijnVast', { programmalijnId: string; nummer: number; naam: string }>;
export type LegOpgaveVast = Command<'LegOpgaveVast', { programmalijnId: string; opgaveId: string; nummer: number; naam: string }>;
export type PlanBestuurlijkOverleg = Command<'PlanBestuurlijkOverleg', { datum: string }>;
export type StelHerinneringsbeleidVast = Command<'StelHerinneringsbeleidVast', { beleid: Herinneringsbeleid }>;
export type LegOpvolgingVast = Command<'LegOpvolgingVast', { rol: 'voorganger' | 'opvolger'; anderProgrammaId: string }>;
export type LegBijdrageVast = Command<'LegBijdrageVast', { afspraakId: string; draagtBijAan: string; doelProgrammaId: string }>;
export type ProgrammaCommand =
  | LegProgrammaVast
  | LegProgrammalijnVast
  | LegOpgaveVast
  | PlanBestuurlijkOverleg
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
