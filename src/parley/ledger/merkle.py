"""RFC 9162 Merkle tree hashing, audit paths and consistency proofs.

These are the reference functions: they take the whole list of leaves and follow the
RFC's recursive definitions literally, so that they are easy to check against the text.
The server's storage-backed tree must give byte-identical results.

Section numbers refer to RFC 9162 (Certificate Transparency Version 2.0), whose tree
hashing is identical to RFC 6962's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from parley.errors import VerificationError

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()
_sha256 = hashlib.sha256


def leaf_hash(data: bytes) -> bytes:
    """§2.1.1: MTH({d0}) = HASH(0x00 || d0)."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """§2.1.1: interior node HASH(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def _mth(hashes: Sequence[bytes]) -> bytes:
    n = len(hashes)
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return hashes[0]
    k = _split(n)
    return node_hash(_mth(hashes[:k]), _mth(hashes[k:]))


def root_hash(leaves: Sequence[bytes]) -> bytes:
    """§2.1.1: the Merkle Tree Hash of the leaf data (SHA-256("") for no leaves)."""
    return _mth([leaf_hash(d) for d in leaves])


def root_from_leaf_hashes(hashes: Sequence[bytes]) -> bytes:
    """MTH over leaves given by their leaf hashes."""
    return _mth(hashes)


def _path(m: int, hashes: Sequence[bytes]) -> list[bytes]:
    n = len(hashes)
    if n == 1:
        return []
    k = _split(n)
    if m < k:
        return [*_path(m, hashes[:k]), _mth(hashes[k:])]
    return [*_path(m - k, hashes[k:]), _mth(hashes[:k])]


def inclusion_proof(leaves: Sequence[bytes], index: int) -> list[bytes]:
    """§2.1.3.1: PATH(index, D[n]), the audit path for leaf ``index``.

    Raises:
        ValueError: ``index`` is outside ``0 <= index < len(leaves)``.
    """
    if not 0 <= index < len(leaves):
        raise ValueError(f"index {index} outside a tree of {len(leaves)} leaves")
    return _path(index, [leaf_hash(d) for d in leaves])


def _subproof(m: int, hashes: Sequence[bytes], complete: bool) -> list[bytes]:
    n = len(hashes)
    if m == n:
        return [] if complete else [_mth(hashes)]
    k = _split(n)
    if m <= k:
        return [*_subproof(m, hashes[:k], complete), _mth(hashes[k:])]
    return [*_subproof(m - k, hashes[k:], False), _mth(hashes[:k])]


def consistency_proof(leaves: Sequence[bytes], old_size: int) -> list[bytes]:
    """§2.1.4.1: PROOF(old_size, D[n]) between the first ``old_size`` leaves and all.

    Raises:
        ValueError: ``old_size`` is outside ``0 < old_size <= len(leaves)``.
    """
    if not 0 < old_size <= len(leaves):
        raise ValueError(f"old size {old_size} outside 1..{len(leaves)}")
    return _subproof(old_size, [leaf_hash(d) for d in leaves], True)


def _check_hashes(proof: Sequence[bytes], *more: bytes) -> None:
    for h in [*proof, *more]:
        if not isinstance(h, bytes | bytearray) or len(h) != HASH_SIZE:
            raise VerificationError("a proof hash or root is not 32 bytes", "proof.malformed")


def verify_inclusion(
    leaf_hash: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> None:
    """§2.1.3.2: check that ``leaf_hash`` is leaf ``index`` of the tree of ``size`` with ``root``.

    Raises:
        VerificationError: the proof is malformed or does not lead to ``root``.
    """
    _check_hashes(proof, leaf_hash, root)
    if not 0 <= index < size:
        raise VerificationError(
            f"index {index} is outside a tree of size {size}", "proof.bad_index"
        )
    fn, sn, r = index, size - 1, leaf_hash
    for p in proof:
        if sn == 0:
            raise VerificationError("inclusion proof is too long", "proof.bad_length")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise VerificationError("inclusion proof is too short", "proof.bad_length")
    if r != root:
        raise VerificationError("inclusion proof does not lead to the root", "proof.root_mismatch")


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> None:
    """§2.1.4.2: check that the tree (old_size, old_root) is a prefix of (new_size, new_root).

    An old size of 0 is consistent with anything (the proof must then be empty), and equal
    sizes need an empty proof and equal roots, as in the transparency-dev verifier.

    Raises:
        VerificationError: sizes out of order, a malformed proof, or roots that do not match.
    """
    _check_hashes(proof, old_root, new_root)
    if old_size < 0 or new_size < old_size:
        raise VerificationError(
            f"old size {old_size} is larger than new size {new_size}", "proof.bad_size"
        )
    if old_size == 0:
        if proof:
            raise VerificationError("proof from an empty tree must be empty", "proof.bad_length")
        return
    if old_size == new_size:
        if proof:
            raise VerificationError("proof between equal sizes must be empty", "proof.bad_length")
        if old_root != new_root:
            raise VerificationError("different roots for the same size", "proof.root_mismatch")
        return
    if not proof:
        raise VerificationError("consistency proof is empty", "proof.bad_length")
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise VerificationError("consistency proof is too long", "proof.bad_length")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise VerificationError("consistency proof is too short", "proof.bad_length")
    if fr != old_root:
        raise VerificationError("proof does not lead to the old root", "proof.root_mismatch")
    if sr != new_root:
        raise VerificationError("proof does not lead to the new root", "proof.root_mismatch")


class CompactRange:
    """The right frontier of a tree: the roots of its perfect subtrees, left to right.

    Appending a leaf and computing the root are O(log n) and need O(log n) memory, so
    the server extends the tree, and the audit recomputes it, without holding the log.
    """

    __slots__ = ("_nodes", "size")

    def __init__(self, size: int = 0, nodes: Iterable[bytes] = ()) -> None:
        self.size = size
        self._nodes = list(nodes)
        if len(self._nodes) != bin(size).count("1"):
            raise VerificationError(
                f"a frontier of size {size} has {bin(size).count('1')} nodes, "
                f"not {len(self._nodes)}",
                "ledger.bad_frontier",
            )

    @property
    def nodes(self) -> list[bytes]:
        return list(self._nodes)

    def append(self, leaf: bytes) -> None:
        """Append a leaf given by its leaf hash."""
        self._nodes.append(leaf)
        self.size += 1
        # Each trailing 0 bit of the new size is a pair of equal subtrees to merge.
        n = self.size
        while n & 1 == 0:
            right = self._nodes.pop()
            left = self._nodes.pop()
            self._nodes.append(node_hash(left, right))
            n >>= 1

    def root(self) -> bytes:
        if not self._nodes:
            return EMPTY_ROOT
        nodes = self._nodes
        r = nodes[-1]
        for i in range(len(nodes) - 2, -1, -1):
            r = _sha256(b"\x01" + nodes[i] + r).digest()  # node_hash(nodes[i], r), inlined
        return r
