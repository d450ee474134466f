import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type LegDeadlineVast, type AfspraakEvent, type Afspraak } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';
import { leesDeadline } from '../shared/deadline-invoer';
import { Referenties } from '../shared/referenties';

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
  constructor(
    private readonly executor: CommandExecutor,
    private readonly referenties: Referenties,
  ) {}

  async execute({ afspraakId, invoer, context }: LegDeadlineVastCommand): Promise<CommandOutcome<Afspraak>> {
    const { state } = await this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, streams.afspraak(afspraakId));
    // A milestone of the programme document is read against its documentdatum, as the import does.
    const deadline = leesDeadline(invoer.phrase, 'phrase', state.status === 'onbekend' ? {} : await this.referenties.deadlineOpties(state.programmaId));
    // Without an id, the next free dN.
    const bestaande = state.status === 'onbekend' ? [] : state.mijlpalen.map((m) => m.deadlineId);
    let deadlineId = invoer.deadlineId;
    for (let n = bestaande.length + 1; !deadlineId; n++) if (!bestaande.includes(`d${n}`)) deadlineId = `d${n}`;
    return this.executor.execute(
      afspraakDecider,
      streams.afspraak(afspraakId),
      (metadata): LegDeadlineVast => ({ type: 'LegDeadlineVast', data: { deadlineId: deadlineId as string, omschrijving: invoer.omschrijving, deadline }, metadata }),
      context,
    );
  }
}
