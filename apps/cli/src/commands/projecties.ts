import type { Command } from 'commander';
import type { INestApplicationContext } from '@nestjs/common';
import { EventStore } from '@afspraken/event-store';
import { ALLE_PROJECTIES, ProjectionRunner } from '@afspraken/read-models';
import { ValidationError } from '@afspraken/domain';
import { APP_CONFIG, type AppConfig, SQL_DATABASE } from '@afspraken/platform';
import { json, type CliContext } from '../cli-context';

const runnerVoor = async (app: INestApplicationContext): Promise<ProjectionRunner> => {
  const runner = new ProjectionRunner(app.get(SQL_DATABASE), app.get(EventStore), ALLE_PROJECTIES, { schema: app.get<AppConfig>(APP_CONFIG).DB_SCHEMA });
  await runner.migreer();
  return runner;
};

export const registerProjecties = (program: Command, { io, withApp }: CliContext): void => {
  const projecties = program.command('projecties').description('Leesmodellen (overzichten) uit de events');
  projecties
    .command('herbouw')
    .description('Bouwt een leesmodel opnieuw op vanaf positie 0, naast het live model; daarna wisselt het in één transactie. De app kan blijven draaien (PostgreSQL).')
    .argument('[naam]', `een van ${ALLE_PROJECTIES.map((p) => p.naam).join(', ')}; zonder naam: alle`)
    .action(
      withApp(async (app, naam: string | undefined) => {
        const runner = await runnerVoor(app);
        if (naam && !ALLE_PROJECTIES.some((p) => p.naam === naam)) {
          throw new ValidationError('ONBEKENDE_PROJECTIE', `Onbekende projectie "${naam}"; kies uit ${ALLE_PROJECTIES.map((p) => p.naam).join(', ')}`, 'naam');
        }
        for (const p of naam ? [runner.projectie(naam)] : runner.projecties) {
          const start = process.hrtime.bigint();
          let melding = 100_000;
          const verslag = await runner.herbouw(p.naam, (events) => {
            if (events < melding) return;
            io.err(`  ${p.naam}: ${events} events…`);
            melding = events + 100_000;
          });
          const seconden = Number(process.hrtime.bigint() - start) / 1e9;
          io.out(`${p.naam}: ${verslag.events} events verwerkt tot positie ${verslag.positie} in ${seconden.toFixed(1)} s`);
        }
      }),
    );
  projecties
    .command('status')
    .description('Tot welke positie elk leesmodel is bijgewerkt, en welk proces het bijhoudt')
    .option('--json', 'als JSON')
    .action(
      withApp(async (app, options: { json?: boolean }) => {
        const standen = await (await runnerVoor(app)).status();
        if (options.json) return io.out(json(standen));
        io.out(
          [
            `${'projectie'.padEnd(22)}${'positie'.padStart(16)}${'kop'.padStart(16)}  ${'bij?'.padEnd(6)}verwerkt door`,
            ...standen.map(
              (s) => `${s.naam.padEnd(22)}${String(s.positie).padStart(16)}${String(s.head).padStart(16)}  ${(s.achter ? 'achter' : 'bij').padEnd(6)}${s.eigenaar ?? '-'}`,
            ),
          ].join('\n'),
        );
      }),
    );
};
