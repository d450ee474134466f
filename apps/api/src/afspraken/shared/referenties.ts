import { Injectable } from '@nestjs/common';
import {
  ValidationError,
  deadlineOptiesVan,
  partijDecider,
  programmaDecider,
  streams,
  type Partij,
  type PartijEvent,
  type DeadlineOpties,
  type Programma,
  type ProgrammaEvent,
} from '@afspraken/domain';
import { CommandExecutor } from '@afspraken/application';

/** Checks that what a command refers to in other aggregates exists, naming the field when not. */
@Injectable()
export class Referenties {
  constructor(private readonly executor: CommandExecutor) {}

  async programma(programmaId: string, field = 'programmaId'): Promise<Exclude<Programma, { status: 'onbekend' }>> {
    const { state } = await this.executor.load<ProgrammaEvent, Programma>(programmaDecider, streams.programma(programmaId));
    if (state.status === 'onbekend') throw new ValidationError('ONBEKEND_PROGRAMMA', `Programma ${programmaId} bestaat niet`, field);
    return state;
  }

  /** What a programme's phrases are read against: its documentdatum (none: "now"-phrases stay vague). */
  async deadlineOpties(programmaId: string): Promise<DeadlineOpties> {
    const { state } = await this.executor.load<ProgrammaEvent, Programma>(programmaDecider, streams.programma(programmaId));
    return deadlineOptiesVan(state.status === 'onbekend' ? undefined : state.documentdatum?.datum);
  }

  async partij(partijId: string, field: string): Promise<Exclude<Partij, { status: 'onbekend' }>> {
    const { state } = await this.executor.load<PartijEvent, Partij>(partijDecider, streams.partij(partijId));
    if (state.status === 'onbekend') throw new ValidationError('ONBEKENDE_PARTIJ', `Partij ${partijId} bestaat niet`, field);
    return state;
  }
}
