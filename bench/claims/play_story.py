"""Play an evaluation story through Parley's SDK into a real record, and show the record.

    .venv/bin/python bench/claims/play_story.py bench/claims/stories/NAME [--data-dir DIR]

A story is a directory with ``story.py`` defining:

- ``CHANNEL``: the channel id; ``START``: an aware datetime when the story begins;
- ``PEOPLE``: ``[(stem, side id, role "head"|"member", display name, title), ...]``;
- ``charter(public_keys: dict[stem, base64 key]) -> dict``: the ``channel.created`` body
  (docs/channels.md; the first head listed in PEOPLE whose side is the mediator creates
  the channel);
- ``play(member, clock)``: everything after the charter, through
  ``member(stem) -> parley.client.ParleyClient`` (the SDK: ``.talks``, ``.disclosures``,
  ``.send`` ...; docs/*.md), advancing ``clock.advance(days=…, hours=…)`` as days pass.

and ``statements.jsonl`` beside it (bench/claims/README.md). The channel is created and
accepted by every party head before ``play`` runs. Entries are signed with the story's
clock and received by an in-process server on the same clock (SQLite in DIR, or a
temporary directory), exactly as a real server would take them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from fastapi.testclient import TestClient

from parley.api import create_app
from parley.client import ParleyClient
from parley.crypto import SigningKey
from parley.model.clock import FakeClock
from parley.service import Services, Settings, build


def load_story(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"story_{path.name}", path / "story.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def play(story: ModuleType, data_dir: Path) -> Services:
    """Play ``story`` into ``data_dir`` and return the server's services over it."""
    keys = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
    clock = FakeClock(story.START)
    mediator = next(s for s, spec in _sides(story).items() if spec == "mediator")
    creator = next(p[0] for p in story.PEOPLE if p[1] == mediator and p[2] == "head")
    services = build(
        Settings(data_dir=data_dir, creators=frozenset({keys[creator].key_id})), clock=clock
    )
    http = TestClient(create_app(services), base_url="http://parley.test")
    made: dict[str, ParleyClient] = {}

    def member(stem: str) -> ParleyClient:
        if stem not in made:
            made[stem] = ParleyClient(
                "http://parley.test", keys[stem], clock=clock, http=http, retries=0
            )
        return made[stem]

    body = story.charter({stem: k.public.to_b64() for stem, k in keys.items()})
    member(creator).create_channel(story.CHANNEL, body)
    for stem, side, role, *_ in story.PEOPLE:
        if role == "head" and _sides(story)[side] == "party":
            member(stem).accept_charter(story.CHANNEL)
    story.play(member, clock)
    return services


def _sides(story: ModuleType) -> dict[str, str]:
    body = story.charter({stem: SigningKey.generate().public.to_b64() for stem, *_ in story.PEOPLE})
    return {s["id"]: s["kind"] for s in body["sides"]}


def show(services: Services, channel: str, out: Callable[[str], Any] = print) -> None:
    """Every entry of the log: sequence, time, author's side, type, body."""
    state = services.snapshots.current(channel)
    assert state is not None
    side_of = {k: m.side for k, m in state.members.items()}
    for row in services.store.entries(channel):
        header = json.loads(row.header)
        body = json.loads(row.body) if row.body else None
        who = side_of.get(header["author"], "server")
        out(f"{row.seq:3} {header['time'][:16]} {who:>12} {header['type']}")
        out("      " + json.dumps(body, ensure_ascii=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("story", type=Path, help="the story's directory")
    ap.add_argument("--data-dir", type=Path, help="where to keep the record (default: a temp dir)")
    args = ap.parse_args()
    story = load_story(args.story)
    with tempfile.TemporaryDirectory() as tmp:
        services = play(story, args.data_dir or Path(tmp))
        show(services, story.CHANNEL)
        services.store.engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
