import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The source documents live next to the repository (`../shared/seeds`), or next to the folder
 * holding it when the repository is a worktree one level deeper; on a machine without them a
 * spec skips the checks against the text.
 */
const KANDIDATEN = [join('..', 'shared', 'seeds'), join('..', '..', 'shared', 'seeds')];
export const SEEDS_MAP = KANDIDATEN.find((k) => existsSync(k));

/** The whitespace-normalised text of the seeds whose file names start with these numbers, or null. */
export const seedTekst = (...nummers: string[]): string | null => {
  if (!SEEDS_MAP) return null;
  const bestanden = readdirSync(SEEDS_MAP).filter((f) => nummers.some((n) => f.startsWith(`${n}_`)));
  if (bestanden.length !== nummers.length) return null;
  return bestanden.map((f) => readFileSync(join(SEEDS_MAP!, f), 'utf8')).join(' ').replace(/\s+/g, ' ');
};
