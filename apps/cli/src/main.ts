import 'reflect-metadata';
import { registerDeadline } from './commands/deadline';
import { runCli } from './program';

const argv = process.argv.slice(2);
// `deadline` needs no application: with only its own command loaded it answers at once, without Nest or a database driver.
runCli(argv, undefined, {}, argv[0] === 'deadline' ? [registerDeadline] : undefined).then((code) => {
  process.exitCode = code;
});
