import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type Afspraak, type TrekAfspraakIn } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class TrekAfspraakInCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly data: TrekAfspraakIn['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(TrekAfspraakInCommand)
export class TrekAfspraakInHandler implements ICommandHandler<TrekAfspraakInCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ afspraakId, data, context }: TrekAfspraakInCommand): Promise<CommandOutcome<Afspraak>> {
    return this.executor.execute(afspraakDecider, streams.afspraak(afspraakId), (metadata): TrekAfspraakIn => ({ type: 'TrekAfspraakIn', data, metadata }), context);
  }
}
