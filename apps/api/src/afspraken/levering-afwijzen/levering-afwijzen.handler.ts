import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type Afspraak, type WijsLeveringAf } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class WijsLeveringAfCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly data: WijsLeveringAf['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WijsLeveringAfCommand)
export class WijsLeveringAfHandler implements ICommandHandler<WijsLeveringAfCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ afspraakId, data, context }: WijsLeveringAfCommand): Promise<CommandOutcome<Afspraak>> {
    return this.executor.execute(afspraakDecider, streams.afspraak(afspraakId), (metadata): WijsLeveringAf => ({ type: 'WijsLeveringAf', data, metadata }), context);
  }
}
