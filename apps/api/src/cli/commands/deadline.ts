import type { Command } from 'commander';
import { parseDeadline } from '@afspraken/domain';
import type { CliContext } from '../cli-context';

export const registerDeadline = (program: Command, { io }: CliContext): void => {
  program
    .command('deadline')
    .description('Lees een deadline zoals een programma haar noemt en toon de uitleg als JSON')
    .argument('<phrase>', 'bijv. "uiterlijk Q2 2023"')
    .action((phrase: string) => {
      const d = parseDeadline(phrase);
      io.out(JSON.stringify({ phrase: d.phrase, kind: d.kind, start: d.start, end: d.end, due: d.due, dueAt: d.dueAt, recurrence: d.recurrence, relativeTo: d.relativeTo }));
    });
};
