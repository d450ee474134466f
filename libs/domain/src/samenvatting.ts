import type { AfspraakEvent } from './afspraak/afspraak';
import type { Deadline } from './deadlines/deadline';
import type { PartijEvent } from './partij/partij';
import type { ProgrammaEvent } from './programma/programma';
import type { IndicatorEvent } from './indicator/indicator';

export type DomeinEvent = AfspraakEvent | ProgrammaEvent | PartijEvent | IndicatorEvent;

const deadline = (d: Deadline): string => (d.due ? `"${d.phrase}" (${d.due})` : `"${d.phrase}"`);
const mijlpalen = (ids: readonly string[]): string => (ids.length ? ` (${ids.join(', ')})` : '');

/** One readable Dutch sentence per event, for history views and exports. */
export const beschrijf = (event: DomeinEvent): string => {
  switch (event.type) {
    case 'AfspraakVastgelegd': {
      const d = event.data;
      const wat = d.soort === 'actie' ? 'Actie' : 'Afspraak';
      const betrokken = d.betrokken.length ? `, betrokken: ${d.betrokken.join(', ')}` : '';
      return `${wat} ${d.afspraakId} vastgelegd: "${d.titel}" (trekker ${d.trekker}${betrokken})`;
    }
    case 'PartijToegewezen':
      return event.data.rol === 'trekker'
        ? `${event.data.partijId} is nu trekker${event.data.vervangt ? ` in plaats van ${event.data.vervangt}` : ''}`
        : `${event.data.partijId} is als betrokkene toegevoegd`;
    case 'PartijVerwijderd':
      return `${event.data.partijId} is niet meer betrokken: ${event.data.reden}`;
    case 'DeadlineVastgelegd':
      return `Deadline ${event.data.deadlineId} vastgelegd: ${event.data.omschrijving}, ${deadline(event.data.deadline)}`;
    case 'DeadlineVerschoven':
      return `Deadline ${event.data.deadlineId} verschoven van ${deadline(event.data.van)} naar ${deadline(event.data.naar)} door ${event.data.besluitorgaan}: ${event.data.reden}`;
    case 'VoortgangGerapporteerd':
      return `${event.data.partijId} rapporteert ${event.data.percentage}% voortgang: ${event.data.toelichting}`;
    case 'LeveringGemeld':
      return `${event.data.partijId} meldt levering${mijlpalen(event.data.deadlineIds)}: ${event.data.toelichting}`;
    case 'LeveringGeaccepteerd':
      return `Levering geaccepteerd${mijlpalen(event.data.deadlineIds)}${event.data.toelichting ? `: ${event.data.toelichting}` : ''}`;
    case 'LeveringAfgewezen':
      return `Levering afgewezen${mijlpalen(event.data.deadlineIds)}: ${event.data.reden}`;
    case 'AfspraakAfgerond':
      return 'Afspraak afgerond: alles is geleverd en geaccepteerd';
    case 'AfspraakIngetrokken':
      return `Afspraak ingetrokken: ${event.data.reden}`;
    case 'AfspraakHeropend':
      return `Afspraak heropend: ${event.data.reden}`;
    case 'AnkerVastgelegd':
      return `${event.data.anker} vastgelegd op ${event.data.datum}: deadline${event.data.deadlineIds.length === 1 ? '' : 's'} ${event.data.deadlineIds.join(', ')} ${event.data.deadlineIds.length === 1 ? 'heeft' : 'hebben'} nu een datum`;
    case 'ProgrammaVastgelegd':
      return `Programma ${event.data.programmaId} vastgelegd: ${event.data.naam}`;
    case 'ProgrammalijnVastgelegd':
      return `Programmalijn ${event.data.nummer} vastgelegd: ${event.data.naam}`;
    case 'OpgaveVastgelegd':
      return `Opgave ${event.data.nummer} vastgelegd: ${event.data.naam}`;
    case 'BestuurlijkOverlegGepland':
      return `Bestuurlijk Overleg gepland op ${event.data.datum}`;
    case 'BestuurlijkOverlegRegelVastgelegd':
      return `Bestuurlijk Overleg volgens de regel "${event.data.phrase}"`;
    case 'BestuurlijkOverlegVerplaatst':
      return `Bestuurlijk Overleg ${event.data.voorkomen} verplaatst van ${event.data.van} naar ${event.data.naar}: ${event.data.reden}`;
    case 'BestuurlijkOverlegAfgelast':
      return `Bestuurlijk Overleg ${event.data.voorkomen} van ${event.data.datum} afgelast: ${event.data.reden}`;
    case 'HerinneringsbeleidVastgesteld':
      return `Herinneringsbeleid vastgesteld: ${event.data.beleid.dagenVoor.join('/')} dagen vooraf${event.data.beleid.opDeadline ? ', op de deadline' : ''}`;
    case 'OpvolgingVastgelegd':
      return `${event.data.anderProgrammaId} is de ${event.data.rol} van ${event.data.programmaId}`;
    case 'BijdrageVastgelegd':
      return `${event.data.afspraakId} draagt bij aan ${event.data.draagtBijAan} (${event.data.doelProgrammaId})`;
    case 'IndicatorVastgelegd':
      return `Indicator ${event.data.indicatorId} vastgelegd: ${event.data.naam}${event.data.doel ? `, doel ${event.data.doel.waarde} ${event.data.eenheid}${event.data.doel.peiljaar ? ` in ${event.data.doel.peiljaar}` : ''}` : ''}`;
    case 'MetingGeregistreerd':
      return `Meting ${event.data.peildatum}: ${event.data.waarde} (${event.data.bron})`;
    case 'PartijVastgelegd':
      return `Partij ${event.data.partijId} vastgelegd: ${event.data.naam} (${event.data.soort})`;
    case 'ContactToegevoegd':
      return `Contact ${event.data.contact.naam} toegevoegd`;
    case 'ContactVerwijderd':
      return `Contact ${event.data.contactId} verwijderd`;
    default: {
      const onbekend: never = event;
      return `Onbekend event ${(onbekend as { type: string }).type}`;
    }
  }
};
