import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { ApiKeyStore } from '@afspraken/platform';
import { ApiWachtrijen } from './wachtrijen.provider';

export const BULL_BOARD_PAD = '/queues';

/** Bearer, or Basic with the key as password: a browser can open the dashboard with a prompt. */
const sleutelUit = (header: string | undefined): string | null => {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) || null;
};

/**
 * bull-board on /queues, for coordinators without a programme limit only: the queues carry every
 * programme's reminders, and the dashboard can pause, retry and remove jobs.
 */
@Injectable()
export class BullBoard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly keys: ApiKeyStore,
    private readonly wachtrijen: ApiWachtrijen,
  ) {}

  private router: ReturnType<ExpressAdapter['getRouter']> | null = null;

  onModuleInit(): void {
    const express = this.adapterHost.httpAdapter?.getInstance?.();
    if (!express || typeof express.use !== 'function') return; // no HTTP (CLI)
    express.use(BULL_BOARD_PAD, (req: Request, res: Response, next: NextFunction) => {
      void this.alleenCoordinator(req, res, () => this.dashboard()(req, res, next));
    });
  }

  /** Built on the first authorised request: until then the api needs no Redis. */
  private dashboard(): ReturnType<ExpressAdapter['getRouter']> {
    if (!this.router) {
      const serverAdapter = new ExpressAdapter();
      serverAdapter.setBasePath(BULL_BOARD_PAD);
      const { herinneringen, verzendingen, overzichten } = this.wachtrijen.queues;
      createBullBoard({ queues: [new BullMQAdapter(herinneringen), new BullMQAdapter(verzendingen), new BullMQAdapter(overzichten)], serverAdapter });
      this.router = serverAdapter.getRouter();
    }
    return this.router;
  }

  private async alleenCoordinator(req: Request, res: Response, next: NextFunction): Promise<void> {
    const token = sleutelUit(req.headers.authorization);
    const key = token ? await this.keys.verify(token).catch(() => null) : null;
    if (!key) {
      res.status(401).set('WWW-Authenticate', 'Basic realm="Afspraken Tracker wachtrijen"').json({ code: 'NIET_INGELOGD', message: 'Geef een API-sleutel van een coördinator mee' });
      return;
    }
    if (key.rol !== 'coordinator') {
      res.status(403).json({ code: 'ROL_NIET_TOEGESTAAN', message: `De rol ${key.rol} mag de wachtrijen niet zien; toegestaan: coordinator` });
      return;
    }
    if (key.programmaId) {
      res.status(403).json({
        code: 'ALLEEN_ONBEPERKTE_COORDINATOR',
        message: `Deze sleutel hoort bij programma ${key.programmaId}; de wachtrijen dragen de herinneringen van alle programma’s`,
      });
      return;
    }
    next();
  }
}
