import { BadRequestException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CommandContext, CommandOutcome } from '@afspraken/application';
import type { RequestActor } from '../auth/actor';

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,200}$/;
const REVISION = /^(?:W\/)?"?(-?\d{1,15})"?$/;

/** The command context from the request: who, If-Match, Idempotency-Key and correlation. */
export const commandContext = (request: Request, actor: RequestActor, body: unknown, effectiveAt?: string): CommandContext => {
  const ifMatch = request.header('if-match');
  let expectedRevision: number | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '*') {
    const match = REVISION.exec(ifMatch.trim());
    if (!match) throw new BadRequestException({ code: 'ONGELDIGE_IF_MATCH', message: 'If-Match moet een revisie zijn, bijvoorbeeld "3"' });
    expectedRevision = Number(match[1]);
  }
  const key = request.header('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException({ code: 'ONGELDIGE_IDEMPOTENCY_KEY', message: 'Idempotency-Key moet 1-200 zichtbare ASCII-tekens zijn' });
  }
  const correlation = request.header('x-correlation-id');
  return {
    actor,
    expectedRevision,
    idempotencyKey: key,
    request: { method: request.method, path: request.path, body },
    correlationId: correlation && IDEMPOTENCY_KEY.test(correlation) ? correlation : undefined,
    effectiveAt: effectiveAt ? new Date(effectiveAt).toISOString() : undefined,
  };
};

export interface CommandResponse {
  readonly id: string;
  readonly revision: number;
  readonly position: number;
  readonly events: readonly { type: string; revision: number }[];
  readonly herhaald: boolean;
}

/** ETag carries the new revision (send it back as If-Match); a replayed answer says so. */
export const commandResponse = (response: Response, id: string, outcome: CommandOutcome<unknown>): CommandResponse => {
  response.setHeader('ETag', `"${outcome.revision}"`);
  if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return { id, revision: outcome.revision, position: outcome.position, events: outcome.events, herhaald: outcome.replayed };
};
