import { Injectable, UnauthorizedException, ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { binnenProgramma, vereisSchrijfrecht, type Rol } from '@afspraken/domain';
import { ApiKeyStore } from '@afspraken/platform';
import { JwtVerifier } from './jwt-verifier';
import { IS_PUBLIC, ROLLEN, type AuthenticatedRequest, type RequestActor } from './actor';

const LEZEN = new Set(['GET', 'HEAD', 'OPTIONS']);

const bearer = (request: AuthenticatedRequest): string | null => {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new UnauthorizedException({ code: 'ONGELDIGE_AUTHORIZATION', message: 'Authorization moet de vorm "Bearer <sleutel of token>" hebben' });
    return match[1];
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : null;
};

/**
 * Every route needs a valid API key (`afs_…`) or JWT unless marked @Public(). Rules that hold for
 * every endpoint, present and future, live here: an auditor never writes, a key limited to a
 * programme never reaches another programme's `:programmaId`, and @Rollen() narrows further.
 * The domain decides the finer rules (own party, own afspraken).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
    private readonly jwt: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearer(request);
    if (!token) {
      throw new UnauthorizedException({ code: 'NIET_INGELOGD', message: 'Geef een API-sleutel of token mee: Authorization: Bearer <sleutel>' });
    }
    const actor = token.startsWith('afs_') ? await this.sleutel(token) : await this.jwt.verify(token);
    request.actor = actor;

    if (!LEZEN.has(request.method)) vereisSchrijfrecht(actor);
    const allowed = this.reflector.getAllAndOverride<Rol[] | undefined>(ROLLEN, targets);
    if (allowed && !allowed.includes(actor.rol)) {
      throw new ForbiddenException({ code: 'ROL_NIET_TOEGESTAAN', message: `De rol ${actor.rol} mag dit niet; toegestaan: ${allowed.join(', ')}` });
    }
    const programmaId = (request.params as Record<string, unknown> | undefined)?.programmaId;
    if (typeof programmaId === 'string' && !binnenProgramma(actor, programmaId)) {
      throw new ForbiddenException({ code: 'ANDER_PROGRAMMA', message: `Deze sleutel hoort bij programma ${actor.programmaId}, niet bij ${programmaId}` });
    }
    return true;
  }

  private async sleutel(token: string): Promise<RequestActor> {
    const key = await this.keys.verify(token);
    if (!key) throw new UnauthorizedException({ code: 'ONGELDIGE_SLEUTEL', message: 'Deze sleutel is onbekend of ingetrokken' });
    return { id: `sleutel:${key.id}`, rol: key.rol, partijId: key.partijId ?? undefined, programmaId: key.programmaId, via: 'api-sleutel' };
  }
}
