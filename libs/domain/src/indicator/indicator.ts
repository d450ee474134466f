import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import type { Actor, Command, Decider, Event } from '../shared/event';
import { assertId } from '../shared/ids';
import { upcast, upcasters, storedSchemaVersion, type StoredEvent } from '../shared/upcasting';
import { vereisProgramma } from '../toegang/programma-scope';

export const INDICATOR_VASTGELEGD = 'IndicatorVastgelegd';
export const METING_GEREGISTREERD = 'MetingGeregistreerd';

/**
 * A measurable ambition of a programme ("niet meer dan 1 op 6 werkenden", "instroom op het
 * geadviseerde niveau"). `omschrijving` is the target as the programme words it; `waarde` the number
 * in the indicator's unit; `peiljaar` null when the text names no year. `doel` null: the programme
 * follows the indicator without naming a figure.
 */
export interface Doel {
  readonly waarde: number;
  readonly peiljaar: number | null;
  readonly omschrijving: string;
}

export type IndicatorVastgelegd = Event<
  typeof INDICATOR_VASTGELEGD,
  { indicatorId: string; programmaId: string; naam: string; eenheid: string; doel: Doel | null; afspraakIds: string[]; vastgelegdOp: string }
>;
/** One measurement. `peildatum` is as precise as the source: `2017`, `2017-09` or `2017-09-01`. */
export type MetingGeregistreerd = Event<
  typeof METING_GEREGISTREERD,
  { indicatorId: string; programmaId: string; waarde: number; peildatum: string; bron: string; geregistreerdOp: string }
>;

export type IndicatorEvent = IndicatorVastgelegd | MetingGeregistreerd;
export const INDICATOR_EVENT_TYPES: readonly IndicatorEvent['type'][] = [INDICATOR_VASTGELEGD, METING_GEREGISTREERD];

/** Schema version per event type, and the upcasters from older versions (none yet: every type is at 1). */
export const indicatorUpcasters = upcasters<IndicatorEvent>({
  [INDICATOR_VASTGELEGD]: { version: 1 },
  [METING_GEREGISTREERD]: { version: 1 },
});

export const isIndicatorEvent = (event: { type: string }): event is IndicatorEvent => Object.hasOwn(indicatorUpcasters, event.type);

/** A stored event of an indicator stream as the current domain event; any other type fails. */
export const decodeIndicatorEvent = (recorded: StoredEvent): IndicatorEvent =>
  upcast(indicatorUpcasters, recorded.type, storedSchemaVersion(recorded), recorded.data);

export interface Meting {
  readonly waarde: number;
  readonly peildatum: string;
  readonly bron: string;
}

export type Indicator =
  | { readonly status: 'onbekend' }
  | {
      readonly status: 'vastgelegd';
      readonly indicatorId: string;
      readonly programmaId: string;
      readonly naam: string;
      readonly eenheid: string;
      readonly doel: Doel | null;
      readonly afspraakIds: readonly string[];
      /** Ascending by peildatum; one per peildatum and bron. */
      readonly metingen: readonly Meting[];
    };

export const initialIndicator: Indicator = { status: 'onbekend' };

