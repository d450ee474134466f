import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** apps/web from this file, whether it runs from source (ts-jest) or from dist/ (npm start). */
const webMap = (): string => {
  for (let map = __dirname; map !== dirname(map); map = dirname(map)) {
    const kandidaat = join(map, 'apps', 'web');
    if (existsSync(join(kandidaat, 'index.html'))) return kandidaat;
  }
  throw new Error(`apps/web/index.html niet gevonden boven ${__dirname}`);
};

/** A package's folder; not via require.resolve('<pkg>/package.json'), which htm's `exports` does not allow. */
const pakketMap = (pakket: string): string => {
  const map = (require.resolve.paths(pakket) ?? []).map((p) => join(p, pakket)).find((p) => existsSync(join(p, 'package.json')));
  if (!map) throw new Error(`Pakket ${pakket} niet gevonden; draai npm install`);
  return map;
};

/**
 * The web interface: static files at `/` (hash routing, so `/` is its only page) and the vendor modules
 * it imports at `/vendor/…`. No build step; express.static runs before Nest's routes, without auth:
 * the files hold no data, every data call carries the user's key.
 */
export const serveerWeb = (app: NestExpressApplication): void => {
  const statisch = { index: 'index.html', fallthrough: true, redirect: false, maxAge: 0 };
  app.useStaticAssets(webMap(), statisch);
  // Only the files the page imports, not the packages around them. htm's standalone bundle is
  // preact + hooks + htm in one ES module without bare imports, so no import map (inline script) is needed.
  const vendor: Record<string, string> = {
    '/vendor/htm/standalone.module.js': resolve(pakketMap('htm'), 'preact', 'standalone.module.js'),
    '/vendor/pico/pico.min.css': resolve(pakketMap('@picocss/pico'), 'css', 'pico.min.css'),
  };
  for (const [pad, bestand] of Object.entries(vendor)) {
    app.use(pad, (request: Request, response: Response, next: NextFunction) => (request.method === 'GET' || request.method === 'HEAD' ? response.sendFile(bestand) : next()));
  }
};
