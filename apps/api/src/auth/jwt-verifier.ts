import { Inject, Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isValidId, type Rol } from '@afspraken/domain';
import { Clock } from '@afspraken/application';
import { APP_CONFIG, type AppConfig } from '@afspraken/platform';
import type { RequestActor } from './actor';

const ROLLEN_VIA_JWT: readonly Rol[] = ['coordinator', 'partij', 'auditor'];
const SUBJECT = /^[\x21-\x7E]{1,200}$/;

const weiger = (code: string, message: string) => new UnauthorizedException({ code, message });

/**
 * JWT bearer tokens for people: signed by the identity provider (remote JWKS) or, in development,
 * with a shared HS256 secret. Claims: sub (who), rol, partij (for rol partij), programma (optional).
 */
@Injectable()
export class JwtVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey | null;
  private readonly algorithms: string[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    if (config.JWT_JWKS_URL) {
      this.key = createRemoteJWKSet(new URL(config.JWT_JWKS_URL));
      this.algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
    } else if (config.JWT_SECRET) {
      this.key = new TextEncoder().encode(config.JWT_SECRET);
      this.algorithms = ['HS256'];
    } else {
      this.key = null;
      this.algorithms = [];
    }
  }

  async verify(token: string): Promise<RequestActor> {
    if (!this.key) throw weiger('JWT_NIET_INGESTELD', 'Deze server accepteert geen JWT (geen JWT_JWKS_URL of JWT_SECRET); gebruik een API-sleutel');
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: this.algorithms,
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        // Token lifetimes are judged by the app's clock, like everything else.
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp'],
      };
      payload = (typeof this.key === 'function' ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options)).payload;
    } catch (error) {
      throw this.vertaal(error);
    }
    this.nietTeLangGeldig(payload);
    return this.actor(payload);
  }

  /** A stolen token is useful until it expires: one valid for decades is refused, whoever signed it. */
  private nietTeLangGeldig({ exp, iat }: JWTPayload): void {
    const max = this.config.JWT_MAX_GELDIGHEID_SECONDEN;
    const nu = Math.floor(this.clock.now().getTime() / 1000);
    // jose checked that exp is a number in the future (and iat a number, when present).
    const geldigheid = Math.max(exp! - nu, typeof iat === 'number' ? exp! - iat : 0);
    if (geldigheid > max) {
      throw weiger('JWT_TE_LANG_GELDIG', `Het token is ${geldigheid} seconden geldig; hoogstens ${max} seconden (JWT_MAX_GELDIGHEID_SECONDEN) mag`);
    }
  }

  private actor(payload: JWTPayload): RequestActor {
    const { sub, rol, partij, programma } = payload as JWTPayload & Record<'rol' | 'partij' | 'programma', unknown>;
    if (typeof sub !== 'string' || !SUBJECT.test(sub)) throw weiger('JWT_ONGELDIGE_CLAIM', 'De claim sub moet 1-200 zichtbare ASCII-tekens zijn');
    if (typeof rol !== 'string' || !ROLLEN_VIA_JWT.includes(rol as Rol)) {
      throw weiger('JWT_ONGELDIGE_CLAIM', 'De claim rol moet coordinator, partij of auditor zijn');
    }
    if (rol === 'partij' && !isValidId(partij)) throw weiger('JWT_ONGELDIGE_CLAIM', 'Een token met rol partij heeft een geldige claim partij nodig');
    if (rol !== 'partij' && partij !== undefined) throw weiger('JWT_ONGELDIGE_CLAIM', 'Alleen een token met rol partij mag een claim partij hebben');
    if (programma !== undefined && !isValidId(programma)) throw weiger('JWT_ONGELDIGE_CLAIM', 'De claim programma is geen geldige programma-id');
    return {
      id: `jwt:${sub}`,
      rol: rol as Rol,
      partijId: rol === 'partij' ? (partij as string) : undefined,
      programmaId: (programma as string | undefined) ?? null,
      via: 'jwt',
    };
  }

  private vertaal(error: unknown): Error {
    if (error instanceof errors.JWTExpired) return weiger('JWT_VERLOPEN', 'Het token is verlopen; log opnieuw in');
    if (error instanceof errors.JWTClaimValidationFailed) {
      const claim = error.claim;
      if (claim === 'exp') return weiger('JWT_ZONDER_VERVALTIJD', 'Het token heeft geen geldige vervaltijd (exp); een token zonder einde wordt niet aanvaard');
      const uitleg: Record<string, string> = {
        iss: 'Het token is uitgegeven door een onbekende uitgever (iss)',
        aud: 'Het token is niet voor deze dienst bedoeld (aud)',
        nbf: 'Het token is nog niet geldig (nbf)',
        sub: 'Het token noemt niemand (sub ontbreekt)',
      };
      return weiger('JWT_ONGELDIGE_CLAIM', uitleg[claim] ?? `De claim ${claim} van het token klopt niet`);
    }
    // Not the token's fault: the identity provider's keys could not be fetched or read.
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
      return new ServiceUnavailableException({ code: 'JWKS_ONBEREIKBAAR', message: 'De sleutels van de identiteitsprovider zijn niet bereikbaar; probeer het zo opnieuw' });
    }
    if (error instanceof errors.JOSEAlgNotAllowed) return weiger('JWT_ALGORITME', 'Het token is getekend met een algoritme dat hier niet is toegestaan');
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
      return weiger('JWT_HANDTEKENING', 'De handtekening van het token klopt niet');
    }
    return weiger('JWT_ONGELDIG', 'Het token is geen geldige JWT');
  }
}
