import { InvalidArgumentError, type Command } from 'commander';
import { ROLLEN, type Rol } from '@afspraken/domain';
import { ApiKeyStore } from '@afspraken/platform';
import type { CliContext } from '../cli-context';

export const registerSleutel = (program: Command, { io, withApp }: CliContext): void => {
  const sleutel = program.command('sleutel').description('API-sleutels (alleen de hash wordt bewaard; de sleutel zie je één keer)');
  const rol = (value: string): Rol => {
    if (!ROLLEN.includes(value as Rol) || value === 'systeem') throw new InvalidArgumentError('kies coordinator, partij of auditor');
    return value as Rol;
  };
  sleutel
    .command('maak')
    .description('Maak een sleutel en toon hem één keer')
    .requiredOption('--naam <naam>', 'waarvoor of voor wie')
    .requiredOption('--rol <rol>', 'coordinator, partij of auditor', rol)
    .option('--partij <partijId>', 'verplicht bij rol partij: de organisatie')
    .option('--programma <programmaId>', 'beperk de sleutel tot één programma (elke rol; een partij ziet dan alle afspraken van dat programma)')
    .action(
      withApp(async (app, options: { naam: string; rol: Rol; partij?: string; programma?: string }) => {
        const { key, record } = await app.get(ApiKeyStore).create({ naam: options.naam, rol: options.rol, partijId: options.partij, programmaId: options.programma });
        io.out(`Sleutel ${record.id} (${record.rol}${record.partijId ? `, partij ${record.partijId}` : ''}) — bewaar hem, hij wordt niet opnieuw getoond:\n${key}`);
      }),
    );
  sleutel
    .command('lijst')
    .description('Alle sleutels, zonder geheimen')
    .action(
      withApp(async (app) => {
        const keys = await app.get(ApiKeyStore).list();
        io.out(keys.map((k) => `${k.id}  ${k.rol.padEnd(11)} ${(k.partijId ?? '-').padEnd(20)} ${(k.programmaId ?? '-').padEnd(12)} ${k.ingetrokkenOp ? `ingetrokken ${k.ingetrokkenOp.slice(0, 10)}` : 'actief'.padEnd(22)}  ${k.naam}`).join('\n') || '(geen sleutels)');
      }),
    );
  sleutel
    .command('intrekken')
    .description('Trek een sleutel in; hij werkt meteen niet meer')
    .argument('<id>', 'de id uit `sleutel lijst`')
    .action(
      withApp(async (app, id: string) => {
        const record = await app.get(ApiKeyStore).revoke(id);
        if (!record) throw new InvalidArgumentError(`sleutel ${id} bestaat niet`);
        io.out(`Sleutel ${record.id} is ingetrokken`);
      }),
    );
};
