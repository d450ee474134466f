import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { programmaDecider, streams, type Programma, type PlanBestuurlijkOverleg } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class PlanBestuurlijkOverlegCommand extends Command<CommandOutcome<Programma>> {
  constructor(
    readonly programmaId: string,
    readonly data: PlanBestuurlijkOverleg['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PlanBestuurlijkOverlegCommand)
export class PlanBestuurlijkOverlegHandler implements ICommandHandler<PlanBestuurlijkOverlegCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ programmaId, data, context }: PlanBestuurlijkOverlegCommand): Promise<CommandOutcome<Programma>> {
    return this.executor.execute(programmaDecider, streams.programma(programmaId), (metadata): PlanBestuurlijkOverleg => ({ type: 'PlanBestuurlijkOverleg', data, metadata }), context);
  }
}
