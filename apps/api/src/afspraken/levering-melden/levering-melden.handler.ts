import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type Afspraak, type MeldLevering } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class MeldLeveringCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly data: MeldLevering['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(MeldLeveringCommand)
export class MeldLeveringHandler implements ICommandHandler<MeldLeveringCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ afspraakId, data, context }: MeldLeveringCommand): Promise<CommandOutcome<Afspraak>> {
    return this.executor.execute(afspraakDecider, streams.afspraak(afspraakId), (metadata): MeldLevering => ({ type: 'MeldLevering', data, metadata }), context);
  }
}
