import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor, Rol } from '@afspraken/domain';

/** The authenticated caller, as the domain sees it, plus how they authenticated. */
export interface RequestActor extends Actor {
  /** Programme a coordinator key is limited to; null means every programme. */
  readonly programmaId: string | null;
  readonly via: 'api-sleutel' | 'jwt';
}

export type AuthenticatedRequest = Request & { actor?: RequestActor };

export const IS_PUBLIC = 'afspraken:public';
export const ROLLEN = 'afspraken:rollen';

/** No authentication needed (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Which roles may call this endpoint at all; the domain decides the finer rules. */
export const Rollen = (...rollen: Rol[]) => SetMetadata(ROLLEN, rollen);

export const HuidigeActor = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestActor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('HuidigeActor gebruikt op een publieke route');
  return actor;
});
