import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { programmaDecider, streams, type Programma, type ZegBestuurlijkOverlegAf } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class ZegBestuurlijkOverlegAfCommand extends Command<CommandOutcome<Programma>> {
  constructor(
    readonly programmaId: string,
    readonly data: ZegBestuurlijkOverlegAf['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ZegBestuurlijkOverlegAfCommand)
export class ZegBestuurlijkOverlegAfHandler implements ICommandHandler<ZegBestuurlijkOverlegAfCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ programmaId, data, context }: ZegBestuurlijkOverlegAfCommand): Promise<CommandOutcome<Programma>> {
    return this.executor.execute(programmaDecider, streams.programma(programmaId), (metadata): ZegBestuurlijkOverlegAf => ({ type: 'ZegBestuurlijkOverlegAf', data, metadata }), context);
  }
}
