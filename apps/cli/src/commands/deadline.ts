import type { Command } from 'commander';
import { parseDeadline } from '@afspraken/domain';
import type { CliContext } from '../cli-context';

export const registerDeadline = (program: Command, { io }: CliContext): void => {
  program
    .command('deadline')
    .description('Lees een deadline zoals een programma haar noemt en toon de uitleg als JSON')
    .argument('<phrase>', 'bijv. "uiterlijk Q2 2023"')
    .option('--documentdatum <JJJJ-MM-DD>', 'de datum van het document: "dit najaar", "volgend jaar" worden daartegen gelezen')
    .action((phrase: string, opties: { documentdatum?: string }) => {
      const d = parseDeadline(phrase, opties.documentdatum === undefined ? {} : { referentie: { soort: 'documentdatum', datum: opties.documentdatum } });
      const { phrase: zin, kind, start, end, due, dueAt, recurrence, relativeTo, ...extra } = d;
      io.out(JSON.stringify({ phrase: zin, kind, start, end, due, dueAt, recurrence, relativeTo, ...extra }));
    });
};
