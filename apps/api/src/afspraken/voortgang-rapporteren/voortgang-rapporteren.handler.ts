import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type Afspraak, type RapporteerVoortgang } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

export class RapporteerVoortgangCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly data: RapporteerVoortgang['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RapporteerVoortgangCommand)
export class RapporteerVoortgangHandler implements ICommandHandler<RapporteerVoortgangCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ afspraakId, data, context }: RapporteerVoortgangCommand): Promise<CommandOutcome<Afspraak>> {
    return this.executor.execute(afspraakDecider, streams.afspraak(afspraakId), (metadata): RapporteerVoortgang => ({ type: 'RapporteerVoortgang', data, metadata }), context);
  }
}
