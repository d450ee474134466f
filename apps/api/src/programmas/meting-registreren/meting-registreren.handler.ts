import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { indicatorDecider, streams, type Indicator, type IndicatorCommand } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class RegistreerMetingCommand extends Command<CommandOutcome<Indicator>> {
  constructor(
    readonly programmaId: string,
    readonly indicatorId: string,
    readonly invoer: { waarde: number; peildatum: string; bron: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The decider knows the indicator: unknown, or of another programme than the route names, is 404. */
@CommandHandler(RegistreerMetingCommand)
export class RegistreerMetingHandler implements ICommandHandler<RegistreerMetingCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ programmaId, indicatorId, invoer, context }: RegistreerMetingCommand): Promise<CommandOutcome<Indicator>> {
    return this.executor.execute(
      indicatorDecider,
      streams.indicator(indicatorId),
      (metadata): IndicatorCommand => ({ type: 'RegistreerMeting', data: { ...invoer, programmaId }, metadata }),
      context,
    );
  }
}
