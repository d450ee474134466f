import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import type { Command, Decider, Event } from '../shared/event';
import { assertId } from '../shared/ids';
import { upcast, upcasters, storedSchemaVersion, type StoredEvent } from '../shared/upcasting';

/** Kinds of organisation that make or carry afspraken. */
export type PartijSoort =
  | 'ministerie'
  | 'brancheorganisatie'
  | 'regionale-werkgeversorganisatie'
  | 'zorginkoper'
  | 'onderwijs'
  | 'vakbond'
  | 'beroepsvereniging'
  | 'kennisinstituut'
  | 'overheid'
  | 'zorgaanbieder'
  | 'overig'
  /** A group the text names as one party ("overheid", "sociale partners"): reminders go to its `leden`. */
  | 'collectief';

export const PARTIJ_SOORTEN: readonly PartijSoort[] = [
  'ministerie',
  'brancheorganisatie',
  'regionale-werkgeversorganisatie',
  'zorginkoper',
  'onderwijs',
  'vakbond',
  'beroepsvereniging',
  'kennisinstituut',
  'overheid',
  'zorgaanbieder',
  'overig',
  'collectief',
];

/** How a contact gets reminders; the party's in-app inbox gets them always. */
export type ContactKanaal = 'email' | 'webhook';
export const CONTACT_KANALEN: readonly ContactKanaal[] = ['email', 'webhook'];

export interface Contact {
  readonly contactId: string;
  readonly naam: string;
  readonly email: string;
  readonly functie: string | null;
  readonly kanaal: ContactKanaal;
  /** Where webhook reminders go (https, or http for local receivers); null for email. */
  readonly webhookUrl: string | null;
  /** One mail a week listing all items instead of one mail per reminder. */
  readonly wekelijksOverzicht: boolean;
}

/** A contact as a command gives it: the channel fields may be left out (plain email). */
export type NieuwContact = Omit<Contact, 'kanaal' | 'webhookUrl' | 'wekelijksOverzicht'> &
  Partial<Pick<Contact, 'kanaal' | 'webhookUrl' | 'wekelijksOverzicht'>>;

export const PARTIJ_VASTGELEGD = 'PartijVastgelegd';
export const CONTACT_TOEGEVOEGD = 'ContactToegevoegd';
export const CONTACT_VERWIJDERD = 'ContactVerwijderd';

export type PartijVastgelegd = Event<
  typeof PARTIJ_VASTGELEGD,
  {
    partijId: string;
    naam: string;
    soort: PartijSoort;
    aliassen: string[];
    /** Only a collectief: its member parties. Absent on other parties. */
    leden?: string[];
    vastgelegdOp: string;
  }
>;
export type ContactToegevoegd = Event<typeof CONTACT_TOEGEVOEGD, { partijId: string; contact: Contact; toegevoegdOp: string }>;
export type ContactVerwijderd = Event<typeof CONTACT_VERWIJDERD, { partijId: string; contactId: string; verwijderdOp: string }>;
export type PartijEvent = PartijVastgelegd | ContactToegevoegd | ContactVerwijderd;

export const PARTIJ_EVENT_TYPES: readonly PartijEvent['type'][] = [PARTIJ_VASTGELEGD, CONTACT_TOEGEVOEGD, CONTACT_VERWIJDERD];

/**
 * ContactToegevoegd v1: stored before reminders existed, its contact has no channel fields
 * (`{ contactId, naam, email, functie }`). Events written by the first reminder release are also
 * version 1 but do carry them; the step keeps what is there.
 */
export interface ContactToegevoegdV1 {
  readonly partijId: string;
  readonly contact: NieuwContact;
  readonly toegevoegdOp: string;
}

/** v1 → v2: the defaults are what those contacts effectively had, plain email one by one. */
export const contactToegevoegdV1naarV2 = (v1: ContactToegevoegdV1): ContactToegevoegd['data'] => ({
  ...v1,
  contact: {
    ...v1.contact,
    kanaal: v1.contact.kanaal ?? 'email',
    webhookUrl: v1.contact.webhookUrl ?? null,
    wekelijksOverzicht: v1.contact.wekelijksOverzicht ?? false,
  },
});

/** Schema version per event type, and the upcasters from older versions. */
export const partijUpcasters = upcasters<PartijEvent>({
  [PARTIJ_VASTGELEGD]: { version: 1 },
  [CONTACT_TOEGEVOEGD]: { version: 2, steps: { 1: contactToegevoegdV1naarV2 } },
  [CONTACT_VERWIJDERD]: { version: 1 },
});

export const isPartijEvent = (event: { type: string }): event is PartijEvent => Object.hasOwn(partijUpcasters, event.type);

/** A stored event of a partij stream as the current domain event; any other type fails. */
export const decodePartijEvent = (recorded: StoredEvent): PartijEvent =>
  upcast(partijUpcasters, recorded.type, storedSchemaVersion(recorded), recorded.data);

export type Partij =
  | { readonly status: 'onbekend' }
  | {
      readonly status: 'vastgelegd';
      readonly partijId: string;
      readonly naam: string;
      readonly soort: PartijSoort;
      readonly aliassen: readonly string[];
      /** The member parties of a collectief; empty for any other party. */
      readonly leden: readonly string[];
      readonly contacten: readonly Contact[];
    };

export const initialPartij: Partij = { status: 'onbekend' };

