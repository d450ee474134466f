import { Injectable } from '@nestjs/common';
import { afspraakDecider, streams, type AfspraakCommand, type AfspraakEvent, type Afspraak, type CommandMetadata } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

/** The command path for one afspraak stream. */
@Injectable()
export class AfspraakCommands {
  constructor(private readonly executor: CommandExecutor) {}

  execute(afspraakId: string, command: (metadata: CommandMetadata) => AfspraakCommand, context: CommandContext): Promise<CommandOutcome<Afspraak>> {
    return this.executor.execute(afspraakDecider, streams.afspraak(afspraakId), command, context);
  }

  load(afspraakId: string) {
    return this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, streams.afspraak(afspraakId));
  }
}
