import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { programmaDecider, streams, type Programma, type StelHerinneringsbeleidVast } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class StelHerinneringsbeleidVastCommand extends Command<CommandOutcome<Programma>> {
  constructor(
    readonly programmaId: string,
    readonly data: StelHerinneringsbeleidVast['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(StelHerinneringsbeleidVastCommand)
export class StelHerinneringsbeleidVastHandler implements ICommandHandler<StelHerinneringsbeleidVastCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ programmaId, data, context }: StelHerinneringsbeleidVastCommand): Promise<CommandOutcome<Programma>> {
    return this.executor.execute(programmaDecider, streams.programma(programmaId), (metadata): StelHerinneringsbeleidVast => ({ type: 'StelHerinneringsbeleidVast', data, metadata }), context);
  }
}
