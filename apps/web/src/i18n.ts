import { useEffect, useState } from 'preact/hooks';
import type { DeadlineStatus } from './typen';

/**
 * Every label in Dutch and English. `en` is typed as `Record<keyof typeof nl, string>`, so a label
 * without its translation does not compile. Data (titles, texts, phrases, reasons) stays as recorded.
 */
const nl = {
  titel: 'Afspraken Tracker',
  inloggen: 'Inloggen', uitloggen: 'Uitloggen', sleutel: 'API-sleutel of token',
  sleutelUitleg: 'Plak je API-sleutel (afs_…) of JWT. Hij blijft alleen in deze browsertab bewaard.',
  sleutelOngeldig: 'Deze sleutel wordt niet herkend of is ingetrokken.',
  hoofdmenu: 'Hoofdmenu', naarInhoud: 'Naar de inhoud',
  aandacht: 'Vraagt aandacht', overzicht: 'Overzicht', portaal: 'Mijn afspraken', audit: 'Audit', sleutels: 'Sleutels',
  taalWissel: 'English', taalWisselLabel: 'Switch to English',
  ingelogdAls: 'Ingelogd als', rol_coordinator: 'coördinator', rol_partij: 'partij', rol_auditor: 'auditor',
  laden: 'Laden…', opnieuw: 'Opnieuw proberen', geen: 'Geen.', onbekendePagina: 'Deze pagina bestaat niet.', naarStart: 'Naar de startpagina',
  // statuses
  'op schema': 'op schema', binnenkort: 'binnenkort', verlopen: 'verlopen', 'geleverd op tijd': 'geleverd op tijd',
  'geleverd te laat': 'geleverd te laat', ingetrokken: 'ingetrokken', 'geen termijn': 'geen termijn', 'wacht op anker': 'wacht op anker',
  wachtOpBeoordeling: 'wacht op beoordeling',
  lev_open: 'open', lev_gemeld: 'levering gemeld', lev_afgewezen: 'levering afgewezen', lev_geaccepteerd: 'geaccepteerd',
  lc_lopend: 'lopend', lc_afgerond: 'afgerond', lc_ingetrokken: 'ingetrokken',
  // work queue
  aandachtUitleg: 'Wat nu een besluit of een actie vraagt, het dringendste eerst.',
  teBeoordelen: 'Leveringen die wachten op beoordeling', teLaat: 'Verlopen', binnen30: 'Binnen 30 dagen', zonderDatum: 'Zonder datum',
  escalaties: 'Open escalaties', escalatiesNog: 'De escalaties komen uit de herinneringen; ze staan in de inbox van de partij.',
  gemeldDoor: 'Gemeld door', gemeldOp: 'gemeld op', toelichting: 'Toelichting', bewijs: 'Bewijs', geenBewijs: 'Geen bewijs bijgevoegd.',
  accepteren: 'Accepteren', afwijzen: 'Afwijzen', redenAfwijzen: 'Waarom afgewezen?', geaccepteerd: 'Levering geaccepteerd.', afgewezen: 'Levering afgewezen.',
  dagenTeLaat: '{n} dagen te laat', dagTeLaat: '1 dag te laat', overDagen: 'over {n} dagen', vandaag: 'vandaag', morgen: 'morgen',
  geefDatum: 'Geef een datum', openen: 'Openen',
  // overview
  programma: 'Programma', programmalijn: 'Programmalijn', opgave: 'Opgave', aantal: 'Aantal', totaal: 'Totaal',
  perKwartaal: 'Deadlines per kwartaal, naar status', kwartaal: 'Kwartaal', grafiekUitleg: 'Elke balk telt de mijlpalen met een deadline in dat kwartaal.',
  statusMix: 'Stand per programmalijn',
  indicatoren: 'Indicatoren', geenIndicatoren: 'Dit programma heeft geen indicatoren.', indicator: 'Indicator', doel: 'Doel', metingen: 'Metingen', afspraken: 'Afspraken',
  volgendBo: 'Volgend Bestuurlijk Overleg', geenBo: 'Geen Bestuurlijk Overleg gepland.', boPlannen: 'Bestuurlijk Overleg plannen', boGepland: 'Bestuurlijk Overleg gepland op {d}.',
  boVerplaatst: 'verplaatst van {van}: {reden}', boExtra: 'extra overleg, naast de vaste kwartaalplanning', boExtraKort: 'extra', boAfgelast: 'Het overleg van {d} is afgelast: {reden}.', boAgenda: 'Agenda van dit overleg (Markdown)',
  // afspraak
  afspraak: 'Afspraak', actie: 'Actie', status: 'Status', deadline: 'Deadline', trekker: 'Trekker', betrokken: 'Betrokken', partij: 'Partij',
  tekst: 'Tekst', bronCitaat: 'Bron (citaat)', mijlpalen: 'Mijlpalen', omschrijving: 'Omschrijving', datum: 'Datum', oorspronkelijk: 'Oorspronkelijk', levering: 'Levering',
  voortgang: 'Voortgang', geenVoortgang: 'Nog geen voortgang gerapporteerd.', geschiedenis: 'Geschiedenis', wie: 'Wie', wanneer: 'Wanneer', wat: 'Wat',
  effectief: 'effectief', acties: 'Acties', herplannen: 'Herplannen', nieuweDeadline: 'Nieuwe deadline (bijv. "uiterlijk Q4 2025")', reden: 'Reden',
  besluitorgaan: 'Besluitorgaan', intrekken: 'Intrekken', rapporteren: 'Voortgang rapporteren', percentage: 'Percentage (0–100)',
  bewijsUrl: 'Bewijslink (URL)', bewijsTitel: 'Titel van het bewijs', versturen: 'Versturen', leveringMelden: 'Levering melden',
  voortgangOpgeslagen: 'Voortgang opgeslagen.', leveringGemeld: 'Levering gemeld; die wacht nu op beoordeling door de coördinator.',
  herpland: 'Deadline verschoven.', ingetrokkenMelding: 'Afspraak ingetrokken.', wachtUitleg: 'De levering is gemeld en wacht op beoordeling door de coördinator.',
  herplanningen_1: '1 herplanning', herplanningen_n: '{n} herplanningen', dagen: '{n} dagen',
  // portal
  portaalUitleg: 'Jouw lopende afspraken, het dringendste eerst.', open: 'open', inbox: 'Mijn inbox', inboxLeeg: 'Geen berichten.',
  ical: 'Mijn agenda (iCal)', icalMaken: 'Agenda-link maken', icalUitleg: 'Abonneer je agenda op deze link; hij wordt maar één keer getoond.',
  icalGemaakt: 'Agenda-link gemaakt.', rolTrekker: 'trekker', rolBetrokken: 'betrokken',
  // audit
  peildatum: 'Peildatum', zoals: 'Stand', zoals_vastgelegd: 'zoals vastgelegd op de peildatum', zoals_gecorrigeerd: 'zoals nu bekend (gecorrigeerd)', toon: 'Toon',
  standOp: 'Stand op {d}', events: '{n} events', rapport: 'Rapportage', rapportPdf: 'Rapport (PDF)', rapportMd: 'Rapport (Markdown)', csv: 'Geschiedenis (CSV)',
  gedownload: '{f} gedownload.', tijdlijnAfspraak: 'Tijdlijn van een afspraak', afspraakId: 'Afspraak-id (bijv. TAZ-A09)',
  integriteit: 'Integriteitscontrole', controleer: 'Controleer', intact: 'Hashketen intact', gebroken: 'Hashketen gebroken', streams: '{n} streams',
  peildatumKies: 'Kies een peildatum om de stand te zien.',
  // keys
  sleutelsUitleg: 'Sleutels voor partijen en auditors; een ingetrokken sleutel werkt meteen niet meer.', naam: 'Naam', rol: 'Rol', aangemaakt: 'Aangemaakt',
  sleutelMaken: 'Sleutel maken', nieuweSleutel: 'Nieuwe sleutel (wordt maar één keer getoond):', actief: 'actief', sleutelIngetrokken: 'Sleutel ingetrokken.',
  kiesPartij: 'Partij (bij rol partij)',
  // event types
  ev_AfspraakVastgelegd: 'Afspraak vastgelegd', ev_PartijToegewezen: 'Partij toegewezen', ev_PartijVerwijderd: 'Partij verwijderd',
  ev_DeadlineVastgelegd: 'Deadline vastgelegd', ev_DeadlineVerschoven: 'Deadline verschoven', ev_AnkerVastgelegd: 'Anker vastgelegd',
  ev_VoortgangGerapporteerd: 'Voortgang gerapporteerd', ev_LeveringGemeld: 'Levering gemeld', ev_LeveringGeaccepteerd: 'Levering geaccepteerd',
  ev_LeveringAfgewezen: 'Levering afgewezen', ev_AfspraakAfgerond: 'Afspraak afgerond', ev_AfspraakIngetrokken: 'Afspraak ingetrokken',
  ev_AfspraakHeropend: 'Afspraak heropend', ev_BijdrageVastgelegd: 'Bijdrage vastgelegd', ev_OpvolgingVastgelegd: 'Opvolging vastgelegd',
  door: 'door {w}', van: 'van', naar: 'naar',
} as const;

