import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import type { Afspraak, PartijRol } from '@afspraken/domain';
import type { CommandContext, CommandOutcome } from '@afspraken/application';
import { AfspraakCommands } from '../shared/afspraak-commands';
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
    private readonly afspraken: AfspraakCommands,
    private readonly referenties: Referenties,
  ) {}

  async execute({ afspraakId, partijId, rol, context }: WijsPartijToeCommand): Promise<CommandOutcome<Afspraak>> {
    await this.referenties.partij(partijId, 'partijId');
    return this.afspraken.execute(afspraakId, (metadata) => ({ type: 'WijsPartijToe', data: { partijId, rol }, metadata }), context);
  }
}
