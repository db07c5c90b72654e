"""Summarise a py-spy collapsed-stack profile (``--format raw``): where the busy time goes.

    .venv/bin/python bench/profile_summary.py bench/out/profile/parley.txt [--top 25]

Idle samples (threads waiting on a lock, a queue or the event loop's selector) are
dropped; the rest is shown as self time per function and inclusive time for Parley's own
functions and the main library layers.
"""

from __future__ import annotations

import argparse
import collections
import re

RECORD = re.compile(r"(.*?) (\d+)\n", re.S)
IDLE = (
    "Condition.wait",
    "EpollSelector.select",
    "Event.wait",
    "Thread._wait_for_tstate_lock",
    "Queue.get",
    "lock.acquire",
    "_worker (concurrent",
)
LAYERS = (
    "parley/",
    "starlette/",
    "fastapi/",
    "uvicorn/",
    "sqlalchemy/engine/base",
    "pydantic/",
    "nacl/",
    "h11/",
)


def _layer(frame: str) -> str:
    """Which part of the stack a frame belongs to."""
    for needle, name in (
        ("sqlalchemy/", "database (SQLAlchemy, driver, SQLite/PostgreSQL I/O)"),
        ("psycopg/", "database (SQLAlchemy, driver, SQLite/PostgreSQL I/O)"),
        ("nacl/", "Ed25519 (PyNaCl)"),
        ("parley/", "Parley's own code"),
        ("pydantic", "Parley's own code"),
        ("json/", "JSON"),
    ):
        if needle in frame:
            return name
    return "HTTP, ASGI and the event loop (uvicorn, Starlette, FastAPI, uvloop, threads)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("profile")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    own: collections.Counter[str] = collections.Counter()
    incl: collections.Counter[str] = collections.Counter()
    busy = 0
    layers: collections.Counter[str] = collections.Counter()
    with open(a.profile, errors="replace") as f:
        text = f.read()
    # A record is "frame;frame;... <count>" and ends at its count: a frame's name may hold
    # a line break (SQLAlchemy compiles functions from source), so lines are not records.
    for stack, n in RECORD.findall(text):
        frames = stack.replace("\n", " ").split(";")
        if any(frames[-1].startswith(i) for i in IDLE):
            continue
        busy += int(n)
        own[frames[-1]] += int(n)
        layers[_layer(frames[-1])] += int(n)
        for fr in set(frames):
            incl[fr] += int(n)
    print(f"busy samples: {busy}")
    print("by layer (the innermost frame's package):")
    for layer, n in sorted(layers.items(), key=lambda x: -x[1]):
        print(f"  {100 * n / busy:5.1f}%  {layer}")
    print("self time:")
    for fr, n in own.most_common(a.top):
        print(f"  {100 * n / busy:5.1f}%  {fr[:120]}")
    print("inclusive (Parley and library layers):")
    shown = 0
    for fr, n in incl.most_common():
        if any(k in fr for k in LAYERS) and shown < a.top * 2:
            print(f"  {100 * n / busy:5.1f}%  {fr[:120]}")
            shown += 1


if __name__ == "__main__":
    main()
