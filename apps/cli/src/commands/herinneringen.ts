import type { Command } from 'commander';
import { Clock } from '@afspraken/application';
import { EventStore, type SqlDatabase } from '@afspraken/event-store';
import { HerinneringenRuntime, verzendoverzicht, webhookSleutel } from '@afspraken/herinneringen';
import { APP_CONFIG, type AppConfig, SQL_DATABASE, herinneringenInstellingen } from '@afspraken/platform';
import type { CliContext } from '../cli-context';

export const registerHerinneringen = (program: Command, { io, withApp }: CliContext): void => {
  const herinneringen = program.command('herinneringen').description('Herinneringen en escalaties (BullMQ-schema, verzendingen)');
  herinneringen
    .command('herplan')
    .description('Bouw het hele herinneringsschema opnieuw op uit het eventlog (bijv. nadat Redis zijn gegevens kwijt is)')
    .action(
      withApp(async (app) => {
        const config = app.get<AppConfig>(APP_CONFIG);
        const runtime = new HerinneringenRuntime(app.get(EventStore), app.get<SqlDatabase>(SQL_DATABASE), app.get(Clock), herinneringenInstellingen(config));
        try {
          const aantal = await runtime.herplan();
          io.out(`${aantal} herinneringen gepland (al geplande en al verstuurde worden niet dubbel gepland of verstuurd)`);
        } finally {
          await runtime.close();
        }
      }),
    );
  herinneringen
    .command('lijst')
    .description('Alle verzendingen met hun toestand; --onbevestigd: alleen die tijdens het versturen zijn onderbroken')
    .option('--onbevestigd', 'alleen verzendingen die gestart maar niet bevestigd zijn')
    .action(
      withApp(async (app, options: { onbevestigd?: boolean }) => {
        const regels = (await verzendoverzicht(app.get(EventStore))).filter((r) => !options.onbevestigd || r.status === 'geclaimd');
        io.out(regels.map((r) => `${r.verzendingId}  ${r.detail}`).join('\n') || '(geen verzendingen)');
      }),
    );
  herinneringen
    .command('webhook-sleutel')
    .description('De ondertekeningssleutel van één webhook-contact, om aan de ontvanger te geven')
    .argument('<partijId>')
    .argument('<contactId>')
    .action(
      withApp(async (app, partijId: string, contactId: string) => {
        const geheim = app.get<AppConfig>(APP_CONFIG).WEBHOOK_GEHEIM;
        if (!geheim) throw new Error('WEBHOOK_GEHEIM is niet ingesteld');
        io.out(webhookSleutel(geheim, partijId, contactId));
      }),
    );
};
