"""The statement checker on its evaluation sets: accuracy per story and per language,
and speed on this CPU.

    .venv/bin/python bench/bench_claims.py [--set all|demo|ceasefire-commission|corridor-cell]
        [--data-dir DIR] [--errors] [--embedder none|use]

Sets (bench/claims/README.md): the demo's statements (``statements.jsonl``, parts dev
and test), and one per story in ``bench/claims/stories/`` — ``ceasefire-commission``
(tuned on) and ``corridor-cell`` (**held out**: written by someone who did not read the
checker, before the checker was changed for it, and never tuned on). Each story is
played through the SDK into a real record (``bench/claims/play_story.py``; the demo with
``parley demo``, or ``--data-dir`` a directory it already played into), read as of its
latest entry, and every statement is checked in member (operator) mode.

Reports per set and language: contradiction precision and recall, disclosure-breach
recall, F1 per label and macro-F1 over the four labels (supported, contradicted, not in
record, disclosure breach) — a statement split into a different number of claims than
labelled counts every labelled claim of it as wrong — every true claim called
contradicted (the failure that does harm), and p50/p95 latency per statement (the record
built once, as the service does per checkpoint).
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
from parley.cli import story as demo_story
from parley.model.clock import parse_time

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "claims"))
from play_story import load_story, play  # noqa: E402

LABELS = ("supported", "contradicted", "not_in_record", "disclosure_breach")
STORIES = (
    "ceasefire-commission",
    "corridor-cell",
    "selvan-basin",
    "aghbyur-border",
    "keran-return",
    "missing-persons",
    "incident-mechanism",
    "utilities-group",
    "demining-group",
    "heritage-group",
    "transport-group",
    "wildfire-cell",
    "pasture-group",
    "tailings-group",
    "medical-cell",
    "exams-group",
    "registry-group",
    "market-group",
    "telecom-group",
    "lake-fisheries",
    "mountain-pass",
    "locust-control",
)
console = Console()


def rows_of(name: str) -> list[dict[str, Any]]:
    path = (
        HERE / "claims" / "statements.jsonl"
        if name == "demo"
        else HERE / "claims" / "stories" / name / "statements.jsonl"
    )
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    rows: list[dict[str, Any]], record: Any, embedder: Any = None
) -> tuple[dict[str, Any], list[str]]:
    counts = {label: {"tp": 0, "fp": 0, "fn": 0} for label in LABELS}
    errors: list[str] = []
    harmful: list[str] = []
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
                _count(counts[label], g["verdict"] == label, pred is not None and pred[0] == label)
            _count(
                counts["disclosure_breach"], g["disclosure_breach"], pred is not None and pred[1]
            )
            if pred is not None and g["verdict"] == "supported" and pred[0] == "contradicted":
                harmful.append(f"{row['id']} ({row['lang']}): {row['statement']}")
            if pred is None or pred != (g["verdict"], g["disclosure_breach"]):
                errors.append(
                    f"{row['id']} [{row.get('split', '')}/{row['lang']}] gold {g['verdict']}/"
                    f"{g['disclosure_breach']} got {pred if pred else f'{len(got)} claims'}: "
                    f"{row['statement']}"
                )
    c, b = counts["contradicted"], counts["disclosure_breach"]
    scores = {label: f1(**counts[label]) for label in LABELS}
    return {
        "statements": len(rows),
        "claims": sum(len(r["claims"]) for r in rows),
        "contradiction_precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0,
        "contradiction_recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0,
        "breach_recall": b["tp"] / (b["tp"] + b["fn"]) if b["tp"] + b["fn"] else 1.0,
        "f1": scores,
        "macro_f1": statistics.mean(scores.values()),
        "true_called_contradicted": harmful,
        "statements_per_s": len(rows) / sum(latencies) if latencies else 0.0,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else 0.0,
        "p95_ms": sorted(latencies)[max(0, round(0.95 * len(latencies)) - 1)] * 1000
        if latencies
        else 0.0,
    }, errors


def _count(c: dict[str, int], gold: bool, pred: bool) -> None:
    if gold and pred:
        c["tp"] += 1
    elif pred:
        c["fp"] += 1
    elif gold:
        c["fn"] += 1


def record_of(services: Any, channel: str) -> tuple[Any, float]:
    """The checker's record of a channel as of its latest entry, and how long it took."""
    state = services.snapshots.current(channel)
    assert state is not None
    rows = services.store.entries(channel, state.size - 1, 1)
    t = time.perf_counter()
    record = build_record(state, public_only=False, as_of=parse_time(rows[0].received_at))
    return record, (time.perf_counter() - t) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="all", choices=["all", "demo", *STORIES])
    ap.add_argument("--data-dir", type=Path, help="A data directory the demo already played into.")
    ap.add_argument("--errors", action="store_true", help="List every wrong claim.")
    ap.add_argument(
        "--embedder", default="none", help="none, use or e5 (needs the nlp extra); see semantic.py"
    )
    args = ap.parse_args()
    from parley.claims.semantic import load as load_model
    from parley.service import Settings, build

    embedder = load_model(args.embedder)
    sets = ["demo", *STORIES] if args.set == "all" else [args.set]
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in sets:
            if name == "demo":
                data = args.data_dir
                if data is None:
                    data = Path(tmp) / "demo"
                    with console.status("playing the demo story for its record (about 40 s)"):
                        subprocess.run(
                            [sys.executable, "-m", "parley", "demo", "--data-dir", str(data)],
                            check=True,
                            capture_output=True,
                        )
                services = build(Settings(data_dir=data))
                channel = demo_story.CHANNEL
            else:
                story = load_story(HERE / "claims" / "stories" / name)
                services = play(story, Path(tmp) / name)
                channel = story.CHANNEL
            record, build_ms = record_of(services, channel)
            rows = rows_of(name)
            evaluate(rows[:3], record, embedder)  # warm: language data, caches
            parts: dict[str, list[dict[str, Any]]] = {}
            for row in rows:
                parts.setdefault(f"{name}/{row['split']}", []).append(row)
                parts.setdefault(f"{name}/{row['lang']}", []).append(row)
            parts[f"{name}/all"] = rows
            for part, part_rows in parts.items():
                results[part], errors = evaluate(part_rows, record, embedder)
                if args.errors and part == f"{name}/all":
                    for e in errors:
                        console.print(e, markup=False)
            results[f"{name}/all"]["record_build_ms"] = build_ms
            services.store.engine.dispose()
    table = Table(title=f"Statement checker, member mode, model: {args.embedder}")
    for col in (
        "set",
        "stmts/claims",
        "contr. P",
        "contr. R",
        "breach R",
        "macro-F1",
        "true→contr.",
        "p95 ms",
    ):
        table.add_column(col, justify="right")
    for part, r in results.items():
        table.add_row(
            part,
            f"{r['statements']}/{r['claims']}",
            f"{r['contradiction_precision']:.3f}",
            f"{r['contradiction_recall']:.3f}",
            f"{r['breach_recall']:.3f}",
            f"{r['macro_f1']:.3f}",
            str(len(r["true_called_contradicted"])),
            f"{r['p95_ms']:.1f}",
        )
    console.print(table)
    for part, r in results.items():
        if part.endswith("/all") and r["true_called_contradicted"]:
            console.print(f"[bold]{part}: true claims called contradicted[/]")
            for line in r["true_called_contradicted"]:
                console.print("  " + line, markup=False)
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
