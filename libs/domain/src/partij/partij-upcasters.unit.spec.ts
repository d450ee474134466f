import { UnknownEventTypeError, UnsupportedSchemaVersionError } from '../shared/upcasting';
import { decodeEvent, schemaVersionOf } from '../decode';
import { decodePartijEvent, partijDecider, type Contact } from './partij';

const contactIn = (stored: object): Contact | null => {
  const event = decodePartijEvent(stored as never);
  return event.type === 'ContactToegevoegd' ? event.data.contact : null;
};

// As the first release stored it (commit dc2d981): the contact has no channel fields yet.
const contactV1 = JSON.parse(`{
  "type": "ContactToegevoegd",
  "data": {"partijId": "vws", "contact": {"contactId": "c0", "naam": "Oud", "email": "oud@vws.nl", "functie": null}, "toegevoegdOp": "2023-03-01T09:00:00.000Z"},
  "metadata": {"actor": "coord-1", "rol": "coordinator", "partijId": null, "recordedAt": "2023-03-01T09:00:00.000Z", "effectiveAt": "2023-03-01T09:00:00.000Z",
               "correlationId": "5f0c", "causationId": "5f0c", "commandType": "VoegContactToe", "idempotencyKey": null, "requestHash": null,
               "schemaVersion": 1, "previousHash": "ab12", "hash": "cd34"}
}`);

// As the first reminder release stored it: still version 1, but with the channel fields.
const contactV1MetKanaal = JSON.parse(`{
  "type": "ContactToegevoegd",
  "data": {"partijId": "vws", "contact": {"contactId": "c1", "naam": "Jan", "email": "jan@vws.nl", "functie": null,
           "kanaal": "webhook", "webhookUrl": "https://vws.example/hook", "wekelijksOverzicht": true}, "toegevoegdOp": "2023-03-02T09:00:00.000Z"},
  "metadata": {"schemaVersion": 1}
}`);

const partijV1 = JSON.parse(`{
  "type": "PartijVastgelegd",
  "data": {"partijId": "vws", "naam": "VWS", "soort": "ministerie", "aliassen": [], "vastgelegdOp": "2023-03-01T08:00:00.000Z"},
  "metadata": {"schemaVersion": 1}
}`);

describe('ContactToegevoegd van versie 1', () => {
  it('wordt een e-mailcontact zonder weekoverzicht: wat zulke contacten in feite waren', () =>
    expect(contactIn(contactV1)).toEqual({
      contactId: 'c0',
      naam: 'Oud',
      email: 'oud@vws.nl',
      functie: null,
      kanaal: 'email',
      webhookUrl: null,
      wekelijksOverzicht: false,
    }));

  it('houdt de kanaalvelden die een versie-1-event al had', () =>
    expect(contactIn(contactV1MetKanaal)).toMatchObject({ kanaal: 'webhook', webhookUrl: 'https://vws.example/hook', wekelijksOverzicht: true }));

  it('geeft de partij een volledig contact na het vouwen', () => {
    const state = [partijV1, contactV1].map(decodePartijEvent).reduce(partijDecider.evolve, partijDecider.initialState);
    expect(state.status === 'vastgelegd' && state.contacten).toEqual([expect.objectContaining({ contactId: 'c0', kanaal: 'email' })]);
  });

  it('wordt vanaf nu als versie 2 geschreven', () => expect(schemaVersionOf('ContactToegevoegd')).toBe(2));

  it('leest in een globale lezer hetzelfde als in de stream', () => expect(decodeEvent(contactV1)).toEqual(decodePartijEvent(contactV1)));
});

describe('De decoder van de partijstream', () => {
  it('faalt op een type dat niet bij een partij hoort', () =>
    expect(() => decodePartijEvent({ type: 'AfspraakVastgelegd', data: {}, metadata: { schemaVersion: 1 } })).toThrow(UnknownEventTypeError));

  it('faalt op een versie die een nieuwere release schreef', () =>
    expect(() => decodePartijEvent({ ...contactV1, metadata: { schemaVersion: 3 } })).toThrow(UnsupportedSchemaVersionError));
});

describe('De decoder van de globale stream', () => {
  it('slaat een type over dat deze release niet kent', () => expect(decodeEvent({ type: 'IetsVanLater', data: {} })).toBeNull());

  it('faalt bij het schrijven van een onbekend type', () => expect(() => schemaVersionOf('IetsVanLater')).toThrow(UnknownEventTypeError));
});
