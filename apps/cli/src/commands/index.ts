import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { registerAfspraak } from './afspraak';
import { registerAudit } from './audit';
import { registerDeadline } from './deadline';
import { registerHerinneringen } from './herinneringen';
import { registerProgramma } from './programma';
import { registerProjecties } from './projecties';
import { registerSleutel } from './sleutel';

/** Every CLI command group; a new group is one file in this folder and one line here. */
export const COMMANDS: ReadonlyArray<(program: Command, context: CliContext) => void> = [
  registerDeadline,
  registerProgramma,
  registerAfspraak,
  registerSleutel,
  registerHerinneringen,
  registerAudit,
  registerProjecties,
];
