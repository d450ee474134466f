import type { LoggerService } from '@nestjs/common';

/** Secret-like field names, wherever they appear in a logged object (two levels deep). */
const GEHEIME_VELDEN = ['secret', 'geheim', 'webhookSecret', 'password', 'wachtwoord', 'token', 'sleutel', 'apiKey'];

/** Keys, tokens and secrets never reach the logs: pino replaces them before writing. */
export const LOG_REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...GEHEIME_VELDEN.flatMap((veld) => [veld, `*.${veld}`, `*.*.${veld}`]),
];

export const LOG_CENSOR = '[verborgen]';

/** Nest's start-up chatter (modules loaded, every route mapped): debug, so the first start's key stays on screen. */
export const OPSTART_CONTEXTEN: ReadonlySet<string> = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Nest's logger with its start-up lines moved from info to debug; everything else as it was. */
export const stilleOpstart = (logger: LoggerService): LoggerService => ({
  log: (message: unknown, ...rest: unknown[]) => {
    const context = rest.at(-1);
    if (typeof context === 'string' && OPSTART_CONTEXTEN.has(context)) logger.debug?.(message, ...rest);
    else logger.log(message, ...rest);
  },
  error: (message: unknown, ...rest: unknown[]) => logger.error(message, ...rest),
  warn: (message: unknown, ...rest: unknown[]) => logger.warn(message, ...rest),
  debug: (message: unknown, ...rest: unknown[]) => logger.debug?.(message, ...rest),
  verbose: (message: unknown, ...rest: unknown[]) => logger.verbose?.(message, ...rest),
  fatal: (message: unknown, ...rest: unknown[]) => logger.fatal?.(message, ...rest),
});

interface VerzoekVoorLog {
  readonly id?: unknown;
  readonly method?: string;
  readonly url?: string;
  readonly originalUrl?: string;
}
interface AntwoordVoorLog {
  readonly statusCode?: number;
}

/** One compact line per request at info (a server error at error): "GET /afspraken/TAZ-A09 200 12 ms". */
export const verzoekLog = {
  serializers: {
    req: (req: VerzoekVoorLog) => ({ id: req.id, method: req.method, url: req.originalUrl ?? req.url }),
    res: (res: AntwoordVoorLog) => ({ statusCode: res.statusCode }),
  },
  customLogLevel: (_req: unknown, res: AntwoordVoorLog, err?: Error) => (err || (res.statusCode ?? 0) >= 500 ? ('error' as const) : ('info' as const)),
  customSuccessMessage: (req: VerzoekVoorLog, res: AntwoordVoorLog, responseTime: number) =>
    `${req.method} ${req.originalUrl ?? req.url} ${res.statusCode} ${Math.round(responseTime)} ms`,
  customErrorMessage: (req: VerzoekVoorLog, res: AntwoordVoorLog, err: Error) => `${req.method} ${req.originalUrl ?? req.url} ${res.statusCode} ${err.message}`,
};
