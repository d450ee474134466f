import type { BestaandeAfspraak, ProgrammaStand } from '@afspraken/domain';

/**
 * The programme overview on a peildatum: programme-wide counts, and one line per afspraak (its full
 * state is per afspraak) for the afspraken `metRegel` lets through.
 */
export const programmaOverzicht = (stand: ProgrammaStand, metRegel: (afspraak: BestaandeAfspraak) => boolean = () => true) => ({
  programmaId: stand.programmaId,
  naam: stand.programma.status === 'vastgelegd' ? stand.programma.naam : null,
  peildatum: stand.peildatum,
  peilmoment: stand.peilmoment,
  zoals: stand.zoals,
  events: stand.events,
  totaal: stand.totaal,
  perSoort: stand.perSoort,
  programmalijnen: stand.programmalijnen,
  afspraken: stand.afspraken.filter(({ afspraak }) => metRegel(afspraak)).map(({ afspraak: a, status: s }) => ({
    afspraakId: a.afspraakId,
    soort: a.soort,
    titel: a.titel,
    programmalijnId: a.programmalijnId,
    opgaveId: a.opgaveId,
    levenscyclus: a.status,
    status: s.status,
    stoplicht: s.stoplicht,
    trekker: a.trekker,
    betrokken: a.betrokken,
    eerstvolgendeDue: s.eerstvolgendeDue,
    herplanningen: s.herplanningen,
    verschuivingDagen: s.verschuivingDagen,
    voortgangPerPartij: s.voortgangPerPartij,
  })),
});

export type ProgrammaOverzicht = ReturnType<typeof programmaOverzicht>;
