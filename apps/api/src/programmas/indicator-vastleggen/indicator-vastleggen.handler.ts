import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import {
  afspraakDecider,
  indicatorDecider,
  NotFoundError,
  programmaDecider,
  streams,
  ValidationError,
  type Afspraak,
  type AfspraakEvent,
  type Doel,
  type Indicator,
  type IndicatorCommand,
  type IndicatorEvent,
  type Programma,
  type ProgrammaEvent,
} from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class LegIndicatorVastCommand extends Command<CommandOutcome<Indicator>> {
  constructor(
    readonly programmaId: string,
    readonly invoer: { indicatorId: string; naam: string; eenheid: string; doel: Doel | null; afspraakIds: string[] },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * An indicator of an existing programme, belonging to afspraken of that programme (as the import
 * checks them); then the decider's rules on the indicator's own stream.
 */
@CommandHandler(LegIndicatorVastCommand)
export class LegIndicatorVastHandler implements ICommandHandler<LegIndicatorVastCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ programmaId, invoer, context }: LegIndicatorVastCommand): Promise<CommandOutcome<Indicator>> {
    const programma = await this.executor.load<ProgrammaEvent, Programma>(programmaDecider, streams.programma(programmaId));
    if (programma.state.status === 'onbekend') throw new NotFoundError('PROGRAMMA_ONBEKEND', `Programma ${programmaId} bestaat niet`);
    for (const [i, afspraakId] of invoer.afspraakIds.entries()) {
      const afspraak = (await this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, streams.afspraak(afspraakId))).state;
      const field = `afspraakIds.${i}`;
      if (afspraak.status === 'onbekend') throw new ValidationError('AFSPRAAK_ONBEKEND', `afspraak ${afspraakId} bestaat niet`, field);
      if (afspraak.programmaId !== programmaId) throw new ValidationError('ANDER_PROGRAMMA', `afspraak ${afspraakId} hoort bij programma ${afspraak.programmaId}, niet bij ${programmaId}`, field);
    }
    return this.executor.execute(
      indicatorDecider,
      streams.indicator(invoer.indicatorId),
      (metadata): IndicatorCommand => ({ type: 'LegIndicatorVast', data: { ...invoer, programmaId }, metadata }),
      context,
    );
  }
}
