"""Shared fixtures: the story's people and charter, a fake clock, and services on every
storage back-end (SQLite always; PostgreSQL when PARLEY_TEST_PG_URL is set)."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from hypothesis import settings

from parley.api import create_app
from parley.cli import story
from parley.client import ParleyClient
from parley.crypto import SigningKey
from parley.crypto.digest import new_salt
from parley.ledger import CompactRange, inclusion_proof, leaf_hash
from parley.ledger.note import Checkpoint, cosign, sign_note, witness_name
from parley.model import make_entry
from parley.model.clock import FakeClock
from parley.model.ids import ChannelId, EntryId
from parley.model.relay import relay_message
from parley.proofs import assemble
from parley.service import Services, Settings, build

# The machine is shared and noisy: no per-example time limits (speed lives in bench/).
settings.register_profile("parley", deadline=None)
settings.load_profile("parley")

PG_URL = os.environ.get("PARLEY_TEST_PG_URL")
REQUIRE_PG = os.environ.get("PARLEY_REQUIRE_PG") == "1"
T0 = datetime(2023, 3, 1, 5, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def people() -> dict[str, SigningKey]:
    """One key per person of the story, by file stem (commander, artsakh-head, ...)."""
    return {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}


@pytest.fixture(scope="session")
def charter(people: dict[str, SigningKey]) -> dict[str, Any]:
    return story.charter({stem: k.public.to_b64() for stem, k in people.items()})


@pytest.fixture(scope="session")
def basin_charter(people: dict[str, SigningKey]) -> Callable[[list[Any]], dict[str, Any]]:
    """``basin_charter(glossary)``: a second story on the same people's keys — a river-basin
    water commission (sides mission/north/south, other names, another topic) with the
    given glossary — for tests that must hold beyond the demo's story."""

    def member(stem: str, name: str, role: str) -> dict[str, str]:
        return {"key": people[stem].public.to_b64(), "name": name, "role": role}

    def make(glossary: list[Any]) -> dict[str, Any]:
        return {
            "title": "Tarn basin water commission",
            "sides": [
                {
                    "id": "mission",
                    "name": "Basin mission",
                    "kind": "mediator",
                    "members": [
                        member("commander", "Ilse Varga", "head"),
                        member("duty-officer", "Tomas Reed", "member"),
                    ],
                },
                {
                    "id": "north",
                    "name": "North",
                    "kind": "party",
                    "members": [
                        member("artsakh-head", "Arvo Lind", "head"),
                        member("artsakh-member", "Kaja Lind", "member"),
                    ],
                },
                {
                    "id": "south",
                    "name": "South",
                    "kind": "party",
                    "members": [
                        member("azerbaijan-head", "Bera Holm", "head"),
                        member("azerbaijan-member", "Osk Holm", "member"),
                    ],
                },
            ],
            "mandate": [{"id": "dam-release", "title": "Dam release schedule"}],
            "ack_deadlines": {"flash": 600, "urgent": 7200, "routine": 86400},
            "glossary": glossary,
        }

    return make


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str | None]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    if not PG_URL:
        yield None
        return
    admin = sa.create_engine(
        PG_URL.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    name = f"parley_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    base = PG_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _backends() -> list[Any]:
    return ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=_backends())
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, pg_database: str | None
) -> Iterator[str | None]:
    """None for SQLite in tmp_path; a clean PostgreSQL database URL otherwise."""
    if request.param == "sqlite":
        yield None
        return
    if pg_database is None:
        if REQUIRE_PG:
            pytest.fail("PARLEY_REQUIRE_PG=1 but PARLEY_TEST_PG_URL is not set")
        pytest.skip(
            "PostgreSQL tests need PARLEY_TEST_PG_URL (e.g. postgresql://postgres@127.0.0.1/postgres)"
        )
    engine = sa.create_engine(pg_database.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.begin() as conn:
            tables = [
                r[0]
                for r in conn.execute(
                    sa.text("SELECT tablename FROM pg_tables WHERE schemaname='public'")
                )
            ]
            if tables:
                conn.execute(
                    sa.text("DROP TABLE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
                )
    except sa.exc.OperationalError as exc:
        if REQUIRE_PG:
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    finally:
        engine.dispose()
    yield pg_database


@pytest.fixture
def services(
    tmp_path: Path, db_url: str | None, clock: FakeClock, people: dict[str, SigningKey]
) -> Iterator[Services]:
    svc = build(
        Settings(
            data_dir=tmp_path / "data",
            db_url=db_url,
            creators=frozenset({people["commander"].key_id}),
        ),
        clock=clock,
    )
    yield svc
    svc.store.engine.dispose()


@pytest.fixture
def http(services: Services) -> Iterator[TestClient]:
    with TestClient(create_app(services), base_url="http://parley.test") as client:
        yield client


@pytest.fixture
def member(
    http: TestClient, people: dict[str, SigningKey], clock: FakeClock
) -> Callable[[str], ParleyClient]:
    """A signed-in SDK client for a person of the story, talking to the in-process API."""
    return member_factory("http://parley.test", people, clock, http)


@pytest.fixture
def make_members() -> Callable[..., Callable[[str], ParleyClient]]:
    """:func:`member_factory`, for tests with a server of their own."""
    return member_factory


def member_factory(
    url: str, people: dict[str, SigningKey], clock: Any, http: TestClient | None = None
) -> Callable[[str], ParleyClient]:
    """``member(stem)``: one SDK client per person of the story, made on first use, for a
    server at ``url`` (or an in-process app through ``http``, without retries)."""
    made: dict[str, ParleyClient] = {}

    def get(stem: str) -> ParleyClient:
        if stem not in made:
            extra: dict[str, Any] = {} if http is None else {"http": http, "retries": 0}
            made[stem] = ParleyClient(url, people[stem], clock=clock, **extra)
        return made[stem]

    return get


@pytest.fixture
def active_channel(member: Callable[[str], ParleyClient], charter: dict[str, Any]) -> str:
    """The story's channel, created by the commander and accepted by both heads."""
    member("commander").create_channel(story.CHANNEL, charter)
    member("artsakh-head").accept_charter(story.CHANNEL)
    member("azerbaijan-head").accept_charter(story.CHANNEL)
    return story.CHANNEL


STORY_MEETING = "wg-2023-03-01"
STORY_COMMUNIQUE = (
    "On 1 March 2023 the working groups met at the headquarters of the Russian peacekeeping "
    "mission, chaired by the commander of the peacekeeping troops, and reached agreements on "
    "urgent humanitarian and infrastructure issues."
)


def _play_story(
    member: Callable[[str], ParleyClient], charter: dict[str, Any], raise_integration: bool = True
) -> None:
    """The core of the story: the meeting agreed and held at the mission's headquarters,
    "integration" raised and declined (confidential), a commitment (confidential), and the
    joint communiqué (public)."""
    ch, meeting = story.CHANNEL, STORY_MEETING
    member("commander").create_channel(ch, charter)
    member("artsakh-head").accept_charter(ch)
    member("azerbaijan-head").accept_charter(ch)
    member("duty-officer").talks.propose(
        ch,
        meeting,
        start="2023-03-01T11:00:00+04:00",
        venue="Headquarters of the Russian peacekeeping mission",
        format="chaired",
        agenda=[{"id": t["id"], "topic": t["id"], "title": t["title"]} for t in story.MANDATE],
        attendees={"azerbaijan": ["Member of the Milli Majlis"]},
    )
    member("artsakh-head").talks.answer(ch, meeting, True)
    member("azerbaijan-head").talks.answer(ch, meeting, True)
    if raise_integration:
        member("azerbaijan-head").talks.raise_item(
            ch, meeting, "integration", "Integration", topic="integration",
            text="Issues of the integration of the Armenian population of Karabakh.",
        )  # fmt: skip
        member("artsakh-head").talks.answer_item(
            ch, meeting, "integration", False, "Outside the mandate of the working groups"
        )
    member("commander").talks.add_commitment(
        ch, "gas-supply", owner="azerbaijan", meeting=meeting, agenda_item="gas-supply",
        text="Keep the natural gas supply uninterrupted.",
        due={"days": 2, "after_meeting": meeting},
    )  # fmt: skip
    d = member("duty-officer").disclosures
    d.draft_communique(ch, "communique-1", {"en": STORY_COMMUNIQUE}, meeting=meeting)
    for stem in ("artsakh-head", "azerbaijan-head", "commander"):
        member(stem).disclosures.sign_communique(ch, "communique-1", 1)


@pytest.fixture
def play_story() -> Callable[..., None]:
    """Plays the core of the story through any ``member(stem) -> ParleyClient``."""
    return _play_story


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo played once per test session into a data directory (read it, copy it
    before changing it)."""
    d = tmp_path_factory.mktemp("demo") / "data"
    out = subprocess.run(
        [sys.executable, "-m", "parley", "demo", "--data-dir", str(d)],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "COLUMNS": "250"},
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "audit OK" in out.stdout and "Timeline" in out.stdout
    assert "never proposed" in out.stdout and "OUTSIDE THE MANDATE" in out.stdout
    assert "AUTOMATIC: escalation" in out.stdout and "notified Duty officer" in out.stdout
    return d


def _sign_in_request(
    http: TestClient, key: SigningKey, signer: SigningKey | None = None
) -> dict[str, str]:
    """The body of ``POST /v1/auth/token`` for ``key`` (signed by ``signer``, default the
    key itself), over a fresh challenge, bound to this server and the test client's
    origin, as the SDK builds it."""
    from parley.crypto.keys import b64
    from parley.model.auth import auth_message

    signer = signer or key
    ch = http.post("/v1/auth/challenge", json={"key_id": key.key_id}).json()
    origin = str(http.base_url).rstrip("/")
    message = auth_message(ch["nonce"], signer.key_id, ch["server_key_id"], origin)
    return {
        "public_key": signer.public.to_b64(),
        "nonce": ch["nonce"],
        "signature": b64(signer.sign(message)),
        "origin": origin,
    }


@pytest.fixture
def sign_in_request() -> Callable[..., dict[str, str]]:
    """``sign_in_request(http, key, signer=None)``: a sign-in body as the SDK builds it."""
    return _sign_in_request


@pytest.fixture
def forged_bundle() -> Callable[..., dict[str, Any]]:
    """``forged_bundle(channel)``: see :func:`_forged_bundle`."""
    return _forged_bundle


def _forged_bundle(channel: str = story.CHANNEL) -> dict[str, Any]:
    """A proof bundle whose every key was made up (server, author, witness, with
    the story's names): consistent in itself, and worthless."""
    server, author, witness = SigningKey.generate(), SigningKey.generate(), SigningKey.generate()
    origin = f"parley.local/{channel}"
    entry = make_entry(
        author,
        channel=ChannelId(channel),
        type="message.sent",
        body={
            "to": "azerbaijan",
            "priority": "urgent",
            "subject": "Ganja",
            "text": "The next meeting will be held in Ganja.",
            "language": "en",
        },
        time=datetime(2023, 3, 2, tzinfo=UTC),
        entry_id=EntryId(str(uuid.uuid4())),
        salt=new_salt(),
    )
    leaf = leaf_hash(entry.leaf_data())
    tree = CompactRange()
    tree.append(leaf)
    received = "2023-03-02T00:00:00.000Z"
    relay = {
        "channel": channel,
        "seq": 1,
        "id": entry.id,
        "leaf": base64.b64encode(leaf).decode(),
        "received": received,
        "server_key": server.key_id,
        "signature": base64.b64encode(
            server.sign(relay_message(channel, 1, entry.id, leaf, received))
        ).decode(),
    }
    text = Checkpoint(origin, 1, tree.root()).text()
    note = sign_note(text, origin, server)
    note += cosign(text, witness_name(witness.key_id), witness, 0).line()
    return assemble(
        channel=channel,
        item={"seq": 1, "entry": entry.to_json(), "relay": relay},
        author={
            "key_id": author.key_id,
            "public_key": author.public.to_b64(),
            "name": "Member of the Milli Majlis",
            "side": "azerbaijan",
        },
        index=0,
        size=1,
        proof=inclusion_proof([leaf], 0),
        note=note,
        server_key=server.public,
        origin=origin,
        witnesses=[
            {
                "key_id": witness.key_id,
                "public_key": witness.public.to_b64(),
                "name": "Secretary of the Security Council",
                "side": "artsakh",
            }
        ],
    )
