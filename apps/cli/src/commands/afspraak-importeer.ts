import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '@afspraken/domain';
import { AfsprakenImporter, formaatVanBestandsnaam } from '@afspraken/import';
import type { CliContext } from '../cli-context';

/** `afspraak importeer <bestand.csv|bestand.xlsx> --programma TAZ`: every bad row is printed, nothing is half-written. */
export const registerAfspraakImporteer = (afspraak: Command, { io, withApp, actor }: CliContext): void => {
  afspraak
    .command('importeer')
    .description('Importeer afspraken en acties uit CSV of XLSX; bij één foute rij wordt niets geschreven, een tweede import schrijft niets')
    .argument('<bestand>', 'bijv. data/voorbeelden/afspraken.csv of .xlsx')
    .requiredOption('--programma <programmaId>', 'het programma waar de afspraken bij horen, bijv. TAZ')
    .option('--controleer', 'alleen controleren, niets schrijven')
    .action(
      withApp(async (app, bestand: string, options: { programma: string; controleer?: boolean }) => {
        const formaat = formaatVanBestandsnaam(bestand);
        if (!formaat) throw new ValidationError('ONBEKEND_FORMAAT', `${bestand}: gebruik een .csv- of .xlsx-bestand`, 'bestand');
        const inhoud = readFileSync(bestand);
        const importer = app.get(AfsprakenImporter);
        if (options.controleer) {
          const plan = await importer.controleer(inhoud, formaat, options.programma);
          io.out(`${bestand} is in orde: ${plan.afspraken.length} rijen voor programma ${plan.programmaId}`);
          for (const w of plan.vageDeadlines) io.out(`  let op: ${w}`);
          return;
        }
        const v = await importer.importeer(inhoud, formaat, options.programma, actor());
        const regel = (naam: string, t: { nieuw: number; bestond: number }) => `  ${naam.padEnd(12)} ${String(t.nieuw).padStart(4)} nieuw ${String(t.bestond).padStart(4)} bestond al`;
        io.out(
          [
            `${v.rijen} rijen uit ${bestand} geïmporteerd in programma ${v.programmaId} (${v.eventsGeschreven} events geschreven)`,
            regel('afspraken', v.afspraken),
            regel('acties', v.acties),
            regel('deadlines', v.deadlines),
            ...v.waarschuwingen.map((w) => `  let op: ${w}`),
          ].join('\n'),
        );
      }),
    );
};
