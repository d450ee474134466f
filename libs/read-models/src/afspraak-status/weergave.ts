import { afspraakStatus, type AfspraakStatus, type BestaandeAfspraak, type StatusOpties, type VoortgangRapport } from '@afspraken/domain';

/** What a party stands at within a multi-party afspraak. */
export interface PartijSubstatus {
  readonly partijId: string;
  readonly rol: 'trekker' | 'betrokken';
  readonly status: 'levering gemeld' | 'voortgang gerapporteerd' | 'nog niets gerapporteerd';
  readonly laatsteVoortgang: VoortgangRapport | null;
}

export interface AfspraakStatusWeergave extends AfspraakStatus {
  readonly afspraakId: string;
  readonly soort: BestaandeAfspraak['soort'];
  readonly nummer: string | null;
  readonly titel: string;
  readonly programmaId: string;
  readonly programmalijnId: string | null;
  readonly opgaveId: string | null;
  /** lopend, afgerond or ingetrokken: the lifecycle, next to the deadline status. */
  readonly levenscyclus: BestaandeAfspraak['status'];
  readonly trekker: string;
  readonly betrokken: readonly string[];
  readonly laatsteVoortgang: VoortgangRapport | null;
  readonly partijen: readonly PartijSubstatus[];
}

const laatste = (rapporten: readonly VoortgangRapport[]): VoortgangRapport | null =>
  rapporten.reduce<VoortgangRapport | null>((l, r) => (!l || r.gerapporteerdOp > l.gerapporteerdOp ? r : l), null);

/** Pure: the stored document judged against the peilmoment. */
export const afspraakStatusWeergave = (a: BestaandeAfspraak, opties: StatusOpties): AfspraakStatusWeergave => {
  const gemeldDoor = new Set(
    [...a.mijlpalen.map((m) => m.levering), a.leveringZonderMijlpaal].flatMap((l) => (l.status === 'gemeld' ? [l.door] : [])),
  );
  const partij = (partijId: string, rol: PartijSubstatus['rol']): PartijSubstatus => {
    const rapport = a.voortgang[partijId] ?? null;
    return {
      partijId,
      rol,
      status: gemeldDoor.has(partijId) ? 'levering gemeld' : rapport ? 'voortgang gerapporteerd' : 'nog niets gerapporteerd',
      laatsteVoortgang: rapport,
    };
  };
  return {
    afspraakId: a.afspraakId,
    soort: a.soort,
    nummer: a.nummer,
    titel: a.titel,
    programmaId: a.programmaId,
    programmalijnId: a.programmalijnId,
    opgaveId: a.opgaveId,
    levenscyclus: a.status,
    trekker: a.trekker,
    betrokken: a.betrokken,
    ...afspraakStatus(a, opties),
    laatsteVoortgang: laatste(Object.values(a.voortgang)),
    partijen: [partij(a.trekker, 'trekker'), ...a.betrokken.map((p) => partij(p, 'betrokken'))],
  };
};
