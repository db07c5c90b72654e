"""Time the append writer thread of a ``parley serve`` by phase (a profiling aid).

Put this directory first on the server's ``PYTHONPATH`` (for ``bench_sweep.py``
``--server-src DIR``, copy this file into ``DIR``) and set ``PARLEY_PROF_WRITER`` to a
path prefix. Each server process then writes ``<prefix>-<before|after>-<pid>.json`` each
time its writer thread ends: the thread's CPU seconds (``time.thread_time()``), wall
seconds inside commits, entries and groups, and with ``PARLEY_PROF_PHASES=1`` the CPU
seconds spent in each wrapped function *while in the writer thread* (inclusive, so
parts nest). A tree whose path holds ``before-src`` is tagged ``before``. The wrappers
add ~30% to the figures: read them as shares, both trees in the same run.

    python bench/writer_profile/report.py PREFIX   # the two trees side by side
"""

from __future__ import annotations

import functools
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

PREFIX = os.environ.get("PARLEY_PROF_WRITER")
WRITER_THREAD = "parley-append"


def _install(prefix: str) -> None:
    import parley.service.writer as w

    tag = "before" if "before-src" in w.__file__ else "after"
    out = f"{prefix}-{tag}-{os.getpid()}.json"
    acc: dict[str, Any] = {"thread_cpu": 0.0, "wall": 0.0, "entries": 0, "groups": 0}
    phases: dict[str, float] = {}
    acc["phases"] = phases
    clock = time.thread_time

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*a: Any, **k: Any) -> Any:
            if threading.current_thread().name != WRITER_THREAD:
                return fn(*a, **k)
            t0 = clock()
            try:
                return fn(*a, **k)
            finally:
                phases[name] = phases.get(name, 0.0) + clock() - t0

        return wrapper

    def patch(obj: Any, attr: str, name: str | None = None) -> None:
        if obj is not None and hasattr(obj, attr):
            setattr(obj, attr, timed(name or attr, getattr(obj, attr)))

    if os.environ.get("PARLEY_PROF_PHASES"):
        from sqlalchemy.engine import base, default

        import parley.crypto.keys as keys
        import parley.service.appender as ap
        import parley.service.snapshots as snapshots
        import parley.store.log as log

        for method in ("_commit", "_commit_channel", "_one", "_state", "_keep_recent"):
            patch(ap.Appender, method)
        for fn in ("apply", "to_row", "leaf_of", "sign_note", "touched_rows", "channel_row",
                   "new_nodes", "relay_message", "format_time", "parse_time"):  # fmt: skip
            patch(ap, fn)
        patch(getattr(log, "_Staged", None), "flush")  # the tree before store/staged.py
        try:
            import parley.store.staged as staged

            patch(staged.Staged, "flush")
            one = staged._run

            def run_by_table(cur: Any, statement: str, rows: Any) -> None:
                words = " ".join(statement.split()[:3])[:40]
                name = f"flush: {words} x{'1' if len(rows) == 1 else 'n'}"
                timed(name, one)(cur, statement, rows)

            staged._run = run_by_table
        except ImportError:
            pass
        patch(log.WriteTx, "ledger", "tx.ledger")
        patch(keys.SigningKey, "sign", "SigningKey.sign")
        patch(snapshots.Snapshots, "publish", "publish")
        for method in ("do_commit", "do_executemany", "do_execute"):
            patch(default.DefaultDialect, method)
        for method in ("begin", "exec_driver_sql", "execute", "close"):
            patch(base.Connection, method, f"conn.{method}")
        patch(base.Engine, "connect", "engine.connect")
        patch(w, "_answer")

    run = w.Writer._run

    def profiled_run(self: Any) -> None:
        commit = self._commit

        def counted(group: Any) -> Any:
            acc["entries"] += sum(len(v) for v in group.values())
            acc["groups"] += 1
            w0 = time.perf_counter()
            try:
                return commit(group)
            finally:
                acc["wall"] += time.perf_counter() - w0

        self._commit = counted
        t0 = clock()
        try:
            run(self)
        finally:
            self._commit = commit
            acc["thread_cpu"] += clock() - t0
            with open(out, "w") as f:
                json.dump(acc, f, indent=1)

    w.Writer._run = profiled_run


if PREFIX and "serve" in sys.argv:
    _install(PREFIX)
