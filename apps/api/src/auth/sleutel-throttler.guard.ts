import { HttpException, HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './actor';

/**
 * Rate limit per API key or JWT subject (one bucket per caller, wherever they come from); public
 * routes per IP. Runs after AuthGuard, so the actor is known.
 */
@Injectable()
export class SleutelThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { actor, ip } = request as unknown as AuthenticatedRequest;
    return actor ? actor.id : `ip:${String(ip)}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new HttpException(
      {
        code: 'TE_VEEL_VERZOEKEN',
        message: `Te veel verzoeken: hoogstens ${detail.limit} per minuut per sleutel; probeer het over ${detail.timeToBlockExpire} seconden opnieuw`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
