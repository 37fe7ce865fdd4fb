import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  consistencyProof,
  decodeFrontier,
  emptyRoot,
  encodeFrontier,
  inclusionProof,
  leafHash,
  MerkleAccumulator,
  merkleRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

// The certificate-transparency reference inputs and roots (RFC 6962 test vectors).
const referenceLeaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const referenceRoots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const hashes = referenceLeaves.map((h) => leafHash(Buffer.from(h, 'hex')));
const randomLeaves = (n: number) => Array.from({ length: n }, () => leafHash(randomBytes(16)));
const flip = (b: Buffer) => {
  const c = Buffer.from(b);
  c[0] = (c[0] ?? 0) ^ 1;
  return c;
};

describe('RFC 6962 Merkle tree', () => {
  test('the empty tree hashes to SHA-256 of nothing', () => {
    assert.equal(
      emptyRoot().toString('hex'),
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    assert.equal(merkleRoot([]).toString('hex'), emptyRoot().toString('hex'));
  });

  test('roots match the reference vectors for sizes 1 to 8', () => {
    for (let n = 1; n <= 8; n++)
      assert.equal(merkleRoot(hashes.slice(0, n)).toString('hex'), referenceRoots[n - 1], `size ${n}`);
  });

  test('the accumulator gives the same root as the full computation at every size', () => {
    const leaves = randomLeaves(300);
    const acc = new MerkleAccumulator();
    assert.equal(acc.root().toString('hex'), emptyRoot().toString('hex'));
    for (let i = 0; i < leaves.length; i++) {
      acc.append(leaves[i] as Buffer);
      assert.equal(acc.size, i + 1);
      if (i % 7 === 0 || i < 20)
        assert.ok(acc.root().equals(merkleRoot(leaves.slice(0, i + 1))), `size ${i + 1}`);
    }
  });

  test('inclusion proofs verify for every leaf and fail when anything is altered', () => {
    for (let n = 1; n <= 40; n++) {
      const leaves = randomLeaves(n);
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i++) {
        const leaf = leaves[i] as Buffer;
        const proof = inclusionProof(leaves, i);
        assert.ok(verifyInclusion(leaf, i, n, proof, root), `n=${n} i=${i}`);
        assert.ok(!verifyInclusion(flip(leaf), i, n, proof, root));
        assert.ok(!verifyInclusion(leaf, i, n, proof, flip(root)));
        if (proof.length)
          assert.ok(!verifyInclusion(leaf, i, n, [flip(proof[0] as Buffer), ...proof.slice(1)], root));
        if (n > 1)
          assert.ok(!verifyInclusion(leaf, (i + 1) % n, n, proof, root) || leaves[(i + 1) % n]?.equals(leaf));
        if (proof.length)
          assert.ok(!verifyInclusion(leaf, i, n, proof.slice(0, -1), root), 'a shortened proof fails');
      }
    }
  });

  test('consistency proofs verify for every older size and fail when anything is altered', () => {
    for (let n = 1; n <= 40; n++) {
      const leaves = randomLeaves(n);
      const newRoot = merkleRoot(leaves);
      for (let m = 1; m <= n; m++) {
        const oldRoot = merkleRoot(leaves.slice(0, m));
        const proof = consistencyProof(leaves, m);
        assert.ok(verifyConsistency(m, n, oldRoot, newRoot, proof), `m=${m} n=${n}`);
        assert.ok(!verifyConsistency(m, n, flip(oldRoot), newRoot, proof));
        assert.ok(!verifyConsistency(m, n, oldRoot, flip(newRoot), proof));
        if (proof.length)
          assert.ok(
            !verifyConsistency(m, n, oldRoot, newRoot, [...proof.slice(0, -1), flip(proof.at(-1) as Buffer)]),
          );
        if (proof.length > 1)
          assert.ok(!verifyConsistency(m, n, oldRoot, newRoot, proof.slice(1)), 'a shortened proof fails');
      }
    }
  });

  test('a rewritten leaf in the old range breaks consistency with the signed old root', () => {
    const leaves = randomLeaves(20);
    const oldRoot = merkleRoot(leaves.slice(0, 12));
    const rewritten = [...leaves];
    rewritten[5] = leafHash(Buffer.from('forged'));
    const proof = consistencyProof(rewritten, 12);
    assert.ok(!verifyConsistency(12, 20, oldRoot, merkleRoot(rewritten), proof));
  });
});

describe('frontier', () => {
  test('a root extended from a stored frontier equals the root recomputed from every leaf, for sizes 0..300', () => {
    const leaves = randomLeaves(300);
    for (let n = 0; n <= 300; n++) {
      const split = Math.floor(Math.random() * (n + 1));
      const first = new MerkleAccumulator();
      for (const l of leaves.slice(0, split)) first.append(l);
      const stored = decodeFrontier(encodeFrontier(first.frontier()));
      assert.ok(
        stored.length <= Math.max(1, Math.ceil(Math.log2(split + 1))),
        `frontier of ${split} is small`,
      );
      const resumed = MerkleAccumulator.fromFrontier(split, stored);
      for (const l of leaves.slice(split, n)) resumed.append(l);
      assert.equal(resumed.size, n);
      assert.equal(
        resumed.root().toString('hex'),
        merkleRoot(leaves.slice(0, n)).toString('hex'),
        `size ${n} split at ${split}`,
      );
    }
  });

  test('a frontier that does not fit its size is refused', () => {
    const acc = new MerkleAccumulator();
    for (const l of randomLeaves(5)) acc.append(l);
    assert.equal(acc.frontier().length, 2);
    assert.throws(() => MerkleAccumulator.fromFrontier(7, acc.frontier()), /does not fit a tree of 7/);
    assert.throws(() => decodeFrontier(Buffer.alloc(33)), /not whole hashes/);
  });
});
