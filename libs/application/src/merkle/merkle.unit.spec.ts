import { createHash } from 'node:crypto';
import { EMPTY_ROOT, MerkleFrontier, consistencyProof, inclusionProof, leafHash, merkleRoot, nodeHash, verifyConsistency, verifyInclusion, type Hash } from './merkle';

const hex = (h: Hash) => h.toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');

// The Certificate Transparency reference tree (transparency-dev/merkle testonly, RFC 6962 hashing).
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((d) => leafHash(unhex(d)));
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION = [
  { index: 0, size: 8, proof: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, proof: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
];
const CT_CONSISTENCY = [
  { first: 2, second: 8, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { first: 6, second: 8, proof: ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { first: 2, second: 5, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
];

const N = 64;
const LEAVES = Array.from({ length: N }, (_, i) => leafHash(createHash('sha256').update(`blad ${i}`).digest()));
const ROOTS = Array.from({ length: N + 1 }, (_, n) => merkleRoot(LEAVES, n));
const flip = (h: Hash): Hash => {
  const c = Buffer.from(h);
  c[0] ^= 1;
  return c;
};

describe('Merkle-boom volgens RFC 6962', () => {
  describe('de testvectoren van Certificate Transparency', () => {
    it('geeft de bekende wortel voor elke grootte 0..8, ook via de rand (frontier)', () => {
      const rand = new MerkleFrontier();
      expect(hex(rand.root())).toBe(CT_ROOTS[0]);
      for (let n = 0; n <= 8; n++) expect({ n, wortel: hex(merkleRoot(CT_LEAVES, n)) }).toEqual({ n, wortel: CT_ROOTS[n] });
      for (let n = 1; n <= 8; n++) {
        rand.append(CT_LEAVES[n - 1]);
        expect({ n, wortel: hex(rand.root()) }).toEqual({ n, wortel: CT_ROOTS[n] });
      }
      expect(hex(EMPTY_ROOT)).toBe(CT_ROOTS[0]);
    });

    it('maakt de bekende inclusiebewijzen en aanvaardt ze', () => {
      for (const v of CT_INCLUSION) {
        expect(inclusionProof(CT_LEAVES, v.index, v.size).map(hex)).toEqual(v.proof);
        expect(verifyInclusion(CT_LEAVES[v.index], v.index, v.size, v.proof.map(unhex), unhex(CT_ROOTS[v.size]))).toBe(true);
      }
    });

    it('maakt de bekende consistentiebewijzen en aanvaardt ze', () => {
      for (const v of CT_CONSISTENCY) {
        expect(consistencyProof(CT_LEAVES, v.first, v.second).map(hex)).toEqual(v.proof);
        expect(verifyConsistency(v.first, v.second, unhex(CT_ROOTS[v.first]), unhex(CT_ROOTS[v.second]), v.proof.map(unhex))).toBe(true);
      }
    });

    it('hasht bladeren met 0x00 en knopen met 0x01 ervoor', () => {
      const [l, r] = CT_LEAVES;
      expect(hex(nodeHash(l, r))).toBe(hex(createHash('sha256').update(Buffer.concat([Buffer.from([1]), l, r])).digest()));
      expect(hex(leafHash(Buffer.alloc(0)))).toBe(CT_ROOTS[1]);
    });
  });

  describe('eigenschappen voor elke grootte 1..64', () => {
    it('elk inclusiebewijs klopt; een ander blad, een andere index of een gewijzigd pad niet', () => {
      for (let n = 1; n <= N; n++) {
        for (let i = 0; i < n; i++) {
          const proof = inclusionProof(LEAVES, i, n);
          expect(verifyInclusion(LEAVES[i], i, n, proof, ROOTS[n])).toBe(true);
          expect(verifyInclusion(flip(LEAVES[i]), i, n, proof, ROOTS[n])).toBe(false);
          if (n > 1) {
            expect(verifyInclusion(LEAVES[i], (i + 1) % n, n, proof, ROOTS[n])).toBe(false);
            expect(verifyInclusion(LEAVES[i], i, n, [flip(proof[0]), ...proof.slice(1)], ROOTS[n])).toBe(false);
            expect(verifyInclusion(LEAVES[i], i, n, proof.slice(0, -1), ROOTS[n])).toBe(false);
          }
          expect(verifyInclusion(LEAVES[i], i, n, [...proof, LEAVES[0]], ROOTS[n])).toBe(false);
        }
      }
    });

    it('elk consistentiebewijs klopt; met een gewijzigd blad in de oude boom niet meer', () => {
      for (let second = 1; second <= N; second++) {
        for (let first = 1; first <= second; first++) {
          const proof = consistencyProof(LEAVES, first, second);
          expect(verifyConsistency(first, second, ROOTS[first], ROOTS[second], proof)).toBe(true);
          if (first < second) {
            // A history rewritten below `first`: the old root no longer fits the new tree.
            const herschreven = [...LEAVES.slice(0, second)];
            herschreven[first - 1] = flip(herschreven[first - 1]);
            expect(verifyConsistency(first, second, ROOTS[first], merkleRoot(herschreven), consistencyProof(herschreven, first, second))).toBe(false);
            expect(verifyConsistency(first, second, ROOTS[first], ROOTS[second], [flip(proof[0]), ...proof.slice(1)])).toBe(false);
            expect(verifyConsistency(first, second, ROOTS[first], ROOTS[second], proof.slice(0, -1))).toBe(false);
          }
        }
      }
    });

    it('de rand geeft na elk blad dezelfde wortel als de hele boom', () => {
      const rand = new MerkleFrontier();
      LEAVES.forEach((leaf, i) => {
        rand.append(leaf);
        expect(rand.root().equals(ROOTS[i + 1])).toBe(true);
      });
      expect(rand.size).toBe(N);
    });
  });

  it('weigert een blad buiten de boom en een grootte boven het aantal bladeren', () => {
    expect(() => inclusionProof(LEAVES, 8, 8)).toThrow(RangeError);
    expect(() => merkleRoot(LEAVES.slice(0, 3), 4)).toThrow(RangeError);
    expect(() => consistencyProof(LEAVES, 5, 3)).toThrow(RangeError);
    expect(verifyInclusion(LEAVES[0], 8, 8, [], ROOTS[8])).toBe(false);
    expect(verifyConsistency(4, 4, ROOTS[4], ROOTS[5], [])).toBe(false);
    expect(verifyConsistency(0, 8, EMPTY_ROOT, ROOTS[8], [])).toBe(true);
  });
});
