import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { programmaDecider, streams, type CommandMetadata, type Programma, type ProgrammaCommand, type ProgrammaEvent } from '@afspraken/domain';
import type { CommandContext } from '@afspraken/application';
import { StreamCommando } from '../core/stream-commando';
import { id } from '../core/validation';

export const programmaCommando = (programmaId: string, command: (metadata: CommandMetadata) => ProgrammaCommand, context: CommandContext) =>
  new StreamCommando<ProgrammaCommand, ProgrammaEvent, Programma>(programmaDecider, streams.programma(programmaId), command, context);

export class ProgrammaParams extends createZodDto(z.strictObject({ programmaId: id })) {}
