import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type request from 'supertest';
import type { ManualClock } from '@afspraken/application';
import type { Storage } from '@afspraken/event-store';
import type { Rol } from '@afspraken/domain';
import { ApiKeyStore } from '@afspraken/platform';
import { startTestApp } from '../support/test-app';

export interface SecurityApp {
  readonly app: NestExpressApplication;
  readonly http: ReturnType<typeof request>;
  readonly clock: ManualClock;
  readonly storage: Storage;
  /** Everything the app logged, as written. */
  log(): string;
  key(rol: Rol, opties?: { partijId?: string; programmaId?: string }): Promise<string>;
  close(): Promise<void>;
}

/** The test app of test/support, with environment overrides, the log kept for inspection, and keys limited to a programme. */
export const startSecurityApp = async (env: Record<string, string> = {}, start = '2023-03-01T09:00:00.000Z'): Promise<SecurityApp> => {
  const chunks: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const t = await startTestApp(start, { env, logDestination });
  const keys = t.app.get(ApiKeyStore);
  return {
    app: t.app,
    http: t.http,
    clock: t.clock,
    storage: t.storage,
    log: () => chunks.join(''),
    key: async (rol, opties = {}) => (await keys.create({ naam: `test ${rol}`, rol, partijId: opties.partijId, programmaId: opties.programmaId })).key,
    close: () => t.close(),
  };
};
