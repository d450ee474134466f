import { CommandHandler, Command as CqrsCommand, type ICommandHandler } from '@nestjs/cqrs';
import type { Command, CommandMetadata, Decider, Event } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';

/**
 * A command on one stream that needs nothing beyond that stream. Slices that must look
 * elsewhere first (parties, deadline phrases) have handlers of their own.
 */
export class StreamCommando<C extends Command = Command, E extends Event = Event, S = unknown> extends CqrsCommand<CommandOutcome<S>> {
  constructor(
    readonly decider: Decider<C, E, S>,
    readonly streamId: string,
    readonly command: (metadata: CommandMetadata) => C,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(StreamCommando)
export class StreamCommandoHandler implements ICommandHandler<StreamCommando> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ decider, streamId, command, context }: StreamCommando): Promise<CommandOutcome<unknown>> {
    return this.executor.execute(decider, streamId, command, context);
  }
}
