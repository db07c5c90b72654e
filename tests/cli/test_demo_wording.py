"""The demo's closing lines say what was verified: the log the mediator's client checked
when it printed the timeline, and the whole database the final audit read — two sizes
that differ, each named, and what came in between."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

pytestmark = pytest.mark.server


def test_the_demo_says_which_entries_each_check_covered(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "parley", "demo", "--data-dir", str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "250"},
    )
    assert out.returncode == 0, out.stdout + out.stderr
    text = " ".join(out.stdout.split())
    then = re.search(
        r"fetched the log as it stands now, (\d+) entries, and verified every one", text
    )
    assert then, text[-3000:]
    n = int(then.group(1))
    assert f"computed over those {n}," in text
    final = re.search(
        r"audit OK: all (\d+) entries of the database, read directly with the server stopped "
        rf"— the {n} the mediator's client verified above, and the (\d+) written since \(([^)]*)\)",
        text,
    )
    assert final, text[-1500:]
    total, since, kinds = int(final.group(1)), int(final.group(2)), final.group(3)
    assert total == n + since
    assert sum(int(k.split()[0]) for k in kinds.split(", ")) == since
