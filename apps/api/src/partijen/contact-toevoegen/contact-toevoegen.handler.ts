import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { partijDecider, streams, type Partij, type VoegContactToe } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class VoegContactToeCommand extends Command<CommandOutcome<Partij>> {
  constructor(
    readonly partijId: string,
    readonly data: VoegContactToe['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(VoegContactToeCommand)
export class VoegContactToeHandler implements ICommandHandler<VoegContactToeCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ partijId, data, context }: VoegContactToeCommand): Promise<CommandOutcome<Partij>> {
    return this.executor.execute(partijDecider, streams.partij(partijId), (metadata): VoegContactToe => ({ type: 'VoegContactToe', data, metadata }), context);
  }
}
