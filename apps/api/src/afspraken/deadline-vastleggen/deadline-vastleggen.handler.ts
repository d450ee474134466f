import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import type { Afspraak } from '@afspraken/domain';
import type { CommandContext, CommandOutcome } from '@afspraken/application';
import { AfspraakCommands } from '../shared/afspraak-commands';
import { leesDeadline } from '../shared/deadline-invoer';

export class LegDeadlineVastCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly invoer: { deadlineId?: string; omschrijving: string; phrase: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(LegDeadlineVastCommand)
export class LegDeadlineVastHandler implements ICommandHandler<LegDeadlineVastCommand> {
  constructor(private readonly afspraken: AfspraakCommands) {}

  async execute({ afspraakId, invoer, context }: LegDeadlineVastCommand): Promise<CommandOutcome<Afspraak>> {
    const deadline = leesDeadline(invoer.phrase, 'phrase');
    const { state } = await this.afspraken.load(afspraakId);
    // Without an id, the next free dN.
    const bestaande = state.status === 'onbekend' ? [] : state.mijlpalen.map((m) => m.deadlineId);
    let deadlineId = invoer.deadlineId;
    for (let n = bestaande.length + 1; !deadlineId; n++) if (!bestaande.includes(`d${n}`)) deadlineId = `d${n}`;
    return this.afspraken.execute(
      afspraakId,
      (metadata) => ({ type: 'LegDeadlineVast', data: { deadlineId: deadlineId as string, omschrijving: invoer.omschrijving, deadline }, metadata }),
      context,
    );
  }
}
