import { Injectable } from '@nestjs/common';
import {
  afspraakDecider,
  indicatorDecider,
  programmaDecider,
  streams,
  type Afspraak,
  type AfspraakEvent,
  type Doel,
  type Indicator,
  type IndicatorCommand,
  type IndicatorEvent,
  type Programma,
  type ProgrammaCommand,
  type ProgrammaEvent,
} from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type FieldProblem } from '@afspraken/application';
import type { ProgrammaBestand } from './programma-bestand';
import { teller, type Teller } from './afspraken-schrijver';

/** Links of a programme file to other programmes and its indicators, checked and ready to write. */
export interface KoppelingenPlan {
  readonly opvolging: readonly { rol: 'voorganger' | 'opvolger'; anderProgrammaId: string }[];
  readonly bijdragen: readonly { afspraakId: string; draagtBijAan: string; doelProgrammaId: string }[];
  readonly indicatoren: readonly {
    id: string;
    naam: string;
    eenheid: string;
    doel: Doel | null;
    afspraakIds: string[];
    metingen: readonly { waarde: number; peildatum: string; bron: string }[];
  }[];
}

export interface KoppelingenVerslag {
  readonly koppelingen: Teller;
  readonly indicatoren: Teller;
  readonly metingen: Teller;
  readonly eventsGeschreven: number;
}

/**
 * Lineage (`voorganger`/`opvolger`), `draagtBijAan` and indicators of a programme file. Another
 * programme is only referred to: every event goes to this programme's own streams.
 */
@Injectable()
export class Koppelingen {
  constructor(private readonly executor: CommandExecutor) {}

  async controleer(bestand: ProgrammaBestand, problems: FieldProblem[]): Promise<KoppelingenPlan> {
    const p = bestand.programma;
    const opvolging: { rol: 'voorganger' | 'opvolger'; anderProgrammaId: string }[] = [];
    for (const rol of ['voorganger', 'opvolger'] as const) {
      const ander = p[rol];
      if (ander === undefined) continue;
      if (ander === p.id) problems.push({ field: `programma.${rol}`, message: `${p.id} kan niet zijn eigen ${rol} zijn` });
      else if ((await this.programma(ander)).status === 'onbekend') {
        problems.push({ field: `programma.${rol}`, message: `programma ${ander} bestaat niet (importeer het eerst)` });
      } else opvolging.push({ rol, anderProgrammaId: ander });
    }

    const inBestand = new Set([...bestand.afspraken.map((a) => a.id), ...bestand.acties.map((a) => a.id)]);
    /** The programme an afspraak belongs to: this file's, or the one it was imported into; null when unknown. */
    const programmaVan = async (afspraakId: string): Promise<string | null> => {
      if (inBestand.has(afspraakId)) return p.id;
      const state = await this.afspraak(afspraakId);
      return state.status === 'onbekend' ? null : state.programmaId;
    };

    const bijdragen: { afspraakId: string; draagtBijAan: string; doelProgrammaId: string }[] = [];
    for (const [i, a] of bestand.afspraken.entries()) {
      for (const [j, doel] of a.draagtBijAan.entries()) {
        const field = `afspraken.${i}.draagtBijAan.${j}`;
        if (doel === a.id) {
          problems.push({ field, message: `${a.id} kan niet aan zichzelf bijdragen` });
          continue;
        }
        const doelProgrammaId = await programmaVan(doel);
        if (doelProgrammaId === null) problems.push({ field, message: `afspraak ${doel} bestaat niet (${a.id})` });
        else bijdragen.push({ afspraakId: a.id, draagtBijAan: doel, doelProgrammaId });
      }
    }

    const indicatoren: KoppelingenPlan['indicatoren'][number][] = [];
    const gezien = new Set<string>();
    for (const [i, ind] of bestand.indicatoren.entries()) {
      if (gezien.has(ind.id)) problems.push({ field: `indicatoren.${i}.id`, message: `${ind.id} komt twee keer voor` });
      gezien.add(ind.id);
      const bestaand = await this.indicator(ind.id);
      if (bestaand.status !== 'onbekend' && bestaand.programmaId !== p.id) {
        problems.push({ field: `indicatoren.${i}.id`, message: `indicator ${ind.id} hoort bij programma ${bestaand.programmaId}` });
      }
      for (const [j, afspraakId] of ind.afspraken.entries()) {
        const van = await programmaVan(afspraakId);
        if (van === null) problems.push({ field: `indicatoren.${i}.afspraken.${j}`, message: `afspraak ${afspraakId} bestaat niet` });
        else if (van !== p.id) problems.push({ field: `indicatoren.${i}.afspraken.${j}`, message: `afspraak ${afspraakId} hoort bij programma ${van}, niet bij ${p.id}` });
      }
      const metingen = new Map<string, number>();
      for (const [j, m] of ind.metingen.entries()) {
        const sleutel = `${m.peildatum}|${m.bron}`;
        if (metingen.has(sleutel) && metingen.get(sleutel) !== m.waarde) {
          problems.push({ field: `indicatoren.${i}.metingen.${j}`, message: `twee waarden voor ${m.peildatum} uit dezelfde bron` });
        }
        metingen.set(sleutel, m.waarde);
      }
      indicatoren.push({ id: ind.id, naam: ind.naam, eenheid: ind.eenheid, doel: ind.doel, afspraakIds: ind.afspraken, metingen: ind.metingen });
    }
    return { opvolging, bijdragen, indicatoren };
  }

