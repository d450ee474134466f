import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { partijDecider, streams, type CommandMetadata, type Partij, type PartijCommand, type PartijEvent } from '@afspraken/domain';
import type { CommandContext } from '@afspraken/application';
import { StreamCommando } from '../core/stream-commando';
import { id } from '../core/validation';

export const partijCommando = (partijId: string, command: (metadata: CommandMetadata) => PartijCommand, context: CommandContext) =>
  new StreamCommando<PartijCommand, PartijEvent, Partij>(partijDecider, streams.partij(partijId), command, context);

export class PartijParams extends createZodDto(z.strictObject({ partijId: id })) {}
