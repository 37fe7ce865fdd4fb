import { createHash } from 'node:crypto';

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** RFC 6962 §2.1: the hash of a leaf is SHA-256(0x00 || data). */
export const leafHash = (data: Uint8Array): Buffer => sha256(LEAF_PREFIX, data);
/** RFC 6962 §2.1: an interior node is SHA-256(0x01 || left || right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => sha256(NODE_PREFIX, left, right);
export const emptyRoot = (): Buffer => sha256();

/** Largest power of two strictly smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Appends leaf hashes one at a time and keeps only the roots of the perfect subtrees (a compact range),
 * so the root of the first n leaves is available at every n in O(log n) memory.
 */
export class MerkleAccumulator {
  private readonly stack: Buffer[] = [];
  private count = 0;

  /**
   * Resumes from a frontier: the roots of the perfect subtrees along the right edge of a tree of `size`
   * leaves (RFC 6962), largest first, one per set bit of `size`.
   */
  static fromFrontier(size: number, frontier: readonly Buffer[]): MerkleAccumulator {
    let bits = 0;
    for (let n = size; n > 0; n = Math.floor(n / 2)) bits += n % 2;
    if (!Number.isSafeInteger(size) || size < 0 || frontier.length !== bits) {
      throw new RangeError(`a frontier of ${frontier.length} hashes does not fit a tree of ${size} leaves`);
    }
    const acc = new MerkleAccumulator();
    acc.stack.push(...frontier);
    acc.count = size;
    return acc;
  }

  get size(): number {
    return this.count;
  }

  /** The frontier to resume from later (see `fromFrontier`). */
  frontier(): Buffer[] {
    return [...this.stack];
  }

  append(leaf: Buffer): void {
    let node = leaf;
    let n = this.count;
    while (n & 1) {
      node = nodeHash(this.stack.pop() as Buffer, node);
      n >>= 1;
    }
    this.stack.push(node);
    this.count++;
  }

  root(): Buffer {
    if (this.stack.length === 0) return emptyRoot();
    let acc = this.stack[this.stack.length - 1] as Buffer;
    for (let i = this.stack.length - 2; i >= 0; i--) acc = nodeHash(this.stack[i] as Buffer, acc);
    return acc;
  }
}

/** RFC 6962 Merkle Tree Hash of the given leaf hashes. */
export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  const acc = new MerkleAccumulator();
  for (const l of leaves) acc.append(l);
  return acc.root();
}

function subtreeRoot(leaves: readonly Buffer[], start: number, end: number): Buffer {
  return merkleRoot(leaves.slice(start, end));
}

/** RFC 6962 §2.1.1 audit path for the leaf at `index`. */
export function inclusionProof(leaves: readonly Buffer[], index: number): Buffer[] {
  if (index < 0 || index >= leaves.length)
    throw new RangeError(`index ${index} is outside a tree of ${leaves.length}`);
  const path = (start: number, end: number, i: number): Buffer[] => {
    const n = end - start;
    if (n <= 1) return [];
    const k = splitPoint(n);
    return i < k
      ? [...path(start, start + k, i), subtreeRoot(leaves, start + k, end)]
      : [...path(start + k, end, i - k), subtreeRoot(leaves, start, start + k)];
  };
  return path(0, leaves.length, index);
}

/** RFC 9162 §2.1.3.2 verification of an inclusion proof. */
export function verifyInclusion(
  leaf: Buffer,
  index: number,
  treeSize: number,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      r = nodeHash(p, r);
      if (!(fn & 1)) {
        while (fn !== 0 && !(fn & 1)) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

/** RFC 6962 §2.1.2 consistency proof between the first `oldSize` leaves and all of them. */
export function consistencyProof(leaves: readonly Buffer[], oldSize: number): Buffer[] {
  const n = leaves.length;
  if (oldSize < 0 || oldSize > n) throw new RangeError(`old size ${oldSize} is outside 0..${n}`);
  if (oldSize === 0 || oldSize === n) return [];
  const subproof = (m: number, start: number, end: number, complete: boolean): Buffer[] => {
    const size = end - start;
    if (m === size) return complete ? [] : [subtreeRoot(leaves, start, end)];
    const k = splitPoint(size);
    return m <= k
      ? [...subproof(m, start, start + k, complete), subtreeRoot(leaves, start + k, end)]
      : [...subproof(m - k, start + k, end, false), subtreeRoot(leaves, start, start + k)];
  };
  return subproof(oldSize, 0, n, true);
}

/** RFC 9162 §2.1.4.2 verification of a consistency proof. */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Buffer,
  newRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (oldSize < 0 || oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (oldSize === 0) return proof.length === 0;
  const path = [...proof];
  if ((oldSize & (oldSize - 1)) === 0) path.unshift(oldRoot);
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  const first = path.shift();
  if (!first) return false;
  let fr = first;
  let sr = first;
  for (const c of path) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!(fn & 1)) {
        while (fn !== 0 && !(fn & 1)) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

/** A frontier stored as its hashes concatenated (32 bytes each). */
export const encodeFrontier = (frontier: readonly Buffer[]): Buffer => Buffer.concat(frontier);

export function decodeFrontier(bytes: Uint8Array): Buffer[] {
  if (bytes.length % 32 !== 0)
    throw new RangeError(`a stored frontier of ${bytes.length} bytes is not whole hashes`);
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 32) out.push(Buffer.from(bytes.subarray(i, i + 32)));
  return out;
}
