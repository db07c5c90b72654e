"""Parley's Merkle tree vs pymerkle 7.0.0, in the same run, at 10^4, 10^5 and 10^6 leaves.

    .venv/bin/python bench/bench_ledger.py [--sizes 10000 100000 1000000] [--impls ...]

(pymerkle is not a Parley dependency: ``make bench`` installs it; without it, only
Parley's two trees are measured.)

Each (implementation, size) is measured in its own fresh Python process, so memory
(resident set growth while building the tree, divided by leaves) is not polluted.

Parley is measured three ways:
- ``parley-mem``: the in-memory ``LevelHashes`` the server keeps per channel (the warm
  path every proof request takes);
- ``parley-sqlite``: the storage-backed tree, appending the complete-subtree nodes into
  the real ``tree_nodes`` table in SQLite (1,000 leaves per transaction), and proofs read
  cold from the database through ``stored_inclusion_proof`` (one batched read each);
  bytes per leaf is the database file growth;
- ``pymerkle``: ``InmemoryTree`` (its ``SqliteTree`` is slower still).

Verification for both uses each library's own verifier on its own proofs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

PROOFS = 5000


def rss() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def data(i: int) -> bytes:
    return i.to_bytes(8, "big")


def run_pymerkle(n: int) -> dict[str, float]:
    from pymerkle import InmemoryTree, verify_consistency, verify_inclusion

    tree = InmemoryTree(algorithm="sha256")
    before = rss()
    t0 = time.perf_counter()
    for i in range(n):
        tree.append_entry(data(i))
    append = n / (time.perf_counter() - t0)
    mem = (rss() - before) / n
    rng = random.Random(1)
    idx = [rng.randrange(1, n + 1) for _ in range(PROOFS)]
    t0 = time.perf_counter()
    proofs = [tree.prove_inclusion(i, n) for i in idx]
    gen = PROOFS / (time.perf_counter() - t0)
    root = tree.get_state(n)
    leaves = [tree.get_leaf(i) for i in idx]
    t0 = time.perf_counter()
    for leaf, p in zip(leaves, proofs, strict=True):
        verify_inclusion(leaf, root, p)
    ver = PROOFS / (time.perf_counter() - t0)
    olds = [rng.randrange(1, n + 1) for _ in range(PROOFS // 5)]
    t0 = time.perf_counter()
    cons = [tree.prove_consistency(m, n) for m in olds]
    cgen = len(olds) / (time.perf_counter() - t0)
    verify_consistency(tree.get_state(olds[0]), root, cons[0])
    return {
        "append": append,
        "incl_gen": gen,
        "incl_verify": ver,
        "cons_gen": cgen,
        "bytes_per_leaf": mem,
    }


def run_parley_mem(n: int) -> dict[str, float]:
    from parley.ledger import leaf_hash, verify_inclusion
    from parley.ledger.tree import LevelHashes

    tree = LevelHashes()
    before = rss()
    t0 = time.perf_counter()
    for i in range(n):
        tree.append_leaf(leaf_hash(data(i)))
    append = n / (time.perf_counter() - t0)
    mem = (rss() - before) / n
    rng = random.Random(1)
    idx = [rng.randrange(n) for _ in range(PROOFS)]
    t0 = time.perf_counter()
    proofs = [tree.inclusion(i, n) for i in idx]
    gen = PROOFS / (time.perf_counter() - t0)
    root = tree.root(n)
    leaves = [tree.node(0, i) for i in idx]
    t0 = time.perf_counter()
    for i, leaf, p in zip(idx, leaves, proofs, strict=True):
        verify_inclusion(leaf, i, n, p, root)
    ver = PROOFS / (time.perf_counter() - t0)
    olds = [rng.randrange(1, n + 1) for _ in range(PROOFS // 5)]
    t0 = time.perf_counter()
    for m in olds:
        tree.consistency(m, n)
    cgen = len(olds) / (time.perf_counter() - t0)
    return {
        "append": append,
        "incl_gen": gen,
        "incl_verify": ver,
        "cons_gen": cgen,
        "bytes_per_leaf": mem,
    }


def run_parley_sqlite(n: int) -> dict[str, float]:
    from sqlalchemy import insert

    from parley.ledger import CompactRange, leaf_hash, verify_inclusion
    from parley.ledger.tree import (
        new_nodes,
        stored_consistency_proof,
        stored_inclusion_proof,
        stored_root,
    )
    from parley.service.tree import ChannelNodes
    from parley.store import Store, make_engine, migrate
    from parley.store.tables import tree_nodes

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "tree.db"
        engine = make_engine(f"sqlite:///{path}")
        migrate(engine)
        store = Store(engine)
        base = path.stat().st_size + sum(p.stat().st_size for p in Path(d).glob("tree.db-*"))
        rng_ = CompactRange()
        t0 = time.perf_counter()
        batch: list[dict[str, object]] = []
        for i in range(n):
            leaf = leaf_hash(data(i))
            for lv, ix, h in new_nodes(rng_.size, leaf, rng_.nodes):
                batch.append({"channel_id": "bench", "level": lv, "idx": ix, "hash": h})
            rng_.append(leaf)
            if (i + 1) % 1000 == 0 or i == n - 1:
                with engine.connect().execution_options(parley_write=True) as conn, conn.begin():
                    conn.execute(insert(tree_nodes), batch)
                batch = []
        append = n / (time.perf_counter() - t0)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size + sum(p.stat().st_size for p in Path(d).glob("tree.db-*"))
        reader = ChannelNodes(store, "bench")
        rng = random.Random(1)
        idx = [rng.randrange(n) for _ in range(PROOFS // 5)]
        t0 = time.perf_counter()
        proofs = [stored_inclusion_proof(reader, i, n) for i in idx]
        gen = len(idx) / (time.perf_counter() - t0)
        root = stored_root(reader, n)
        assert root == rng_.root()
        leaves = [reader.nodes([(0, i)])[(0, i)] for i in idx]
        t0 = time.perf_counter()
        for i, leaf, p in zip(idx, leaves, proofs, strict=True):
            verify_inclusion(leaf, i, n, p, root)
        ver = len(idx) / (time.perf_counter() - t0)
        olds = [rng.randrange(1, n + 1) for _ in range(PROOFS // 10)]
        t0 = time.perf_counter()
        for m in olds:
            stored_consistency_proof(reader, m, n)
        cgen = len(olds) / (time.perf_counter() - t0)
        engine.dispose()
    return {
        "append": append,
        "incl_gen": gen,
        "incl_verify": ver,
        "cons_gen": cgen,
        "bytes_per_leaf": (size - base) / n,
    }


WORKERS = {
    "pymerkle": run_pymerkle,
    "parley-mem": run_parley_mem,
    "parley-sqlite": run_parley_sqlite,
}


def _has_pymerkle() -> bool:
    import importlib.util

    return importlib.util.find_spec("pymerkle") is not None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--impls", nargs="+", choices=list(WORKERS), default=None)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(WORKERS[args.worker[0]](int(args.worker[1]))))
        return
    console = Console(width=140)
    impls = args.impls or [i for i in WORKERS if i != "pymerkle" or _has_pymerkle()]
    if "pymerkle" not in impls:
        console.print("pymerkle is not installed (make bench installs it): Parley's trees only")
    results: dict[tuple[str, int], dict[str, float]] = {}
    with console.status("") as status:
        for n in args.sizes:
            for impl in impls:
                status.update(f"{impl} at {n:,} leaves…")
                out = subprocess.run(
                    [sys.executable, __file__, "--worker", impl, str(n)],
                    capture_output=True,
                    text=True,
                    check=True,
                    env={**os.environ},
                )
                results[(impl, n)] = json.loads(out.stdout)
                r = results[(impl, n)]
                console.print(
                    f"  {impl:14} {n:>9,}: " + ", ".join(f"{k} {v:,.0f}" for k, v in r.items())
                )
    if "pymerkle" not in impls:
        return
    table = Table(title="Merkle tree: Parley vs pymerkle 7.0.0 (same run, same machine)")
    for col in ("leaves", "metric", "pymerkle", "parley-mem", "ratio", "parley-sqlite", "ratio"):
        table.add_column(col, justify="right")
    names = {
        "append": "appends/s",
        "incl_gen": "inclusion proofs generated/s",
        "incl_verify": "inclusion proofs verified/s",
        "cons_gen": "consistency proofs generated/s",
        "bytes_per_leaf": "bytes per leaf",
    }
    for n in args.sizes:
        for key, label in names.items():
            p = results[("pymerkle", n)][key]
            m = results[("parley-mem", n)][key]
            s = results[("parley-sqlite", n)][key]
            table.add_row(
                f"{n:,}",
                label,
                f"{p:,.0f}",
                f"{m:,.0f}",
                f"{m / p:.2f}×",
                f"{s:,.0f}",
                f"{s / p:.2f}×",
            )
    console.print(table)


if __name__ == "__main__":
    main()
