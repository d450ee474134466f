import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import type { SecurityApp } from './security-app';

export const JWT_SECRET = 'test-geheim-voor-hs256-minstens-32-tekens-lang';
export const JWT_ISSUER = 'https://login.example.org';
export const JWT_AUDIENCE = 'afspraken-tracker';
export const JWT_ENV = { JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE };

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

const seconds = (app: SecurityApp) => Math.floor(app.clock.now().getTime() / 1000);

export interface TokenOpties {
  readonly secret?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds from the app's clock; negative: already expired. */
  readonly verlooptOver?: number;
  readonly geldigVanaf?: number;
  /** Seconds from the app's clock for `iat`; default now. */
  readonly uitgegevenOver?: number;
  /** No `exp` claim at all. */
  readonly zonderVervaltijd?: boolean;
}

/** An HS256 token as the identity provider would sign it, by the app's clock. */
export const hs256 = (app: SecurityApp, claims: JWTPayload, opties: TokenOpties = {}): Promise<string> => {
  const now = seconds(app);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(opties.issuer ?? JWT_ISSUER)
    .setAudience(opties.audience ?? JWT_AUDIENCE)
    .setIssuedAt(now + (opties.uitgegevenOver ?? 0));
  if (!opties.zonderVervaltijd) jwt.setExpirationTime(now + (opties.verlooptOver ?? 3600));
  if (opties.geldigVanaf !== undefined) jwt.setNotBefore(now + opties.geldigVanaf);
  return jwt.sign(new TextEncoder().encode(opties.secret ?? JWT_SECRET));
};

export const unsigned = (app: SecurityApp, claims: JWTPayload): string =>
  new UnsecuredJWT(claims).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setIssuedAt(seconds(app)).setExpirationTime(seconds(app) + 3600).encode();

/** Two programmes, three parties, an afspraak in each programme: enough to cross every boundary. */
export const seed = async (app: SecurityApp, coordinator: string): Promise<void> => {
  const post = async (path: string, body: object) => {
    const res = await app.http.post(path).set(auth(coordinator)).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  for (const partijId of ['vws', 'ocw', 'sbb']) await post('/partijen', { partijId, naam: partijId.toUpperCase(), soort: 'overig' });
  await post('/programmas', { programmaId: 'TAZ', naam: 'Toekomstbestendige Arbeidsmarkt Zorg', eigenaar: 'vws' });
  await post('/programmas', { programmaId: 'ANDER', naam: 'Een ander programma', eigenaar: 'ocw' });
  const afspraak = (afspraakId: string, programmaId: string) => ({
    afspraakId,
    programmaId,
    titel: 'Proef met regionale kwartiermakers',
    tekst: 'VWS start met OCW een proef.',
    trekker: 'vws',
    betrokken: ['ocw'],
    deadlines: [{ omschrijving: 'Proef gestart', phrase: 'uiterlijk Q2 2023' }],
  });
  await post('/afspraken', afspraak('TEST-1', 'TAZ'));
  await post('/afspraken', afspraak('ANDER-1', 'ANDER'));
};
