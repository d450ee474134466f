import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ProgrammaImporter } from '@afspraken/import';
import type { CliContext } from '../cli-context';

export const registerProgramma = (program: Command, { io, withApp, actor }: CliContext): void => {
  const programma = program.command('programma').description('Programma’s');
  programma
    .command('importeer')
    .description('Importeer een programmabestand (YAML); wat al bestaat blijft staan, een tweede import schrijft niets')
    .argument('<bestand>', 'bijv. data/programmas/taz.yaml')
    .option('--controleer', 'alleen controleren, niets schrijven')
    .action(
      withApp(async (app, bestand: string, options: { controleer?: boolean }) => {
        const tekst = readFileSync(bestand, 'utf8');
        const importer = app.get(ProgrammaImporter);
        if (options.controleer) {
          const plan = await importer.controleer(tekst);
          io.out(`${bestand} is in orde: ${plan.bestand.afspraken.length} afspraken, ${plan.bestand.acties.length} acties, ${plan.bestand.partijen.length} partijen`);
          return;
        }
        const v = await importer.importeer(tekst, actor());
        const regel = (naam: string, t: { nieuw: number; bestond: number }) => `  ${naam.padEnd(24)} ${String(t.nieuw).padStart(4)} nieuw ${String(t.bestond).padStart(4)} bestond al`;
        io.out(
          [
            `Programma ${v.programmaId} geïmporteerd uit ${bestand} (${v.eventsGeschreven} events geschreven)`,
            regel('programma', v.programma),
            regel('partijen', v.partijen),
            regel('programmalijnen', v.programmalijnen),
            regel('opgaven', v.opgaven),
            regel('regel bestuurlijk overleg', v.bestuurlijkOverlegRegel),
            regel('bestuurlijke overleggen', v.bestuurlijkeOverleggen),
            regel('afspraken', v.afspraken),
            regel('acties', v.acties),
            regel('deadlines', v.deadlines),
            ...v.waarschuwingen.map((w) => `  let op: ${w}`),
          ].join('\n'),
        );
      }),
    );
};
