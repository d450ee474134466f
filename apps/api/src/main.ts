import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap';
import { loadConfig, stopBijStartfout } from '@afspraken/platform';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config }), { bufferLogs: true, bodyParser: false });
  configureApp(app);
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`Afspraken Tracker draait op ${config.PUBLIC_URL} (API-documentatie: ${config.PUBLIC_URL}/docs)\n`);
}

main().catch(stopBijStartfout);
