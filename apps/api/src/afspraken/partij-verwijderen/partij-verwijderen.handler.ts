import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type Afspraak, type VerwijderPartij } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class VerwijderPartijCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly data: VerwijderPartij['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(VerwijderPartijCommand)
export class VerwijderPartijHandler implements ICommandHandler<VerwijderPartijCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ afspraakId, data, context }: VerwijderPartijCommand): Promise<CommandOutcome<Afspraak>> {
    return this.executor.execute(afspraakDecider, streams.afspraak(afspraakId), (metadata): VerwijderPartij => ({ type: 'VerwijderPartij', data, metadata }), context);
  }
}
