"""Every benchmark under bench/ still runs: each script with tiny sizes, against a real
server where it starts one. The numbers are not checked (a loaded machine says nothing
about them); that each script completes and reports is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
SCRIPTS = sorted(p.name for p in BENCH.glob("bench_*.py"))

pytestmark = pytest.mark.server


def run(script: str, *args: str, timeout: float = 300) -> str:
    out = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    return out.stdout + out.stderr


def test_every_bench_script_has_a_smoke_run():
    covered = {
        name.removeprefix("test_") + ".py" for name in globals() if name.startswith("test_bench_")
    }
    assert covered == set(SCRIPTS)


def test_bench_messages():
    assert "fetch + verify" in run(
        "bench_messages.py", "--messages", "20", "--concurrency", "1", "4"
    )


def test_bench_vs_synapse(tmp_path):
    out = tmp_path / "vs.json"
    dbs = ["sqlite", "postgres"] if os.environ.get("PARLEY_TEST_PG_URL") else ["sqlite"]
    run(
        "bench_vs_synapse.py", "--servers", "parley", "--db", *dbs, "--n", "40", "--m", "5",
        "--concurrency", "16", "--out", str(out),
    )  # fmt: skip
    results = json.loads(out.read_text())
    for db in dbs:
        parley = results[db]["parley"]
        assert parley["msgs_per_s_c16"] > 0 and parley["entries_verified_by_recipient"] >= 40
        # The light client (the default) checks receipts and the log after the clock.
        assert parley["receipt_check_ms_per_msg"] > 0 and parley["sdk_verify_ms_per_entry"] > 0


def test_vs_synapse_with_the_batch_route_and_the_sdk_client(tmp_path):
    out = tmp_path / "vs.json"
    run(
        "bench_vs_synapse.py", "--servers", "parley", "--db", "sqlite", "--n", "40", "--m", "5",
        "--batch", "16", "--client", "sdk", "--out", str(out),
    )  # fmt: skip
    parley = json.loads(out.read_text())["sqlite"]["parley"]
    assert parley["msgs_per_s_c16"] > 0 and parley["entries_verified_by_recipient"] >= 40
    assert "sdk_verify_ms_per_entry" not in parley  # verified as it went, not timed apart


def test_bench_sweep(tmp_path):
    out = tmp_path / "sweep.json"
    run(
        "bench_sweep.py", "--db", "sqlite", "--n", "40", "--rounds", "1", "--in-flight", "1", "4",
        "--channels", "1", "2", "--out", str(out),
        timeout=60,
    )  # fmt: skip
    results = json.loads(out.read_text())
    assert [r["in_flight"] for r in results["single"]] == [1, 4]
    assert [r["in_flight"] for r in results["batch"]] == [1, 4]
    assert [r["channels"] for r in results["channels"]] == [1, 2]
    for row in results["single"] + results["batch"] + results["channels"]:
        assert row["msgs_per_s"] > 0
        # (/proc counts CPU in 10 ms ticks: 40 messages may leave the loop's at 0)
        assert row["server_cpu_ms_per_msg"] > 0
        assert 0 <= row["server_loop_cpu_ms_per_msg"] <= row["server_cpu_ms_per_msg"]
        assert 0 <= row["server_writer_cpu_ms_per_msg"] <= row["server_cpu_ms_per_msg"]
    assert not out.with_suffix(".png").exists()  # no --plot: matplotlib not needed
    # The light client (the default) verified every entry and receipt after the clock.
    assert results["entries_verified_by_recipient"][0] >= 40 * 8
    assert results["sdk_verify_ms_per_entry"][0] > 0


def test_sweep_of_channels_only_against_another_tree(tmp_path):
    out = tmp_path / "sweep.json"
    src = BENCH.parent / "src"  # "another" tree: this one, run from its path
    run(
        "bench_sweep.py", "--db", "sqlite", "--n", "40", "--rounds", "1", "--in-flight",
        "--channels", "2", "--server-src", str(src), "--client", "sdk", "--out", str(out),
        timeout=90,
    )  # fmt: skip
    results = json.loads(out.read_text())
    assert results["single"] == results["batch"] == []
    assert results["other"]["server_src"] == str(src)
    for tree in (results, results["other"]):
        assert [r["channels"] for r in tree["channels"]] == [2]
        assert tree["channels"][0]["msgs_per_s"] > 0


def test_bench_ledger():
    assert "parley-sqlite" in run(
        "bench_ledger.py", "--sizes", "300", "--impls", "parley-mem", "parley-sqlite"
    )


def test_bench_verify():
    assert "audit" in run("bench_verify.py", "--entries", "200").lower()


def test_bench_flood():
    out = run(
        "bench_flood.py", "--samples", "10", "--connections", "4", "--idle-connections", "80",
        "--runs", "1", "--windows", "2",
    )  # fmt: skip
    for attack in ("entries", "public-check", "idle"):
        assert attack in out


def test_bench_claims(demo_dir):
    out = run("bench_claims.py", "--set", "demo", "--data-dir", str(demo_dir))
    assert "macro" in out.lower() and "demo/all" in out


def test_a_story_is_played_through_the_sdk_for_bench_claims():
    out = run("bench_claims.py", "--set", "ceasefire-commission")
    assert "ceasefire-commission/all" in out