  async schrijf(programmaId: string, plan: KoppelingenPlan, context: CommandContext): Promise<KoppelingenVerslag> {
    const verslag = { koppelingen: teller(), indicatoren: teller(), metingen: teller() };
    let events = 0;
    const programmaStream = streams.programma(programmaId);
    const opProgramma = async (command: Omit<ProgrammaCommand, 'metadata'>): Promise<boolean> => {
      const r = await this.executor.execute(programmaDecider, programmaStream, (metadata) => ({ ...command, metadata }) as ProgrammaCommand, context);
      events += r.events.length;
      return r.events.length > 0;
    };
    for (const o of plan.opvolging) {
      const nieuw = await opProgramma({ type: 'LegOpvolgingVast', data: o });
      verslag.koppelingen[nieuw ? 'nieuw' : 'bestond']++;
    }
    for (const b of plan.bijdragen) {
      const nieuw = await opProgramma({ type: 'LegBijdrageVast', data: b });
      verslag.koppelingen[nieuw ? 'nieuw' : 'bestond']++;
    }
    for (const ind of plan.indicatoren) {
      const stream = streams.indicator(ind.id);
      const opIndicator = async (command: Omit<IndicatorCommand, 'metadata'>): Promise<number> => {
        const r = await this.executor.execute(indicatorDecider, stream, (metadata) => ({ ...command, metadata }) as IndicatorCommand, context);
        events += r.events.length;
        return r.events.length;
      };
      if ((await this.indicator(ind.id)).status === 'onbekend') {
        await opIndicator({ type: 'LegIndicatorVast', data: { indicatorId: ind.id, programmaId, naam: ind.naam, eenheid: ind.eenheid, doel: ind.doel, afspraakIds: ind.afspraakIds } });
        verslag.indicatoren.nieuw++;
      } else verslag.indicatoren.bestond++;
      for (const m of ind.metingen) {
        const nieuw = await opIndicator({ type: 'RegistreerMeting', data: m });
        verslag.metingen[nieuw ? 'nieuw' : 'bestond']++;
      }
    }
    return { ...verslag, eventsGeschreven: events };
  }

  private async programma(programmaId: string): Promise<Programma> {
    return (await this.executor.load<ProgrammaEvent, Programma>(programmaDecider, streams.programma(programmaId))).state;
  }

  private async afspraak(afspraakId: string): Promise<Afspraak> {
    return (await this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, streams.afspraak(afspraakId))).state;
  }

  private async indicator(indicatorId: string): Promise<Indicator> {
    return (await this.executor.load<IndicatorEvent, Indicator>(indicatorDecider, streams.indicator(indicatorId))).state;
  }
}
