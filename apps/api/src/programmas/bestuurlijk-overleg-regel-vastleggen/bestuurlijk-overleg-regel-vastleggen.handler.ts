import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { programmaDecider, streams, type Programma, type LegBestuurlijkOverlegRegelVast } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class LegBestuurlijkOverlegRegelVastCommand extends Command<CommandOutcome<Programma>> {
  constructor(
    readonly programmaId: string,
    readonly data: LegBestuurlijkOverlegRegelVast['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(LegBestuurlijkOverlegRegelVastCommand)
export class LegBestuurlijkOverlegRegelVastHandler implements ICommandHandler<LegBestuurlijkOverlegRegelVastCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ programmaId, data, context }: LegBestuurlijkOverlegRegelVastCommand): Promise<CommandOutcome<Programma>> {
    return this.executor.execute(programmaDecider, streams.programma(programmaId), (metadata): LegBestuurlijkOverlegRegelVast => ({ type: 'LegBestuurlijkOverlegRegelVast', data, metadata }), context);
  }
}
