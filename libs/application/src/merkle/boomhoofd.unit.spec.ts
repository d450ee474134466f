import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { auditBladData } from './audit-blad';
import { controleerBoomhoofd, ondertekenBoomhoofd, sleutelIdVan } from './boomhoofd';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const hoofd = { grootte: 12, wortel: 'ab'.repeat(32), tijdstip: '2023-07-02T08:00:00.000Z' };

describe('Ondertekend boomhoofd (Ed25519)', () => {
  it('klopt met alleen de publieke sleutel, en dezelfde invoer geeft dezelfde handtekening', () => {
    const ondertekend = ondertekenBoomhoofd(privateKey, hoofd);
    expect(controleerBoomhoofd(publicKey, ondertekend)).toEqual({ geldig: true });
    expect(ondertekenBoomhoofd(privateKey, hoofd)).toEqual(ondertekend);
    expect(ondertekend.sleutelId).toBe(sleutelIdVan(createPublicKey(privateKey)));
  });

  it('weigert een gewijzigde grootte, wortel of tijd, en een andere sleutel', () => {
    const ondertekend = ondertekenBoomhoofd(privateKey, hoofd);
    for (const wijziging of [{ grootte: 11 }, { wortel: 'cd'.repeat(32) }, { tijdstip: '2023-07-02T08:00:00.001Z' }]) {
      expect(controleerBoomhoofd(publicKey, { ...ondertekend, ...wijziging })).toEqual({ geldig: false, reden: 'handtekening klopt niet bij dit boomhoofd' });
    }
    const ander = generateKeyPairSync('ed25519').publicKey;
    expect(controleerBoomhoofd(ander, ondertekend)).toMatchObject({ geldig: false, reden: expect.stringContaining('niet met') });
    expect(controleerBoomhoofd(publicKey, { ...ondertekend, wortel: 'xyz' })).toMatchObject({ geldig: false });
  });

  it('een blad legt positie, stream, revisie, id, type, data, metadata en opslagmoment vast, in canonieke volgorde', () => {
    const event = { id: '00000000-0000-4000-8000-000000000001', streamId: 'afspraak-A', revision: 0, position: 4096, type: 'AfspraakVastgelegd', data: { b: 1, a: 2 }, metadata: { recordedAt: '2023-01-01T00:00:00.000Z' }, createdAt: '2023-01-01T00:00:00.001Z' };
    expect(auditBladData(event).toString()).toBe(
      '{"data":{"a":2,"b":1},"eventId":"00000000-0000-4000-8000-000000000001","metadata":{"recordedAt":"2023-01-01T00:00:00.000Z"},"opgeslagenOp":"2023-01-01T00:00:00.001Z","positie":4096,"revisie":0,"streamId":"afspraak-A","type":"AfspraakVastgelegd"}',
    );
  });
});
