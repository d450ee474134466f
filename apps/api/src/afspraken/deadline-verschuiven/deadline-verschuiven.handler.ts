import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, streams, type VerschuifDeadline, type Afspraak } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';
import { leesDeadline } from '../shared/deadline-invoer';

export class VerschuifDeadlineCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly afspraakId: string,
    readonly deadlineId: string,
    readonly invoer: { phrase: string; reden: string; besluitorgaan: string; besluitdatum?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(VerschuifDeadlineCommand)
export class VerschuifDeadlineHandler implements ICommandHandler<VerschuifDeadlineCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ afspraakId, deadlineId, invoer, context }: VerschuifDeadlineCommand): Promise<CommandOutcome<Afspraak>> {
    // A re-plan is said on the day of its decision: "voor de zomer" then means the summer after the besluitdatum
    // (without one such a phrase stays vague; the documentdatum of years ago would misread it).
    const naar = leesDeadline(invoer.phrase, 'phrase', invoer.besluitdatum ? { referentie: { soort: 'opgegeven', datum: invoer.besluitdatum } } : {});
    return this.executor.execute(
      afspraakDecider,
      streams.afspraak(afspraakId),
      (metadata): VerschuifDeadline => ({
        type: 'VerschuifDeadline',
        data: { deadlineId, naar, reden: invoer.reden, besluitorgaan: invoer.besluitorgaan, besluitdatum: invoer.besluitdatum ?? null },
        metadata,
      }),
      context,
    );
  }
}
