import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type Afspraak, type LegAnkerVast } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class LegAnkerVastCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly data: LegAnkerVast['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(LegAnkerVastCommand)
export class LegAnkerVastHandler implements ICommandHandler<LegAnkerVastCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ afspraakId, data, context }: LegAnkerVastCommand): Promise<CommandOutcome<Afspraak>> {
    return this.executor.execute(afspraakDecider, streams.afspraak(afspraakId), (metadata): LegAnkerVast => ({ type: 'LegAnkerVast', data, metadata }), context);
  }
}
