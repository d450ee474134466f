import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type WijsPartijToe, type Afspraak, type PartijRol } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';
import { Referenties } from '../shared/referenties';

export class WijsPartijToeCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly partijId: string,
    readonly rol: PartijRol,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WijsPartijToeCommand)
export class WijsPartijToeHandler implements ICommandHandler<WijsPartijToeCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly referenties: Referenties,
  ) {}

  async execute({ afspraakId, partijId, rol, context }: WijsPartijToeCommand): Promise<CommandOutcome<Afspraak>> {
    await this.referenties.partij(partijId, 'partijId');
    return this.executor.execute(afspraakDecider, streams.afspraak(afspraakId), (metadata): WijsPartijToe => ({ type: 'WijsPartijToe', data: { partijId, rol }, metadata }), context);
  }
}