export type Label = keyof typeof nl;

const en: Record<Label, string> = {
  titel: 'Commitments Tracker',
  inloggen: 'Log in', uitloggen: 'Log out', sleutel: 'API key or token',
  sleutelUitleg: 'Paste your API key (afs_…) or JWT. It is kept in this browser tab only.',
  sleutelOngeldig: 'This key is not recognised or has been revoked.',
  hoofdmenu: 'Main menu', naarInhoud: 'Skip to content',
  aandacht: 'Needs attention', overzicht: 'Overview', portaal: 'My commitments', audit: 'Audit', sleutels: 'Keys',
  taalWissel: 'Nederlands', taalWisselLabel: 'Naar het Nederlands',
  ingelogdAls: 'Logged in as', rol_coordinator: 'coordinator', rol_partij: 'party', rol_auditor: 'auditor',
  laden: 'Loading…', opnieuw: 'Try again', geen: 'None.', onbekendePagina: 'This page does not exist.', naarStart: 'To the start page',
  'op schema': 'on track', binnenkort: 'due soon', verlopen: 'overdue', 'geleverd op tijd': 'delivered on time',
  'geleverd te laat': 'delivered late', ingetrokken: 'withdrawn', 'geen termijn': 'no due date', 'wacht op anker': 'waiting for its event',
  wachtOpBeoordeling: 'awaiting review',
  lev_open: 'open', lev_gemeld: 'delivery claimed', lev_afgewezen: 'delivery rejected', lev_geaccepteerd: 'accepted',
  lc_lopend: 'running', lc_afgerond: 'completed', lc_ingetrokken: 'withdrawn',
  aandachtUitleg: 'What needs a decision or an action now, most urgent first.',
  teBeoordelen: 'Deliveries awaiting review', teLaat: 'Overdue', binnen30: 'Due within 30 days', zonderDatum: 'Without a date',
  escalaties: 'Open escalations', escalatiesNog: 'Escalations come from the reminders; they are in the party\'s inbox.',
  gemeldDoor: 'Claimed by', gemeldOp: 'claimed on', toelichting: 'Explanation', bewijs: 'Evidence', geenBewijs: 'No evidence attached.',
  accepteren: 'Accept', afwijzen: 'Reject', redenAfwijzen: 'Why rejected?', geaccepteerd: 'Delivery accepted.', afgewezen: 'Delivery rejected.',
  dagenTeLaat: '{n} days late', dagTeLaat: '1 day late', overDagen: 'in {n} days', vandaag: 'today', morgen: 'tomorrow',
  geefDatum: 'Give a date', openen: 'Open',
  programma: 'Programme', programmalijn: 'Programme line', opgave: 'Task', aantal: 'Count', totaal: 'Total',
  perKwartaal: 'Deadlines per quarter, by status', kwartaal: 'Quarter', grafiekUitleg: 'Each bar counts the milestones due in that quarter.',
  statusMix: 'Status per programme line',
  indicatoren: 'Indicators', geenIndicatoren: 'This programme has no indicators.', indicator: 'Indicator', doel: 'Target', metingen: 'Measurements', afspraken: 'Commitments',
  volgendBo: 'Next steering meeting (Bestuurlijk Overleg)', geenBo: 'No steering meeting planned.', boPlannen: 'Plan a steering meeting', boGepland: 'Steering meeting planned on {d}.',
  boVerplaatst: 'moved from {van}: {reden}', boExtra: 'an extra meeting, besides the regular quarterly ones', boExtraKort: 'extra', boAfgelast: 'The meeting of {d} is cancelled: {reden}.', boAgenda: 'Agenda of this meeting (Markdown)',
  afspraak: 'Commitment', actie: 'Action', status: 'Status', deadline: 'Deadline', trekker: 'Lead', betrokken: 'Involved', partij: 'Party',
  tekst: 'Text', bronCitaat: 'Source (quote)', mijlpalen: 'Milestones', omschrijving: 'Description', datum: 'Date', oorspronkelijk: 'Baseline', levering: 'Delivery',
  voortgang: 'Progress', geenVoortgang: 'No progress reported yet.', geschiedenis: 'History', wie: 'Who', wanneer: 'When', wat: 'What',
  effectief: 'effective', acties: 'Actions', herplannen: 'Re-plan', nieuweDeadline: 'New deadline (e.g. "uiterlijk Q4 2025")', reden: 'Reason',
  besluitorgaan: 'Deciding body', intrekken: 'Withdraw', rapporteren: 'Report progress', percentage: 'Percentage (0–100)',
  bewijsUrl: 'Evidence link (URL)', bewijsTitel: 'Evidence title', versturen: 'Submit', leveringMelden: 'Claim delivery',
  voortgangOpgeslagen: 'Progress saved.', leveringGemeld: 'Delivery claimed; it now awaits review by the coordinator.',
  herpland: 'Deadline moved.', ingetrokkenMelding: 'Commitment withdrawn.', wachtUitleg: 'The delivery has been claimed and awaits review by the coordinator.',
  herplanningen_1: '1 re-plan', herplanningen_n: '{n} re-plans', dagen: '{n} days',
  portaalUitleg: 'Your running commitments, most urgent first.', open: 'open', inbox: 'My inbox', inboxLeeg: 'No messages.',
  ical: 'My calendar (iCal)', icalMaken: 'Create calendar link', icalUitleg: 'Subscribe your calendar to this link; it is shown only once.',
  icalGemaakt: 'Calendar link created.', rolTrekker: 'lead', rolBetrokken: 'involved',
  peildatum: 'Reference date', zoals: 'State', zoals_vastgelegd: 'as recorded on the reference date', zoals_gecorrigeerd: 'as now known (corrected)', toon: 'Show',
  standOp: 'State on {d}', events: '{n} events', rapport: 'Report', rapportPdf: 'Report (PDF)', rapportMd: 'Report (Markdown)', csv: 'History (CSV)',
  gedownload: '{f} downloaded.', tijdlijnAfspraak: 'Timeline of a commitment', afspraakId: 'Commitment id (e.g. TAZ-A09)',
  integriteit: 'Integrity check', controleer: 'Check', intact: 'Hash chain intact', gebroken: 'Hash chain broken', streams: '{n} streams',
  peildatumKies: 'Choose a reference date to see the state.',
  sleutelsUitleg: 'Keys for parties and auditors; a revoked key stops working at once.', naam: 'Name', rol: 'Role', aangemaakt: 'Created',
  sleutelMaken: 'Create key', nieuweSleutel: 'New key (shown only once):', actief: 'active', sleutelIngetrokken: 'Key revoked.',
  kiesPartij: 'Party (for role party)',
  ev_AfspraakVastgelegd: 'Commitment recorded', ev_PartijToegewezen: 'Party assigned', ev_PartijVerwijderd: 'Party removed',
  ev_DeadlineVastgelegd: 'Deadline recorded', ev_DeadlineVerschoven: 'Deadline moved', ev_AnkerVastgelegd: 'Anchor recorded',
  ev_VoortgangGerapporteerd: 'Progress reported', ev_LeveringGemeld: 'Delivery claimed', ev_LeveringGeaccepteerd: 'Delivery accepted',
  ev_LeveringAfgewezen: 'Delivery rejected', ev_AfspraakAfgerond: 'Commitment completed', ev_AfspraakIngetrokken: 'Commitment withdrawn',
  ev_AfspraakHeropend: 'Commitment reopened', ev_BijdrageVastgelegd: 'Contribution recorded', ev_OpvolgingVastgelegd: 'Follow-up recorded',
  door: 'by {w}', van: 'from', naar: 'to',
};

