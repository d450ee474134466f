/** What the reminder machinery needs from the configuration; the apps map their config onto it. */
export interface HerinneringenInstellingen {
  readonly redisUrl: string;
  /** BullMQ key prefix: tests and benches use one of their own so runs never collide. */
  readonly queuePrefix: string;
  /** PostgreSQL schema of the checkpoint and inbox tables. */
  readonly schema: string;
  /** Base of links in messages. */
  readonly publicUrl: string;
  readonly smtpUrl: string;
  readonly mailFrom: string;
  /** Root secret from which each webhook contact's signing key is derived; never stored or shown. */
  readonly webhookGeheim: string | null;
  /** Hosts (`host` or `host:port`) a webhook may reach although they are internal: WEBHOOK_TOEGESTANE_HOSTS. */
  readonly webhookToegestaneHosts?: readonly string[];
}
