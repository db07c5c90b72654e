"""Storage-backed proofs equal the reference functions, byte for byte."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.errors import InvalidInput
from parley.ledger import CompactRange, consistency_proof, inclusion_proof, leaf_hash, root_hash
from parley.ledger.tree import (
    new_nodes,
    stored_consistency_proof,
    stored_inclusion_proof,
    stored_root,
)


class DictReader:
    def __init__(self):
        self.d = {}
        self.reads = 0

    def nodes(self, keys):
        self.reads += 1
        return {k: self.d[k] for k in keys}


def build(leaves):
    r, c = DictReader(), CompactRange()
    for d in leaves:
        lh = leaf_hash(d)
        for lv, ix, h in new_nodes(c.size, lh, c.nodes):
            assert (lv, ix) not in r.d  # nodes are written once
            r.d[(lv, ix)] = h
        c.append(lh)
    return r


@settings(max_examples=40, deadline=None)
@given(st.lists(st.binary(max_size=6), min_size=1, max_size=70))
def test_stored_proofs_equal_reference(leaves):
    r = build(leaves)
    n = len(leaves)
    assert len(r.d) == 2 * n - bin(n).count("1")  # one node per complete subtree
    for size in range(1, n + 1):
        assert stored_root(r, size) == root_hash(leaves[:size])
        for i in range(size):
            assert stored_inclusion_proof(r, i, size) == inclusion_proof(leaves[:size], i)
        for m in range(1, size + 1):
            assert stored_consistency_proof(r, m, size) == consistency_proof(leaves[:size], m)


def test_one_batched_read_per_proof():
    r = build([bytes([i % 256, i // 256]) for i in range(1000)])
    r.reads = 0
    stored_inclusion_proof(r, 517, 999)
    stored_consistency_proof(r, 300, 999)
    assert r.reads == 2


def test_bad_arguments():
    r = build([b"a", b"b"])
    with pytest.raises(InvalidInput):
        stored_inclusion_proof(r, 2, 2)
    with pytest.raises(InvalidInput):
        stored_consistency_proof(r, 3, 2)
    assert stored_consistency_proof(r, 0, 2) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.binary(max_size=6), min_size=1, max_size=70))
def test_in_memory_levels_equal_reference(leaves):
    from parley.ledger.tree import LevelHashes

    t = LevelHashes()
    for d in leaves:
        t.append_leaf(leaf_hash(d))
    r = build(leaves)
    assert {
        (lv, i): t.node(lv, i) for lv in range(len(t.levels)) for i in range(t.count(lv))
    } == r.d
    n = len(leaves)
    for size in range(1, n + 1):
        assert t.root(size) == root_hash(leaves[:size])
        for i in range(size):
            assert t.inclusion(i, size) == inclusion_proof(leaves[:size], i)
        for m in range(1, size + 1):
            assert t.consistency(m, size) == consistency_proof(leaves[:size], m)
