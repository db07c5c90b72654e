"""The statement checker on its evaluation set: accuracy, and speed on this CPU.

    .venv/bin/python bench/bench_claims.py [--split test|dev|all] [--data-dir DIR] [--errors]

The evaluation set (``bench/claims/statements.jsonl``, written for this project) holds
statements about the demo story, each labelled claim by claim with the verdict and the
disclosure flag the checker should give in member (operator) mode against the demo's
final record. Each statement was put in the development or the test part by a hash of
its text before any tuning. Without ``--data-dir`` the demo is played first (about 40 s)
into a temporary directory.

Reports, per part: contradiction precision and recall, disclosure-breach recall, F1 per
label and macro-F1 over the four labels (supported, contradicted, not in record,
disclosure breach); a statement split into a different number of claims than labelled
counts every labelled claim of it as wrong. Then statements per second and p50/p95
latency per statement (record built once, as the service does per request batch).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from parley.claims import build_record, check_statement
from parley.cli import story

HERE = Path(__file__).resolve().parent
LABELS = ("supported", "contradicted", "not_in_record", "disclosure_breach")
console = Console()


def load(split: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (HERE / "claims" / "statements.jsonl").open()]
    return [r for r in rows if split == "all" or r["split"] == split]


def f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    rows: list[dict[str, Any]], record: Any, embedder: Any = None
) -> tuple[dict[str, Any], list[str]]:
    counts = {label: {"tp": 0, "fp": 0, "fn": 0} for label in LABELS}
    errors: list[str] = []
    latencies: list[float] = []
    for row in rows:
        t = time.perf_counter()
        got = check_statement(row["statement"], record, embedder)
        latencies.append(time.perf_counter() - t)
        gold = row["claims"]
        pairs: list[tuple[dict[str, Any], tuple[str, bool] | None]] = (
            [(g, (v.verdict, v.disclosure_breach)) for g, v in zip(gold, got, strict=True)]
            if len(got) == len(gold)
            else [(g, None) for g in gold]
        )
        for g, pred in pairs:
            for label in LABELS[:3]:
                is_gold = g["verdict"] == label
                is_pred = pred is not None and pred[0] == label
                _count(counts[label], is_gold, is_pred)
            _count(
                counts["disclosure_breach"], g["disclosure_breach"], pred is not None and pred[1]
            )
            if pred is None or pred != (g["verdict"], g["disclosure_breach"]):
                errors.append(
                    f"{row['id']} [{row['split']}] gold {g['verdict']}/{g['disclosure_breach']} "
                    f"got {pred if pred else f'{len(got)} claims'}: {row['statement']}"
                )
    c, b = counts["contradicted"], counts["disclosure_breach"]
    scores = {label: f1(**counts[label]) for label in LABELS}
    return {
        "statements": len(rows),
        "claims": sum(len(r["claims"]) for r in rows),
        "contradiction_precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0,
        "contradiction_recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0,
        "breach_recall": b["tp"] / (b["tp"] + b["fn"]) if b["tp"] + b["fn"] else 0.0,
        "f1": scores,
        "macro_f1": statistics.mean(scores.values()),
        "statements_per_s": len(rows) / sum(latencies),
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": sorted(latencies)[max(0, round(0.95 * len(latencies)) - 1)] * 1000,
    }, errors


def _count(c: dict[str, int], gold: bool, pred: bool) -> None:
    if gold and pred:
        c["tp"] += 1
    elif pred:
        c["fp"] += 1
    elif gold:
        c["fn"] += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="test")
    ap.add_argument("--data-dir", type=Path, help="A data directory the demo already played into.")
    ap.add_argument("--errors", action="store_true", help="List every wrong claim.")
    ap.add_argument(
        "--embedder", default="none", help="none, use or e5 (needs the nlp extra); see semantic.py"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data_dir
        if data is None:
            data = Path(tmp) / "demo"
            with console.status("playing the demo story for its record (about 40 s)"):
                subprocess.run(
                    [sys.executable, "-m", "parley", "demo", "--data-dir", str(data)],
                    check=True,
                    capture_output=True,
                )
        from parley.service import Settings, build

        services = build(Settings(data_dir=data))
        state = services.snapshots.current(story.CHANNEL)
        assert state is not None
        t = time.perf_counter()
        record = build_record(state, public_only=False)
        build_ms = (time.perf_counter() - t) * 1000
        from parley.claims.semantic import load as load_model

        embedder = load_model(args.embedder)
        load_s = 0.0 if embedder is None else embedder.load_seconds
        parts = ["dev", "test"] if args.split == "all" else [args.split]
        table = Table(
            title=f"Statement checker on bench/claims/statements.jsonl (member mode, model: "
            f"{args.embedder})"
        )
        for col in ("", *parts):
            table.add_column(col, justify="right")
        results = {}
        for part in parts:
            evaluate(load(part)[:3], record, embedder)  # warm: fact embeddings, caches
            results[part], errors = evaluate(load(part), record, embedder)
            if args.errors:
                for e in errors:
                    console.print(e, markup=False)
        rows = [
            ("statements / claims", lambda r: f"{r['statements']} / {r['claims']}"),
            ("contradiction precision", lambda r: f"{r['contradiction_precision']:.3f}"),
            ("contradiction recall", lambda r: f"{r['contradiction_recall']:.3f}"),
            ("disclosure-breach recall", lambda r: f"{r['breach_recall']:.3f}"),
            *[(f"F1 {label}", lambda r, lb=label: f"{r['f1'][lb]:.3f}") for label in LABELS],
            ("macro-F1 (four labels)", lambda r: f"{r['macro_f1']:.3f}"),
            ("statements per second", lambda r: f"{r['statements_per_s']:,.0f}"),
            ("latency p50 / p95 ms", lambda r: f"{r['p50_ms']:.2f} / {r['p95_ms']:.2f}"),
        ]
        for label, fmt in rows:
            table.add_row(label, *[fmt(results[p]) for p in parts])
        console.print(table)
        console.print(
            f"record built from the folded state in {build_ms:.1f} ms; model load {load_s:.2f} s"
        )
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
