"""A fresh server process answers proofs from stored nodes, then warms its cache."""

from __future__ import annotations

from parley.cli import story
from parley.client import LogVerifier
from parley.ledger import consistency_proof, inclusion_proof
from parley.service import Settings, build
from parley.service import tree as tree_module

CH = story.CHANNEL


def test_cold_then_warm_proofs_are_identical(
    member, active_channel, services, tmp_path, monkeypatch, clock
):
    a = member("artsakh-head")
    for i in range(37):
        a.send(CH, to="azerbaijan", subject=f"m{i}", text="t")
    data = [e.leaf_data() for e in a.sync(CH, LogVerifier(CH, a.server_key()))]
    n = len(data)
    monkeypatch.setattr(tree_module, "WARM_STEP", 4)
    fresh = build(
        Settings(
            data_dir=tmp_path / "data",
            db_url=services.store.engine.url.render_as_string(hide_password=False)
            if services.store.is_postgres
            else None,
        ),
        clock=clock,
    )
    nodes = fresh.appender.trees.channel(CH)
    assert nodes.cache.size == 0
    for round_ in range(12):  # cold at first, warm in steps of 4 nodes per level
        for size in (n, n - 5, 17):
            for i in range(0, size, 3):
                assert nodes.inclusion(i, size) == inclusion_proof(data[:size], i), (
                    round_,
                    size,
                    i,
                )
            for m in range(1, size + 1, 4):
                assert nodes.consistency(m, size) == consistency_proof(data[:size], m)
    assert nodes._covers(n)
    fresh.store.engine.dispose()
