import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { programmaDecider, streams, type Programma, type LegProgrammalijnVast } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class LegProgrammalijnVastCommand extends Command<CommandOutcome<Programma>> {
  constructor(
    readonly programmaId: string,
    readonly data: LegProgrammalijnVast['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(LegProgrammalijnVastCommand)
export class LegProgrammalijnVastHandler implements ICommandHandler<LegProgrammalijnVastCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ programmaId, data, context }: LegProgrammalijnVastCommand): Promise<CommandOutcome<Programma>> {
    return this.executor.execute(programmaDecider, streams.programma(programmaId), (metadata): LegProgrammalijnVast => ({ type: 'LegProgrammalijnVast', data, metadata }), context);
  }
}
