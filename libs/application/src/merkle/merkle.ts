import { createHash } from 'node:crypto';

/*
 * The Merkle tree of RFC 6962 §2.1 (Certificate Transparency; RFC 9162 §2.1 for the verifiers):
 *   leaf hash  = SHA-256(0x00 || leaf data)
 *   node hash  = SHA-256(0x01 || left || right)
 *   MTH(D[n])  = split at k, the largest power of two below n: node(MTH(D[0:k]), MTH(D[k:n]))
 * Pure functions over leaf hashes (32-byte Buffers); nothing here reads a store or a clock.
 */

export type Hash = Buffer;

const sha256 = (...parts: Buffer[]): Hash => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

export const leafHash = (data: Buffer): Hash => sha256(LEAF, data);
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(NODE, left, right);
/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = sha256();

/** The largest power of two strictly below n (n ≥ 2). */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

const isPowerOfTwo = (n: number): boolean => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

const checkSize = (size: number, available: number): void => {
  if (!Number.isSafeInteger(size) || size < 0 || size > available) throw new RangeError(`boomgrootte ${size} valt buiten 0..${available}`);
};

/** MTH of leaves[from, to). */
const mth = (leaves: readonly Hash[], from: number, to: number): Hash => {
  const n = to - from;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[from];
  const k = splitPoint(n);
  return nodeHash(mth(leaves, from, from + k), mth(leaves, from + k, to));
};

/** The root hash of the first `size` leaves (default: all). */
export const merkleRoot = (leaves: readonly Hash[], size = leaves.length): Hash => {
  checkSize(size, leaves.length);
  return mth(leaves, 0, size);
};

/** RFC 6962 §2.1.1 PATH(m, D[n]): the audit path of leaf `index` in the tree of the first `size` leaves. */
export const inclusionProof = (leaves: readonly Hash[], index: number, size = leaves.length): Hash[] => {
  checkSize(size, leaves.length);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError(`blad ${index} ligt niet in een boom van ${size}`);
  const path = (m: number, from: number, to: number): Hash[] => {
    const n = to - from;
    if (n <= 1) return [];
    const k = splitPoint(n);
    return m < k ? [...path(m, from, from + k), mth(leaves, from + k, to)] : [...path(m - k, from + k, to), mth(leaves, from, from + k)];
  };
  return path(index, 0, size);
};

/** RFC 6962 §2.1.2 PROOF(m, D[n]): shows the tree of size `first` is a prefix of the tree of size `second`. */
export const consistencyProof = (leaves: readonly Hash[], first: number, second = leaves.length): Hash[] => {
  checkSize(second, leaves.length);
  if (!Number.isSafeInteger(first) || first < 0 || first > second) throw new RangeError(`boomgrootte ${first} ligt niet in 0..${second}`);
  if (first === 0 || first === second) return [];
  const subproof = (m: number, from: number, to: number, complete: boolean): Hash[] => {
    const n = to - from;
    if (m === n) return complete ? [] : [mth(leaves, from, to)];
    const k = splitPoint(n);
    return m <= k
      ? [...subproof(m, from, from + k, complete), mth(leaves, from + k, to)]
      : [...subproof(m - k, from + k, to, false), mth(leaves, from, from + k)];
  };
  return subproof(first, 0, second, true);
};

const isHash = (h: unknown): h is Hash => Buffer.isBuffer(h) && h.length === 32;

/** RFC 9162 §2.1.3.2: does `proof` take `leaf` at `index` to `root` in a tree of `size`? */
export const verifyInclusion = (leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean => {
  if (!isHash(leaf) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = nodeHash(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
};

/** RFC 9162 §2.1.4.2: is the tree (`first`, `firstRoot`) a prefix of (`second`, `secondRoot`)? */
export const verifyConsistency = (first: number, second: number, firstRoot: Hash, secondRoot: Hash, proof: readonly Hash[]): boolean => {
  if (!isHash(firstRoot) || !isHash(secondRoot) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0 && firstRoot.equals(EMPTY_ROOT);
  if (proof.length === 0) return false;
  // A first tree of a power-of-two size is a node of the second: its root starts the path.
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else sr = nodeHash(sr, c);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
};

/**
 * The right edge of a growing tree (a "compact range" in Trillian's words): one hash per perfect
 * subtree, so appending is O(log n) and the root is at hand at every size without the leaves.
 */
export class MerkleFrontier {
  private readonly stack: { hash: Hash; size: number }[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  append(leaf: Hash): void {
    let node = { hash: leaf, size: 1 };
    while (this.stack.length && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { hash: nodeHash(left.hash, node.hash), size: left.size * 2 };
    }
    this.stack.push(node);
    this.count++;
  }

  root(): Hash {
    if (!this.stack.length) return EMPTY_ROOT;
    let h = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) h = nodeHash(this.stack[i].hash, h);
    return h;
  }
}
