"""The crash test (tests/crash.py) in a short form: a few SIGKILLs per configuration.
The full run (20 kills each) is ``python tests/crash.py --kills 20 ...``; see
bench/RESULTS.md."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.server

_spec = importlib.util.spec_from_file_location(
    "parley_crash_test", Path(__file__).with_name("crash.py")
)
assert _spec is not None and _spec.loader is not None
crash = importlib.util.module_from_spec(_spec)
sys.modules["parley_crash_test"] = crash  # dataclasses look their module up
_spec.loader.exec_module(crash)

PG_URL = os.environ.get("PARLEY_TEST_PG_URL")


def _pg() -> str:
    if not PG_URL:
        if os.environ.get("PARLEY_REQUIRE_PG") == "1":
            pytest.fail("PARLEY_REQUIRE_PG=1 but PARLEY_TEST_PG_URL is not set")
        pytest.skip("the PostgreSQL crash test needs PARLEY_TEST_PG_URL")
    return PG_URL


def test_sigkill_loses_nothing_on_sqlite(tmp_path):
    r = crash.run(tmp_path, "sqlite", 1, kills=4, seed=1, say=lambda _: None)
    assert r.kills == r.checks == 4
    assert r.acknowledged > 0 and r.outbox_entries >= r.acknowledged


def test_sigkill_loses_nothing_on_postgres(tmp_path):
    r = crash.run(tmp_path, "postgres", 1, kills=3, pg_url=_pg(), seed=2, say=lambda _: None)
    assert r.kills == r.checks == 3
    assert r.acknowledged > 0 and r.outbox_entries >= r.acknowledged


def test_two_processes_hand_over_when_one_is_killed(tmp_path):
    r = crash.run(tmp_path, "postgres", 2, kills=4, pg_url=_pg(), seed=3, say=lambda _: None)
    assert r.kills == r.checks == 4
    # While one process was dead, the other went on appending: the channel never stopped.
    assert all(n > 0 for n in r.appended_during_outage), r.appended_during_outage
    assert r.outbox_entries >= r.acknowledged > 0
