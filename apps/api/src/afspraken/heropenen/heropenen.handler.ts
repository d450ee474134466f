import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type Afspraak, type HeropenAfspraak } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class HeropenAfspraakCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly data: HeropenAfspraak['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(HeropenAfspraakCommand)
export class HeropenAfspraakHandler implements ICommandHandler<HeropenAfspraakCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ afspraakId, data, context }: HeropenAfspraakCommand): Promise<CommandOutcome<Afspraak>> {
    return this.executor.execute(afspraakDecider, streams.afspraak(afspraakId), (metadata): HeropenAfspraak => ({ type: 'HeropenAfspraak', data, metadata }), context);
  }
}
