import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { programmaDecider, streams, type Programma, type LegProgrammaVast } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class LegProgrammaVastCommand extends Command<CommandOutcome<Programma>> {
  constructor(
    readonly programmaId: string,
    readonly data: LegProgrammaVast['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(LegProgrammaVastCommand)
export class LegProgrammaVastHandler implements ICommandHandler<LegProgrammaVastCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ programmaId, data, context }: LegProgrammaVastCommand): Promise<CommandOutcome<Programma>> {
    return this.executor.execute(programmaDecider, streams.programma(programmaId), (metadata): LegProgrammaVast => ({ type: 'LegProgrammaVast', data, metadata }), context);
  }
}
