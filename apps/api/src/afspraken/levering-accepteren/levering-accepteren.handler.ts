import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type Afspraak, type AccepteerLevering } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class AccepteerLeveringCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly data: AccepteerLevering['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AccepteerLeveringCommand)
export class AccepteerLeveringHandler implements ICommandHandler<AccepteerLeveringCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ afspraakId, data, context }: AccepteerLeveringCommand): Promise<CommandOutcome<Afspraak>> {
    return this.executor.execute(afspraakDecider, streams.afspraak(afspraakId), (metadata): AccepteerLevering => ({ type: 'AccepteerLevering', data, metadata }), context);
  }
}