export const evolveIndicator = (state: Indicator, event: IndicatorEvent): Indicator => {
  switch (event.type) {
    case INDICATOR_VASTGELEGD: {
      const { indicatorId, programmaId, naam, eenheid, doel, afspraakIds } = event.data;
      return { status: 'vastgelegd', indicatorId, programmaId, naam, eenheid, doel, afspraakIds, metingen: [] };
    }
    case METING_GEREGISTREERD: {
      if (state.status === 'onbekend') return state;
      const { waarde, peildatum, bron } = event.data;
      const metingen = [...state.metingen, { waarde, peildatum, bron }].sort((a, b) => (a.peildatum < b.peildatum ? -1 : a.peildatum > b.peildatum ? 1 : 0));
      return { ...state, metingen };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export type LegIndicatorVast = Command<
  'LegIndicatorVast',
  { indicatorId: string; programmaId: string; naam: string; eenheid: string; doel: Doel | null; afspraakIds: string[] }
>;
/** `programmaId`: the programme the request names (a route); an indicator of another programme is then unknown. */
export type RegistreerMeting = Command<'RegistreerMeting', { waarde: number; peildatum: string; bron: string; programmaId?: string }>;
export type IndicatorCommand = LegIndicatorVast | RegistreerMeting;

/** A year, a month or a day: as precise as the source gives it. */
export const PEILDATUM = /^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const vereisCoordinator = (actor: Actor): void => {
  if (actor.rol !== 'coordinator' && actor.rol !== 'systeem') {
    throw new ForbiddenError('ALLEEN_COORDINATOR', 'Alleen een programmacoördinator mag indicatoren vastleggen en metingen registreren');
  }
};

const tekst = (value: string, field: string, max: number): string => {
  const trimmed = value.trim();
  if (!trimmed) throw new ValidationError('VERPLICHT', `${field} is verplicht`, field);
  if (trimmed.length > max) throw new ValidationError('TE_LANG', `${field} mag hoogstens ${max} tekens zijn`, field);
  return trimmed;
};

const getal = (value: number, field: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError('GEEN_GETAL', `${field} moet een getal zijn`, field);
  return value;
};

const doelVan = (doel: Doel | null): Doel | null => {
  if (doel === null) return null;
  const { peiljaar } = doel;
  if (peiljaar !== null && (!Number.isInteger(peiljaar) || peiljaar < 1900 || peiljaar > 2100)) {
    throw new ValidationError('ONGELDIG_PEILJAAR', 'doel.peiljaar moet een jaartal van 1900 tot 2100 zijn', 'doel.peiljaar');
  }
  return { waarde: getal(doel.waarde, 'doel.waarde'), peiljaar, omschrijving: tekst(doel.omschrijving, 'doel.omschrijving', 1000) };
};

export const decideIndicator = (command: IndicatorCommand, state: Indicator): IndicatorEvent[] => {
  vereisCoordinator(command.metadata.actor);
  const now = command.metadata.now;
  switch (command.type) {
    case 'LegIndicatorVast': {
      const d = command.data;
      vereisProgramma(command.metadata.actor, d.programmaId);
      if (state.status !== 'onbekend') throw new IllegalStateError('INDICATOR_BESTAAT_AL', `Indicator ${state.indicatorId} bestaat al`);
      d.afspraakIds.forEach((id, i) => assertId(id, `afspraakIds.${i}`));
      if (new Set(d.afspraakIds).size !== d.afspraakIds.length) throw new ValidationError('DUBBEL', 'afspraakIds bevat dubbele afspraken', 'afspraakIds');
      return [
        {
          type: INDICATOR_VASTGELEGD,
          data: {
            indicatorId: assertId(d.indicatorId, 'indicatorId'),
            programmaId: assertId(d.programmaId, 'programmaId'),
            naam: tekst(d.naam, 'naam', 300),
            eenheid: tekst(d.eenheid, 'eenheid', 200),
            doel: doelVan(d.doel),
            afspraakIds: [...d.afspraakIds],
            vastgelegdOp: now,
          },
        },
      ];
    }
    case 'RegistreerMeting': {
      if (state.status === 'onbekend') throw new NotFoundError('INDICATOR_ONBEKEND', 'Deze indicator is niet vastgelegd');
      const gevraagd = command.data.programmaId;
      if (gevraagd !== undefined && gevraagd !== state.programmaId) {
        throw new NotFoundError('INDICATOR_ONBEKEND', `Indicator ${state.indicatorId} hoort niet bij programma ${gevraagd}`);
      }
      vereisProgramma(command.metadata.actor, state.programmaId);
      const { peildatum } = command.data;
      if (!PEILDATUM.test(peildatum)) throw new ValidationError('ONGELDIGE_PEILDATUM', 'peildatum moet de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD hebben', 'peildatum');
      const waarde = getal(command.data.waarde, 'waarde');
      const bron = tekst(command.data.bron, 'bron', 1000);
      const bestaand = state.metingen.find((m) => m.peildatum === peildatum && m.bron === bron);
      // The same measurement again changes nothing; another figure for the same date and source is a correction, not a second measurement.
      if (bestaand?.waarde === waarde) return [];
      if (bestaand) {
        throw new IllegalStateError('METING_BESTAAT_AL', `Er is al een meting op ${peildatum} uit deze bron (${bestaand.waarde})`);
      }
      return [{ type: METING_GEREGISTREERD, data: { indicatorId: state.indicatorId, programmaId: state.programmaId, waarde, peildatum, bron, geregistreerdOp: now } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new ValidationError('ONBEKEND_COMMANDO', 'Onbekend commando');
    }
  }
};

export const indicatorDecider: Decider<IndicatorCommand, IndicatorEvent, Indicator> = {
  decide: decideIndicator,
  evolve: evolveIndicator,
  initialState: initialIndicator,
  upcasters: indicatorUpcasters,
};
