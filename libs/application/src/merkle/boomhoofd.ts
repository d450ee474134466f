import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** A tree head: the size of the audit tree and its root at that size, at a moment. */
export interface TreeHead {
  readonly grootte: number;
  /** Root hash, hex. */
  readonly wortel: string;
  /** ISO-8601: when it was signed. */
  readonly tijdstip: string;
}

/** A signed tree head (CT's STH): Ed25519 over the canonical statement below. */
export interface SignedTreeHead extends TreeHead {
  /** SHA-256 of the public key (SPKI, DER), hex: which key signed. */
  readonly sleutelId: string;
  /** Ed25519 signature, base64. */
  readonly handtekening: string;
}

export const BOOMHOOFD_VERSIE = 'afspraken-tracker/boomhoofd/v1';

/** The bytes that are signed: what, which version, which key. */
export const boomhoofdBericht = (hoofd: TreeHead, sleutelId: string): Buffer =>
  Buffer.from(canonicalize({ versie: BOOMHOOFD_VERSIE, grootte: hoofd.grootte, wortel: hoofd.wortel, tijdstip: hoofd.tijdstip, sleutelId }), 'utf8');

export const sleutelIdVan = (sleutel: KeyObject): string => {
  const publiek = sleutel.type === 'private' ? createPublicKey(sleutel) : sleutel;
  return createHash('sha256').update(publiek.export({ type: 'spki', format: 'der' })).digest('hex');
};

/** Ed25519 is deterministic: the same head and key give the same signature. */
export const ondertekenBoomhoofd = (privateKey: KeyObject, hoofd: TreeHead): SignedTreeHead => {
  const sleutelId = sleutelIdVan(privateKey);
  const handtekening = sign(null, boomhoofdBericht(hoofd, sleutelId), privateKey).toString('base64');
  return { grootte: hoofd.grootte, wortel: hoofd.wortel, tijdstip: hoofd.tijdstip, sleutelId, handtekening };
};

export type SignatureVerdict = { readonly geldig: true } | { readonly geldig: false; readonly reden: string };

/** Checks a head against a public key alone: the key id, then the signature over the statement. */
export const controleerBoomhoofd = (publicKey: KeyObject, hoofd: SignedTreeHead): SignatureVerdict => {
  if (!Number.isSafeInteger(hoofd?.grootte) || hoofd.grootte < 0) return { geldig: false, reden: 'grootte ontbreekt of is geen geheel getal ≥ 0' };
  if (typeof hoofd.wortel !== 'string' || !/^[0-9a-f]{64}$/.test(hoofd.wortel)) return { geldig: false, reden: 'wortel is geen SHA-256 in hex' };
  if (typeof hoofd.tijdstip !== 'string' || typeof hoofd.handtekening !== 'string' || typeof hoofd.sleutelId !== 'string') {
    return { geldig: false, reden: 'tijdstip, sleutelId of handtekening ontbreekt' };
  }
  const sleutelId = sleutelIdVan(publicKey);
  if (hoofd.sleutelId !== sleutelId) return { geldig: false, reden: `ondertekend met sleutel ${hoofd.sleutelId}, niet met ${sleutelId}` };
  const geldig = verify(null, boomhoofdBericht(hoofd, sleutelId), publicKey, Buffer.from(hoofd.handtekening, 'base64'));
  return geldig ? { geldig: true } : { geldig: false, reden: 'handtekening klopt niet bij dit boomhoofd' };
};
