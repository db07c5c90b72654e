"""RFC 9162 tree: known answers from the CT reference code, and properties."""

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.ledger import (
    EMPTY_ROOT,
    CompactRange,
    VerificationError,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    root_hash,
    verify_consistency,
    verify_inclusion,
)

# The 8 leaves of the RFC 6962 test tree (certificate-transparency and transparency-dev
# merkle testonly: LeafInputs).
LEAVES = [
    bytes.fromhex(h)
    for h in [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
]
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
# Inclusion paths in the 8-leaf tree (transparency-dev merkle testonly reference).
PATHS = {
    (0, 8): [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    (5, 8): [
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
    (2, 3): ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
    (1, 5): [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
}
CONSISTENCY = {
    (1, 8): [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    (6, 8): [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
}


def test_empty_tree_root():
    assert root_hash([]) == EMPTY_ROOT == hashlib.sha256(b"").digest()


@pytest.mark.parametrize("n", range(1, 9))
def test_known_roots(n):
    assert root_hash(LEAVES[:n]).hex() == ROOTS[n - 1]


@pytest.mark.parametrize(("index", "size"), list(PATHS))
def test_known_inclusion_paths(index, size):
    proof = inclusion_proof(LEAVES[:size], index)
    assert [p.hex() for p in proof] == PATHS[(index, size)]
    verify_inclusion(leaf_hash(LEAVES[index]), index, size, proof, bytes.fromhex(ROOTS[size - 1]))


@pytest.mark.parametrize(("m", "n"), list(CONSISTENCY))
def test_known_consistency_proofs(m, n):
    proof = consistency_proof(LEAVES[:n], m)
    assert [p.hex() for p in proof] == CONSISTENCY[(m, n)]
    verify_consistency(m, n, bytes.fromhex(ROOTS[m - 1]), bytes.fromhex(ROOTS[n - 1]), proof)


trees = st.lists(st.binary(max_size=8), min_size=1, max_size=40)


@settings(max_examples=60)
@given(trees)
def test_every_inclusion_proof_verifies_and_compact_range_agrees(leaves):
    root = root_hash(leaves)
    rng = CompactRange()
    for d in leaves:
        rng.append(leaf_hash(d))
    assert rng.root() == root
    for i, d in enumerate(leaves):
        verify_inclusion(leaf_hash(d), i, len(leaves), inclusion_proof(leaves, i), root)


@settings(max_examples=60)
@given(trees)
def test_every_consistency_proof_verifies(leaves):
    n = len(leaves)
    for m in range(1, n + 1):
        verify_consistency(
            m, n, root_hash(leaves[:m]), root_hash(leaves), consistency_proof(leaves, m)
        )


distinct_trees = st.lists(st.binary(max_size=8), min_size=1, max_size=40, unique=True)


@settings(max_examples=80)
@given(distinct_trees, st.data())
def test_any_flipped_bit_breaks_inclusion(leaves, data):
    n = len(leaves)
    i = data.draw(st.integers(0, n - 1))
    proof = inclusion_proof(leaves, i)
    root = root_hash(leaves)
    leaf = leaf_hash(leaves[i])
    # A flipped tree size is not in this list: RFC 9162 verification binds the size
    # only through the root, and for some sizes the path has the same shape (index 0 in
    # trees of 6 and 7 leaves). Checkpoints sign size and root together for that reason.
    what = data.draw(
        st.sampled_from(["leaf", "root", "proof", "index"] if proof else ["leaf", "root", "index"])
    )
    bit = 1 << data.draw(st.integers(0, 7))
    if what == "leaf":
        leaf = bytes([leaf[0] ^ bit]) + leaf[1:]
    elif what == "root":
        root = bytes([root[0] ^ bit]) + root[1:]
    elif what == "proof":
        k = data.draw(st.integers(0, len(proof) - 1))
        j = data.draw(st.integers(0, 31))
        p = bytearray(proof[k])
        p[j] ^= bit
        proof[k] = bytes(p)
    else:
        i = i ^ bit
    with pytest.raises(VerificationError):
        verify_inclusion(leaf, i, n, proof, root)


@settings(max_examples=80)
@given(st.lists(st.binary(max_size=4), min_size=2, max_size=40, unique=True), st.data())
def test_any_flipped_bit_breaks_consistency(leaves, data):
    n = len(leaves)
    m = data.draw(st.integers(1, n - 1))
    proof = consistency_proof(leaves, m)
    old, new = root_hash(leaves[:m]), root_hash(leaves)
    what = data.draw(st.sampled_from(["old", "new", "proof", "m"]))
    bit = 1 << data.draw(st.integers(0, 7))
    if what == "old":
        old = bytes([old[0] ^ bit]) + old[1:]
    elif what == "new":
        new = bytes([new[-1] ^ bit]) + new[:-1]
    elif what == "proof":
        k = data.draw(st.integers(0, len(proof) - 1))
        p = bytearray(proof[k])
        p[data.draw(st.integers(0, 31))] ^= bit
        proof[k] = bytes(p)
    else:
        m = m ^ bit
    with pytest.raises(VerificationError):
        verify_consistency(m, n, old, new, proof)


def test_malformed_inputs_fail_closed():
    root = root_hash(LEAVES)
    with pytest.raises(VerificationError):
        verify_inclusion(b"short", 0, 8, [], root)
    with pytest.raises(VerificationError):
        verify_inclusion(leaf_hash(LEAVES[0]), 8, 8, inclusion_proof(LEAVES, 0), root)
    with pytest.raises(VerificationError):
        verify_consistency(9, 8, root, root, [])
    with pytest.raises(VerificationError):
        verify_consistency(3, 8, root_hash(LEAVES[:3]), root, [])
    with pytest.raises(ValueError):
        inclusion_proof(LEAVES, 8)
    with pytest.raises(ValueError):
        consistency_proof(LEAVES, 0)


def test_size_is_bound_only_through_the_root():
    """Documents why checkpoints must sign (size, root) together: the bare RFC 9162
    check accepts the 6-leaf path of leaf 0 as a 7-leaf path to the 6-leaf root."""
    six = LEAVES[:6]
    verify_inclusion(leaf_hash(six[0]), 0, 7, inclusion_proof(six, 0), root_hash(six))
    with pytest.raises(VerificationError):
        verify_inclusion(leaf_hash(six[0]), 0, 7, inclusion_proof(six, 0), root_hash(LEAVES[:7]))
