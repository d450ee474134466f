import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** dist/web (the Vite build of apps/web) from this file, whether it runs from source (ts-jest) or from dist/ (npm start). */
export const webMap = (): string | null => {
  for (let map = __dirname; map !== dirname(map); map = dirname(map)) {
    const kandidaat = join(map, 'dist', 'web');
    if (existsSync(join(kandidaat, 'index.html'))) return kandidaat;
  }
  return null;
};

/**
 * The web app: the files Vite built into dist/web, at `/` (hash routing, so `/` is its only page) and
 * `/assets/…` (names with a content hash, so they may be cached for good). express.static runs before
 * Nest's routes, without auth: the files hold no data, every data call carries the user's key.
 * Not built yet (`npm run build`): `/` says so, with 503, and the API runs as usual.
 */
export const serveerWeb = (app: NestExpressApplication): void => {
  const map = webMap();
  if (!map) {
    new Logger('Web').warn('dist/web ontbreekt: draai npm run build voor de web-interface');
    app.use('/', (request: Request, response: Response, next: () => void) =>
      request.path === '/' && (request.method === 'GET' || request.method === 'HEAD') ? response.status(503).type('text/plain').send('De web-interface is niet gebouwd: draai npm run build') : next(),
    );
    return;
  }
  app.useStaticAssets(join(map, 'assets'), { prefix: '/assets/', fallthrough: true, redirect: false, immutable: true, maxAge: '365d' });
  app.useStaticAssets(map, { index: 'index.html', fallthrough: true, redirect: false, maxAge: 0 });
};