export const evolvePartij = (state: Partij, event: PartijEvent): Partij => {
  if (event.type === PARTIJ_VASTGELEGD) {
    const { partijId, naam, soort, aliassen, leden } = event.data;
    return { status: 'vastgelegd', partijId, naam, soort, aliassen: [...aliassen], leden: [...(leden ?? [])], contacten: [] };
  }
  if (state.status === 'onbekend') return state;
  switch (event.type) {
    case CONTACT_TOEGEVOEGD:
      return { ...state, contacten: [...state.contacten, event.data.contact] };
    case CONTACT_VERWIJDERD:
      return { ...state, contacten: state.contacten.filter((c) => c.contactId !== event.data.contactId) };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export type LegPartijVast = Command<'LegPartijVast', { partijId: string; naam: string; soort: PartijSoort; aliassen: string[]; leden?: string[] }>;
export type VoegContactToe = Command<'VoegContactToe', NieuwContact>;
export type VerwijderContact = Command<'VerwijderContact', { contactId: string }>;
export type PartijCommand = LegPartijVast | VoegContactToe | VerwijderContact;

// Deliberately simple: the mail server decides deliverability; this only catches typos.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const WEBHOOK_URL = /^https?:\/\/[^\s]+$/i;

export const decidePartij = (command: PartijCommand, state: Partij): PartijEvent[] => {
  const { actor, now } = command.metadata;
  if (actor.rol !== 'coordinator' && actor.rol !== 'systeem') {
    throw new ForbiddenError('ALLEEN_COORDINATOR', 'Alleen een programmacoördinator mag partijen beheren');
  }
  if (command.type === 'LegPartijVast') {
    if (state.status !== 'onbekend') throw new IllegalStateError('PARTIJ_BESTAAT_AL', `Partij ${state.partijId} bestaat al`);
    const d = command.data;
    const naam = d.naam.trim();
    if (!naam) throw new ValidationError('VERPLICHT', 'naam is verplicht', 'naam');
    if (!PARTIJ_SOORTEN.includes(d.soort)) {
      throw new ValidationError('ONBEKENDE_SOORT', `soort moet een van ${PARTIJ_SOORTEN.join(', ')} zijn`, 'soort');
    }
    const aliassen = [...new Set(d.aliassen.map((a) => a.trim()).filter(Boolean))];
    const leden = d.leden ?? [];
    if (d.soort === 'collectief') {
      if (leden.length === 0) throw new ValidationError('LEDEN_VERPLICHT', 'Een collectief heeft ten minste één lid', 'leden');
      leden.forEach((l, i) => assertId(l, `leden[${i}]`));
      if (new Set(leden).size !== leden.length) throw new ValidationError('DUBBEL', 'leden bevat dubbele partijen', 'leden');
      if (leden.includes(d.partijId)) throw new ValidationError('EIGEN_LID', 'Een collectief kan geen lid van zichzelf zijn', 'leden');
    } else if (leden.length) {
      throw new ValidationError('LEDEN_ALLEEN_COLLECTIEF', 'Alleen een partij van soort collectief heeft leden', 'leden');
    }
    return [
      {
        type: PARTIJ_VASTGELEGD,
        data: { partijId: assertId(d.partijId, 'partijId'), naam, soort: d.soort, aliassen, ...(leden.length ? { leden: [...leden] } : {}), vastgelegdOp: now },
      },
    ];
  }
  if (state.status === 'onbekend') throw new NotFoundError('PARTIJ_ONBEKEND', 'Deze partij is niet vastgelegd');
  switch (command.type) {
    case 'VoegContactToe': {
      const c = command.data;
      assertId(c.contactId, 'contactId');
      if (state.contacten.some((x) => x.contactId === c.contactId)) {
        throw new IllegalStateError('CONTACT_BESTAAT_AL', `Contact ${c.contactId} bestaat al`);
      }
      if (!c.naam.trim()) throw new ValidationError('VERPLICHT', 'naam is verplicht', 'naam');
      if (!EMAIL.test(c.email)) throw new ValidationError('ONGELDIG_EMAIL', 'email is geen geldig e-mailadres', 'email');
      const kanaal = c.kanaal ?? 'email';
      if (!CONTACT_KANALEN.includes(kanaal)) {
        throw new ValidationError('ONBEKEND_KANAAL', `kanaal moet een van ${CONTACT_KANALEN.join(', ')} zijn`, 'kanaal');
      }
      const webhookUrl = c.webhookUrl?.trim() || null;
      if (kanaal === 'webhook' && !webhookUrl) throw new ValidationError('VERPLICHT', 'webhookUrl is verplicht bij kanaal webhook', 'webhookUrl');
      if (webhookUrl && !WEBHOOK_URL.test(webhookUrl)) {
        throw new ValidationError('ONGELDIGE_URL', 'webhookUrl moet met http:// of https:// beginnen', 'webhookUrl');
      }
      return [
        {
          type: CONTACT_TOEGEVOEGD,
          data: {
            partijId: state.partijId,
            contact: {
              contactId: c.contactId,
              naam: c.naam.trim(),
              email: c.email.trim().toLowerCase(),
              functie: c.functie?.trim() || null,
              kanaal,
              webhookUrl,
              wekelijksOverzicht: c.wekelijksOverzicht ?? false,
            },
            toegevoegdOp: now,
          },
        },
      ];
    }
    case 'VerwijderContact': {
      if (!state.contacten.some((c) => c.contactId === command.data.contactId)) {
        throw new NotFoundError('CONTACT_ONBEKEND', `Contact ${command.data.contactId} bestaat niet`);
      }
      return [{ type: CONTACT_VERWIJDERD, data: { partijId: state.partijId, contactId: command.data.contactId, verwijderdOp: now } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new ValidationError('ONBEKEND_COMMANDO', 'Onbekend commando');
    }
  }
};

export const partijDecider: Decider<PartijCommand, PartijEvent, Partij> = {
  decide: decidePartij,
  evolve: evolvePartij,
  initialState: initialPartij,
  upcasters: partijUpcasters,
};
