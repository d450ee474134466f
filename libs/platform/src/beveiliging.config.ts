import { z } from 'zod';

const leegIsNiets = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v));

/** Authentication, rate limit and CORS settings; part of the app's one config schema. */
export const beveiligingConfig = {
  /** People sign in elsewhere; we accept their JWT when it carries this issuer and audience. */
  JWT_ISSUER: leegIsNiets.optional(),
  JWT_AUDIENCE: leegIsNiets.optional(),
  /** Remote JWKS (RS256/ES256/PS256 keys of the identity provider); wins over JWT_SECRET. */
  JWT_JWKS_URL: leegIsNiets.pipe(z.string().url().optional()).optional(),
  /** Shared HS256 secret, for development and tests; at least 32 characters. */
  JWT_SECRET: leegIsNiets.pipe(z.string().min(32, 'moet minstens 32 tekens zijn').optional()).optional(),
  /** Longest a JWT may be valid: `exp` at most this many seconds after `iat` and after now. */
  JWT_MAX_GELDIGHEID_SECONDEN: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(24 * 3600),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Comma-separated origins allowed to call the API from a browser; empty: none. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url('moet een origin zijn, bijv. https://dashboard.example.org'))),
};
