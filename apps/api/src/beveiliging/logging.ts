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