export type Taal = 'nl' | 'en';
const teksten: Record<Taal, Record<Label, string>> = { nl, en };

let huidig: Taal = localStorage.getItem('taal') === 'en' ? 'en' : 'nl';
const luisteraars = new Set<(t: Taal) => void>();

export const taal = (): Taal => huidig;
export const zetTaal = (nieuw: Taal): void => {
  huidig = nieuw;
  localStorage.setItem('taal', nieuw);
  document.documentElement.lang = nieuw;
  luisteraars.forEach((l) => l(nieuw));
};
export const useTaal = (): Taal => {
  const [t, zet] = useState(huidig);
  useEffect(() => {
    luisteraars.add(zet);
    return () => void luisteraars.delete(zet);
  }, []);
  return t;
};

export const t = (label: Label, params: Record<string, string | number> = {}): string =>
  teksten[huidig][label].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export const statusLabel = (s: DeadlineStatus): string => t(s);
export const herplanningen = (n: number): string => (n === 1 ? t('herplanningen_1') : t('herplanningen_n', { n }));
export const eventLabel = (type: string): string => {
  const label = `ev_${type}` as Label;
  return label in nl ? t(label) : type;
};

const locale = (): string => (huidig === 'en' ? 'en-GB' : 'nl-NL');
/** Dates and times in Amsterdam, as the programme documents mean them. */
export const datumTijd = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString(locale(), { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' }) : '';
export const datum = (dag: string | null | undefined): string =>
  dag ? new Date(`${dag}T12:00:00Z`).toLocaleDateString(locale(), { timeZone: 'Europe/Amsterdam', dateStyle: 'medium' }) : '—';
