import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { partijDecider, streams, type Partij, type LegPartijVast } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class LegPartijVastCommand extends Command<CommandOutcome<Partij>> {
  constructor(
    readonly partijId: string,
    readonly data: LegPartijVast['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(LegPartijVastCommand)
export class LegPartijVastHandler implements ICommandHandler<LegPartijVastCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ partijId, data, context }: LegPartijVastCommand): Promise<CommandOutcome<Partij>> {
    return this.executor.execute(partijDecider, streams.partij(partijId), (metadata): LegPartijVast => ({ type: 'LegPartijVast', data, metadata }), context);
  }
}
