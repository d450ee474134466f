import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, stopBijStartfout } from '@afspraken/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    throw new ConfigError('De worker heeft PostgreSQL nodig (DATABASE_URL): de ingebouwde database kan maar door één proces worden geopend, en de api draait de projecties dan zelf');
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  process.stdout.write('Afspraken Tracker worker draait (projecties)\n');
}

main().catch(stopBijStartfout);
