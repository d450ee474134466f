import { existsSync, readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventStore } from '@afspraken/event-store';
import { ApiKeyStore } from './auth/api-key.store';
import { ProgrammaImporter } from './programmas/importeren/programma-importer';
import { APP_CONFIG, type AppConfig } from '@afspraken/platform';

/** First start on an empty store: a coordinator key to get in with, and the seed programme. */
@Injectable()
export class Opstart implements OnApplicationBootstrap {
  private readonly logger = new Logger('Opstart');

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
      process.stdout.write(
        `\nEerste coördinatorsleutel (wordt maar één keer getoond, bewaar hem goed):\n\n    ${key}\n\n` +
          `Gebruik: curl -H "Authorization: Bearer ${key}" ${this.config.PUBLIC_URL}/afspraken/TAZ-A09\n` +
          `Meer sleutels: npm run cli -- sleutel maak --naam <naam> --rol coordinator|partij|auditor [--partij <id>]\n\n`,
      );
    }
    const seed = this.config.SEED_PROGRAMMA.trim();
    if (seed && (await this.store.headPosition()) === -1) {
      if (!existsSync(seed)) {
        this.logger.warn(`SEED_PROGRAMMA ${seed} bestaat niet; er wordt niets geïmporteerd`);
        return;
      }
      const verslag = await this.importer.importeer(readFileSync(seed, 'utf8'), { id: 'opstart', rol: 'systeem' });
      this.logger.log(
        `Programma ${verslag.programmaId} geïmporteerd uit ${seed}: ${verslag.afspraken.nieuw} afspraken, ${verslag.acties.nieuw} acties, ${verslag.partijen.nieuw} partijen (${verslag.eventsGeschreven} events)`,
      );
    }
  }
}
