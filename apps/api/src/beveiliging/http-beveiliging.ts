import { STATUS_CODES } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { json, text } from 'express';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '@afspraken/platform';
import type { ErrorBody } from '../core/exception.filter';

export const JSON_LIMIT = '1mb';
export const YAML_LIMIT = '5mb';
export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
/** Deeper JSON than any request of ours needs; deeper still would only cost stack further on. */
export const MAX_JSON_DIEPTE = 32;

const SCHRIJVEN = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const weiger = (response: Response, statusCode: number, code: string, message: string): void => {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message };
  response.status(statusCode).json(body);
};

const heeftBody = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/** Spreadsheets are read by the one route that imports them, and nowhere else. */
const TABEL_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const TABEL_IMPORT = /^\/programmas\/[^/]+\/afspraken\/import\/?(\?|$)/;

const TEKENSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;
const UTF8 = /^utf-?8$/i;

/**
 * YAML and CSV are read as UTF-8 whatever the header says, so a file announced in another charset
 * (iso-8859-1, windows-1252) would be misread: refused. JSON's charset is the json parser's to judge.
 */
const alleenUtf8 = (request: Request, response: Response): boolean => {
  const tekenset = TEKENSET.exec(request.headers['content-type'] ?? '')?.[1];
  if (tekenset === undefined || UTF8.test(tekenset)) return true;
  weiger(response, 415, 'ONGELDIGE_TEKENSET', `De tekenset ${tekenset.slice(0, 40)} wordt niet ondersteund; stuur UTF-8`);
  return false;
};

/** A body we do not read (text/plain, form data, XML) is refused before it can be misread as empty. */
const alleenJsonOfYaml = (request: Request, response: Response, next: NextFunction): void => {
  if (!SCHRIJVEN.has(request.method) || !heeftBody(request)) return next();
  if (request.is(['application/json', '+json'])) return next();
  if (request.is(YAML_TYPES)) return alleenUtf8(request, response) ? next() : undefined;
  if (TABEL_IMPORT.test(request.originalUrl) && request.is(TABEL_TYPES)) return alleenUtf8(request, response) ? next() : undefined;
  weiger(
    response,
    415,
    'ONGELDIG_CONTENT_TYPE',
    'Stuur de body als Content-Type: application/json (application/yaml bij een programma-import, text/csv of xlsx bij een afspraken-import)',
  );
};

type Middleware = (request: Request, response: Response, next: NextFunction) => void;

const PARSER_FOUTEN: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'TE_GROOT', `De body is te groot (hoogstens ${JSON_LIMIT} JSON of ${YAML_LIMIT} YAML)`],
  'entity.parse.failed': [400, 'ONGELDIGE_JSON', 'De body is geen geldige JSON'],
  'charset.unsupported': [415, 'ONGELDIGE_TEKENSET', 'Deze tekenset wordt niet ondersteund; stuur UTF-8'],
  'encoding.unsupported': [415, 'ONGELDIGE_CODERING', 'Deze Content-Encoding wordt niet ondersteund'],
  'request.size.invalid': [400, 'ONVOLLEDIGE_BODY', 'De body is korter of langer dan Content-Length zegt'],
  'request.aborted': [400, 'AFGEBROKEN', 'Het verzoek werd afgebroken'],
};

/**
 * Body-parser errors answered here, in our shape and in Dutch: Nest would turn a SyntaxError into a
 * bare 400 with the parser's English message and lose the error's type.
 */
const metEigenFouten =
  (parser: Middleware): Middleware =>
  (request, response, next) =>
    parser(request, response, (error?: unknown) => {
      if (!error) return next();
      const { type, status } = error as { type?: string; status?: number };
      const bekend = type ? PARSER_FOUTEN[type] : undefined;
      if (bekend) return weiger(response, bekend[0], bekend[1], bekend[0] === 400 && type === 'entity.parse.failed' ? `${bekend[2]}: ${(error as Error).message}` : bekend[2]);
      if (typeof status === 'number' && status >= 400 && status < 500) return weiger(response, status, `HTTP_${status}`, (error as Error).message);
      next(error);
    });

const diepte = (root: unknown): number => {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_JSON_DIEPTE) return max;
    if (value !== null && typeof value === 'object') for (const child of Object.values(value)) stack.push([child, d + 1]);
  }
  return max;
};

const nietTeDiep = (request: Request, response: Response, next: NextFunction): void => {
  if (diepte(request.body) > MAX_JSON_DIEPTE) return weiger(response, 400, 'TE_DIEP_GENEST', `De body is dieper genest dan ${MAX_JSON_DIEPTE} niveaus`);
  next();
};

/** Headers, CORS, body limits and content types: the HTTP edge, before any controller runs. */
export const beveiligHttp = (app: NestExpressApplication): void => {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.use(helmet());
  // No origins configured: no CORS headers at all, so browsers on other sites cannot call us.
  if (config.CORS_ORIGINS.length) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Correlation-Id'],
      exposedHeaders: ['ETag', 'Location', 'Idempotent-Replayed', 'Retry-After'],
      maxAge: 600,
    });
  }
  app.use(alleenJsonOfYaml);
  app.use(metEigenFouten(json({ limit: JSON_LIMIT, type: ['application/json', '+json'] })));
  app.use(metEigenFouten(text({ type: YAML_TYPES, limit: YAML_LIMIT })));
  app.use(nietTeDiep);
};
