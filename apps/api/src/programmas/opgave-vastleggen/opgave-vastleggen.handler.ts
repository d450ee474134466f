import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { programmaDecider, streams, type Programma, type LegOpgaveVast } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class LegOpgaveVastCommand extends Command<CommandOutcome<Programma>> {
  constructor(
    readonly programmaId: string,
    readonly data: LegOpgaveVast['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(LegOpgaveVastCommand)
export class LegOpgaveVastHandler implements ICommandHandler<LegOpgaveVastCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ programmaId, data, context }: LegOpgaveVastCommand): Promise<CommandOutcome<Programma>> {
    return this.executor.execute(programmaDecider, streams.programma(programmaId), (metadata): LegOpgaveVast => ({ type: 'LegOpgaveVast', data, metadata }), context);
  }
}
