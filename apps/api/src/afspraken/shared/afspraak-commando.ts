import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { afspraakDecider, streams, type Afspraak, type AfspraakCommand, type AfspraakEvent, type CommandMetadata } from '@afspraken/domain';
import type { CommandContext } from '@afspraken/application';
import { id } from '../../core/validation';
import { StreamCommando } from '../../core/stream-commando';

export const afspraakCommando = (afspraakId: string, command: (metadata: CommandMetadata) => AfspraakCommand, context: CommandContext) =>
  new StreamCommando<AfspraakCommand, AfspraakEvent, Afspraak>(afspraakDecider, streams.afspraak(afspraakId), command, context);

export class AfspraakParams extends createZodDto(z.strictObject({ afspraakId: id })) {}
