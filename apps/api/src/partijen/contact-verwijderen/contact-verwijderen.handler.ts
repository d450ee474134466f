import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { partijDecider, streams, type Partij, type VerwijderContact } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class VerwijderContactCommand extends Command<CommandOutcome<Partij>> {
  constructor(
    readonly partijId: string,
    readonly data: VerwijderContact['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(VerwijderContactCommand)
export class VerwijderContactHandler implements ICommandHandler<VerwijderContactCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ partijId, data, context }: VerwijderContactCommand): Promise<CommandOutcome<Partij>> {
    return this.executor.execute(partijDecider, streams.partij(partijId), (metadata): VerwijderContact => ({ type: 'VerwijderContact', data, metadata }), context);
  }
}
