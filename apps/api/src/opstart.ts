import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventStore } from '@afspraken/event-store';
import { ApiKeyStore, APP_CONFIG, type AppConfig } from '@afspraken/platform';
import { ProgrammaImporter } from '@afspraken/import';

/**
 * The seed files: SEED_PROGRAMMA is a file, a folder (every .yaml in it) or a comma-separated list.
 * A file that names another programme (voorganger, opvolger, draagtBijAan) is imported after it.
 */
export const seedBestanden = (seed: string): { bestanden: string[]; ontbreekt: string[] } => {
  const paden = seed.split(',').map((s) => s.trim()).filter(Boolean);
  const ontbreekt = paden.filter((p) => !existsSync(p));
  const bestanden = paden
    .filter((p) => existsSync(p))
    .flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(p, f)) : [p]));
  const inhoud = new Map(bestanden.map((b) => [b, readFileSync(b, 'utf8')]));
  const idVan = (tekst: string) => /^programma:\s*\n\s+id:\s*(\S+)/m.exec(tekst)?.[1] ?? '';
  const ids = new Map(bestanden.map((b) => [idVan(inhoud.get(b)!), b]));
  // References are ids: `opvolger: TAZ`, `draagtBijAan: [TAZ-A05]`; an afspraak id starts with its programme's id.
  const hangtAf = (b: string, ander: string) => {
    const tekst = inhoud.get(b)!;
    return ander !== idVan(tekst) && new RegExp(`(voorganger|opvolger):\\s*${ander}\\b|draagtBijAan:[^\\n]*\\b${ander}-`).test(tekst);
  };
  const volgorde: string[] = [];
  const bezig = new Set<string>();
  const bezoek = (b: string) => {
    if (volgorde.includes(b) || bezig.has(b)) return;
    bezig.add(b);
    for (const [ander, bestand] of ids) if (bestand !== b && hangtAf(b, ander)) bezoek(bestand);
    volgorde.push(b);
  };
  bestanden.forEach(bezoek);
  return { bestanden: volgorde, ontbreekt };
};

/** First start on an empty store: a coordinator key to get in with, and the seed programmes. */
@Injectable()
export class Opstart implements OnApplicationBootstrap {
  private readonly logger = new Logger('Opstart');
  /** The first coordinator key with how to use it, for the terminal; empty once keys exist. */
  sleutelMelding = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: ApiKeyStore,
    private readonly store: EventStore,
    private readonly importer: ProgrammaImporter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.keys.count()) === 0) {
      const { key } = await this.keys.create({ naam: 'eerste coördinator', rol: 'coordinator' });
      // Straight to the terminal, not the log: the key is shown once and must not end up in log files.
      // main.ts prints it last, after "draait op", so it stays on screen.
      this.sleutelMelding =
        `\nEerste coördinatorsleutel (wordt maar één keer getoond, bewaar hem goed):\n\n    ${key}\n\n` +
        `Gebruik: curl -H "Authorization: Bearer ${key}" ${this.config.PUBLIC_URL}/afspraken/TAZ-A09\n` +
        `Meer sleutels: npm run cli -- sleutel maak --naam <naam> --rol coordinator|partij|auditor [--partij <id>]\n\n`;
    }
    const seed = this.config.SEED_PROGRAMMA.trim();
    if (seed && (await this.store.headPosition()) === -1) {
      const { bestanden, ontbreekt } = seedBestanden(seed);
      for (const pad of ontbreekt) this.logger.warn(`SEED_PROGRAMMA ${pad} bestaat niet; er wordt niets uit geïmporteerd`);
      for (const bestand of bestanden) {
        const verslag = await this.importer.importeer(readFileSync(bestand, 'utf8'), { id: 'opstart', rol: 'systeem' });
        this.logger.log(
          `Programma ${verslag.programmaId} geïmporteerd uit ${bestand}: ${verslag.afspraken.nieuw} afspraken, ${verslag.acties.nieuw} acties, ${verslag.partijen.nieuw} partijen, ${verslag.indicatoren.nieuw} indicatoren (${verslag.eventsGeschreven} events)`,
        );
      }
    }
  }
}
