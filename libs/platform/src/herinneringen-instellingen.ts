import type { HerinneringenInstellingen } from '@afspraken/herinneringen';
import type { AppConfig } from './config';

export const herinneringenInstellingen = (config: AppConfig): HerinneringenInstellingen => ({
  redisUrl: config.REDIS_URL,
  queuePrefix: config.QUEUE_PREFIX,
  schema: config.DB_SCHEMA,
  publicUrl: config.PUBLIC_URL,
  smtpUrl: config.SMTP_URL,
  mailFrom: config.MAIL_FROM,
  webhookGeheim: config.WEBHOOK_GEHEIM ?? null,
  webhookToegestaneHosts: config.WEBHOOK_TOEGESTANE_HOSTS,
});
