import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Issue 17: the apps are the deployables. Each application in nest-cli.json has its own entry under
 * apps/<app>/src; no app imports another app's files, and no lib imports an app. Read from the sources
 * (every import, export-from, import() and require), so a new file that crosses a line fails here by name.
 */
const ROOT = resolve(__dirname, '..');
const nestCli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
  projects: Record<string, { type: 'application' | 'library'; root: string; entryFile: string }>;
};
const projecten = Object.entries(nestCli.projects);
const apps = projecten.filter(([, p]) => p.type === 'application');
const libs = projecten.filter(([, p]) => p.type === 'library');

const bestanden = (map: string): string[] =>
  readdirSync(join(ROOT, map), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** Where each import of a file points: a repo folder ('apps/api/...', 'libs/platform/...'), or null for a package. */
const doelen = (bestand: string): { specifier: string; doel: string | null }[] =>
  [...readFileSync(join(ROOT, bestand), 'utf8').matchAll(SPECIFIER)].map(([, specifier]) => {
    if (specifier.startsWith('.')) return { specifier, doel: relative(ROOT, resolve(ROOT, dirname(bestand), specifier)) };
    const lib = /^@afspraken\/([^/]+)/.exec(specifier);
    return { specifier, doel: lib ? `libs/${lib[1]}` : null };
  });

const binnen = (pad: string, root: string): boolean => pad === root || pad.startsWith(`${root}/`);

describe('De deployables: apps/<app> per proces, gedeelde code in libs', () => {
  it('kent de api, de worker en de CLI als applicaties', () => {
    expect(apps.map(([naam]) => naam).sort()).toEqual(['api', 'cli', 'worker']);
  });

  it.each(apps)('%s heeft zijn eigen entry onder zijn eigen map', (_naam, project) => {
    expect(binnen(project.entryFile, project.root)).toBe(true);
    expect(existsSync(join(ROOT, `${project.entryFile}.ts`))).toBe(true);
  });

  it.each(apps)('%s importeert niets uit een andere app', (_naam, project) => {
    const anderen = apps.map(([, p]) => p.root).filter((root) => root !== project.root);
    const grensoverschrijdend = bestanden(project.root).flatMap((bestand) =>
      doelen(bestand)
        .filter(({ doel }) => doel !== null && anderen.some((root) => binnen(doel, root)))
        .map(({ specifier }) => `${bestand}: ${specifier}`),
    );
    expect(grensoverschrijdend).toEqual([]);
  });

  it.each(libs)('libs/%s importeert geen app', (_naam, project) => {
    const naarApps = bestanden(project.root).flatMap((bestand) =>
      doelen(bestand)
        .filter(({ doel }) => doel !== null && binnen(doel, 'apps'))
        .map(({ specifier }) => `${bestand}: ${specifier}`),
    );
    expect(naarApps).toEqual([]);
  });

  it('elke lib met een @afspraken-alias is een project in nest-cli.json', () => {
    const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    const aliassen = Object.keys(compilerOptions.paths).filter((a) => !a.endsWith('/*')).map((a) => a.replace('@afspraken/', ''));
    expect(aliassen.sort()).toEqual(libs.map(([naam]) => naam).sort());
  });
});
