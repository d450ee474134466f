import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import type { Afspraak } from '@afspraken/domain';
import type { CommandContext, CommandOutcome } from '@afspraken/application';
import { AfspraakCommands } from '../shared/afspraak-commands';
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
  constructor(private readonly afspraken: AfspraakCommands) {}

  async execute({ afspraakId, deadlineId, invoer, context }: VerschuifDeadlineCommand): Promise<CommandOutcome<Afspraak>> {
    const naar = leesDeadline(invoer.phrase, 'phrase');
    return this.afspraken.execute(
      afspraakId,
      (metadata) => ({
        type: 'VerschuifDeadline',
        data: { deadlineId, naar, reden: invoer.reden, besluitorgaan: invoer.besluitorgaan, besluitdatum: invoer.besluitdatum ?? null },
        metadata,
      }),
      context,
    );
  }
}
