import { Injectable, UnauthorizedException, ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Rol } from '@afspraken/domain';
import { ApiKeyStore } from './api-key.store';
import { IS_PUBLIC, ROLLEN, type AuthenticatedRequest, type RequestActor } from './actor';

const bearer = (request: AuthenticatedRequest): string | null => {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? match[1] : null;
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : null;
};

/** Every route needs a valid key unless marked @Public(); @Rollen() narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearer(request);
    if (!token) {
      throw new UnauthorizedException({ code: 'NIET_INGELOGD', message: 'Geef een API-sleutel mee: Authorization: Bearer <sleutel>' });
    }
    const key = await this.keys.verify(token);
    if (!key) throw new UnauthorizedException({ code: 'ONGELDIGE_SLEUTEL', message: 'Deze sleutel is onbekend of ingetrokken' });
    const actor: RequestActor = {
      id: `sleutel:${key.id}`,
      rol: key.rol,
      partijId: key.partijId ?? undefined,
      programmaId: key.programmaId,
      via: 'api-sleutel',
    };
    request.actor = actor;

    const allowed = this.reflector.getAllAndOverride<Rol[] | undefined>(ROLLEN, targets);
    if (allowed && !allowed.includes(actor.rol)) {
      throw new ForbiddenException({ code: 'ROL_NIET_TOEGESTAAN', message: `De rol ${actor.rol} mag dit niet; toegestaan: ${allowed.join(', ')}` });
    }
    return true;
  }
}
