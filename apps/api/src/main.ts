import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap';
import { Opstart } from './opstart';
import { loadConfig, stopBijStartfout } from '@afspraken/platform';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config }), { bufferLogs: true, bodyParser: false });
  configureApp(app);
  // Opstart makes the first key while the app starts; it is printed even when the start fails, or it would be lost.
  const opstart = app.get(Opstart);
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (fout) {
    process.stdout.write(opstart.sleutelMelding);
    throw fout;
  }
  // The key comes last, so the request lines that follow do not push it off screen at once.
  process.stdout.write(`Afspraken Tracker draait op ${config.PUBLIC_URL} (API-documentatie: ${config.PUBLIC_URL}/docs)\n${opstart.sleutelMelding}`);
}

main().catch(stopBijStartfout);
