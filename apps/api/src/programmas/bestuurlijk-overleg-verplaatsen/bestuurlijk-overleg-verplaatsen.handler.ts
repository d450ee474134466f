import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { programmaDecider, streams, type Programma, type VerplaatsBestuurlijkOverleg } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class VerplaatsBestuurlijkOverlegCommand extends Command<CommandOutcome<Programma>> {
  constructor(
    readonly programmaId: string,
    readonly data: VerplaatsBestuurlijkOverleg['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(VerplaatsBestuurlijkOverlegCommand)
export class VerplaatsBestuurlijkOverlegHandler implements ICommandHandler<VerplaatsBestuurlijkOverlegCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ programmaId, data, context }: VerplaatsBestuurlijkOverlegCommand): Promise<CommandOutcome<Programma>> {
    return this.executor.execute(programmaDecider, streams.programma(programmaId), (metadata): VerplaatsBestuurlijkOverleg => ({ type: 'VerplaatsBestuurlijkOverleg', data, metadata }), context);
  }
}
