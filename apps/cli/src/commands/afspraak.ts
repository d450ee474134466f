import { Option, type Command } from 'commander';
import type { Actor } from '@afspraken/domain';
import { EventStore } from '@afspraken/event-store';
import { HISTORIE_FORMATEN, afspraakGeschiedenis, historieAlsCsv } from '@afspraken/audit';
import { Leesrecht } from '@afspraken/platform';
import { json, type CliContext } from '../cli-context';
import { registerAfspraakImporteer } from './afspraak-importeer';

/** Whoever runs the CLI has the database in hand: they read as the system (the api's routes read as their caller). */
const SYSTEEM: Actor = { id: 'systeem', rol: 'systeem' };

export const registerAfspraak = (program: Command, context: CliContext): void => {
  const { io, withApp } = context;
  const afspraak = program.command('afspraak').description('Afspraken');
  registerAfspraakImporteer(afspraak, context);
  afspraak
    .command('toon')
    .description('De huidige stand van een afspraak')
    .argument('<ref>', 'bijv. TAZ-A09')
    .option('--json', 'als JSON')
    .action(
      withApp(async (app, ref: string, options: { json?: boolean }) => {
        const { afspraak: a, revision } = await app.get(Leesrecht).afspraak(SYSTEEM, ref);
        if (options.json) return io.out(json({ afspraak: a, revision }));
        const regels = [
          `${a.afspraakId}${a.nummer ? ` (afspraak ${a.nummer})` : ''} — ${a.titel}`,
          `  status:     ${a.status}   revisie ${revision}`,
          `  programma:  ${a.programmaId}${a.programmalijnId ? ` / ${a.programmalijnId}` : ''}${a.opgaveId ? ` / ${a.opgaveId}` : ''}`,
          `  trekker:    ${a.trekker}`,
          `  betrokken:  ${a.betrokken.join(', ') || '-'}`,
          '  deadlines:',
          ...(a.mijlpalen.length
            ? a.mijlpalen.map(
                (m) =>
                  `    ${m.deadlineId.padEnd(4)} ${m.deadline.phrase.padEnd(28)} ${(m.deadline.due ?? '-').padEnd(10)}  ${m.levering.status.padEnd(12)} ${m.omschrijving}` +
                  (m.verschuivingen.length ? `  (${m.verschuivingen.length}× verschoven, baseline "${m.baseline.phrase}")` : ''),
              )
            : ['    (geen)']),
          '  voortgang:',
          ...(Object.values(a.voortgang).length
            ? Object.values(a.voortgang).map((v) => `    ${v.partijId.padEnd(20)} ${String(v.percentage).padStart(3)}%  ${v.gerapporteerdOp.slice(0, 10)}  ${v.toelichting}`)
            : ['    (nog niet gerapporteerd)']),
        ];
        io.out(regels.join('\n'));
      }),
    );
  afspraak
    .command('geschiedenis')
    .description('Elk event van een afspraak: wanneer, wie, wat')
    .argument('<ref>', 'bijv. TAZ-A09')
    .option('--json', 'als JSON (hetzelfde als --formaat json)')
    .addOption(new Option('--formaat <formaat>', 'tekst, json of csv').choices(['tekst', ...HISTORIE_FORMATEN]).default('tekst'))
    .action(
      withApp(async (app, ref: string, options: { json?: boolean; formaat: string }) => {
        const regels = await afspraakGeschiedenis(app.get(EventStore), ref);
        if (options.json || options.formaat === 'json') return io.out(json(regels));
        if (options.formaat === 'csv') return io.out(historieAlsCsv(regels));
        io.out(
          regels
            .map((r) => `${String(r.revision).padStart(4)}  ${(r.vastgelegdOp ?? '').slice(0, 19).replace('T', ' ')}  ${`${r.actor ?? '?'} (${r.rol ?? '?'})`.padEnd(34)} ${r.samenvatting}`)
            .join('\n'),
        );
      }),
    );
};
