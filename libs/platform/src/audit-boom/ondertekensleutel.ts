import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { sleutelIdVan } from '@afspraken/application';
import { APP_CONFIG, ConfigError, type AppConfig } from '../config';

/** Reads an Ed25519 private key; made (mode 0600) when the file does not exist yet. */
export const laadOfMaakSleutel = (pad: string): KeyObject => {
  let pem: string;
  try {
    pem = readFileSync(pad, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(pad), { recursive: true });
    const nieuw = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // Written aside, then linked into place: a process starting at the same moment reads a whole key or makes none.
    const tijdelijk = `${pad}.${process.pid}.tmp`;
    writeFileSync(tijdelijk, nieuw, { mode: 0o600 });
    try {
      linkSync(tijdelijk, pad);
    } catch (linkFout) {
      if ((linkFout as NodeJS.ErrnoException).code !== 'EEXIST') throw linkFout;
    } finally {
      rmSync(tijdelijk, { force: true });
    }
    pem = readFileSync(pad, 'utf8');
  }
  const sleutel = createPrivateKey(pem);
  if (sleutel.asymmetricKeyType !== 'ed25519') throw new ConfigError(`AUDIT_SIGNING_KEY: ${pad} is geen Ed25519-sleutel maar ${sleutel.asymmetricKeyType}`);
  return sleutel;
};

/**
 * The key that signs tree heads. It lives in a file outside the database (AUDIT_SIGNING_KEY), so
 * whoever can write the tables cannot sign. Loaded at first use.
 */
@Injectable()
export class AuditSleutel {
  private sleutel?: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  privé(): KeyObject {
    this.sleutel ??= laadOfMaakSleutel(this.config.AUDIT_SIGNING_KEY);
    return this.sleutel;
  }

  publiek(): KeyObject {
    return createPublicKey(this.privé());
  }

  beschrijving(): { algoritme: 'Ed25519'; sleutelId: string; pem: string; jwk: object } {
    const publiek = this.publiek();
    return { algoritme: 'Ed25519', sleutelId: sleutelIdVan(publiek), pem: publiek.export({ type: 'spki', format: 'pem' }).toString(), jwk: publiek.export({ format: 'jwk' }) };
  }
}
