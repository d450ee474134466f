import { userInfo } from 'node:os';
import type { INestApplicationContext } from '@nestjs/common';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DomainError } from '@afspraken/domain';
import { InvoerFouten } from '@afspraken/application';
import type { CoreOptions } from '@afspraken/platform';
import type { CliContext, CliIo } from './cli-context';

/** Registers one command group on the program. */
export type CommandGroep = (program: Command, context: CliContext) => void;

export type { CliIo } from './cli-context';

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/**
 * Builds the CLI. The application (Nest, storage adapters) is loaded and opened lazily, so commands
 * that need no storage (deadline) start instantly and work without a database.
 */
export const buildProgram = (io: CliIo, coreOptions: CoreOptions, commands: readonly CommandGroep[]): Command => {
  let app: INestApplicationContext | undefined;
  const context: CliContext = {
    io,
    actor: () => ({ id: `cli:${userInfo().username}`, rol: 'coordinator' }),
    withApp:
      (work) =>
      async (...args) => {
        try {
          const [{ NestFactory }, { CliModule }] = await Promise.all([import('@nestjs/core'), import('./cli.module')]);
          // Errors are ours to report, in one line (runCli): Nest must neither log them nor end the process.
          app ??= await NestFactory.createApplicationContext(CliModule.forRoot(coreOptions), { logger: false, abortOnError: false });
          await work(app, ...args);
        } finally {
          await app?.close();
          app = undefined;
        }
      },
  };
  const program = new Command('afspraken')
    .description('Afspraken Tracker: afspraken van publieke programma’s, hun deadlines en hun geschiedenis')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const register of commands) register(program, context);
  return program;
};

/** Runs the CLI; returns the exit code. User mistakes become one clear line, never a stack trace. */
export const runCli = async (argv: string[], io: CliIo = processIo, coreOptions: CoreOptions = {}, commands?: readonly CommandGroep[]): Promise<number> => {
  const program = buildProgram(io, coreOptions, commands ?? (await import('./commands')).COMMANDS);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof InvoerFouten) {
      io.err(`Fout: ${error.aantal} ${error.aantal === 1 ? 'probleem' : 'problemen'} gevonden, er is niets geschreven:`);
      for (const p of error.problems) io.err(`  ${p.field}: ${p.message}`);
      if (error.aantal > error.problems.length) io.err(`  … en nog ${error.aantal - error.problems.length}`);
      return 1;
    }
    if (error instanceof DomainError || error instanceof InvalidArgumentError) {
      io.err(`Fout: ${error.message}`);
      return 1;
    }
    const e = error as NodeJS.ErrnoException;
    if (e?.code === 'ENOENT' && e.path) {
      io.err(`Fout: bestand ${e.path} bestaat niet`);
      return 1;
    }
    if (e?.name === 'StoreUnavailableError' || e?.name === 'ConfigError') {
      io.err(`Fout: ${e.message}`);
      return 1;
    }
    io.err(e?.stack ?? String(error));
    return 1;
  }
};
