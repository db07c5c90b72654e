"""Party witnesses: cosign consistent checkpoints; catch a forking or rolling-back server."""

from __future__ import annotations

import shutil
import sqlite3

import httpx
import pytest
from fastapi.testclient import TestClient

from parley.api import create_app
from parley.cli import story
from parley.client import ParleyClient, Witness, WitnessError
from parley.ledger.note import split_note, verify_cosignature, verify_note, witness_name
from parley.service import Settings, audit, build

CH = story.CHANNEL


def test_both_parties_cosign_and_the_checkpoint_is_agreed(member, active_channel, tmp_path):
    a, z = member("artsakh-head"), member("azerbaijan-head")
    wa, wz = Witness(a, CH, tmp_path / "a.json"), Witness(z, CH, tmp_path / "z.json")
    assert wa.observe().cosigned
    info = a.checkpoint_info(CH)
    assert info["size"] == 3 and not info["agreed"] and info["cosigned_by_sides"] == ["artsakh"]
    assert wz.observe().cosigned
    assert a.checkpoint_info(CH)["agreed"]
    # Seen again at the same size: nothing new to cosign.
    assert not wa.observe().cosigned
    a.send(CH, to="azerbaijan", subject="s", text="t")
    # The message, and with it both cosignatures, written into the log as evidence.
    assert wa.observe().checkpoint.size == 6
    recorded = [e["entry"] for e in a.entries(CH, 4)]
    assert [e["header"]["type"] for e in recorded] == ["checkpoint.cosigned"] * 2
    assert {(e["body"]["key_id"], e["body"]["size"]) for e in recorded} == {
        (a.key_id, 3),
        (z.key_id, 3),
    }
    # The served note carries the server's signature and the cosignature lines.
    note = a.checkpoint(CH, 3)
    text = verify_note(note, f"parley.local/{CH}", a.server_key())
    _, sigs = split_note(note)
    by_name = {s.name: s for s in sigs}
    verify_cosignature(text, by_name[witness_name(a.key_id)], witness_name(a.key_id), a.key.public)
    # A witness that restarts from its state file continues from where it was.
    again = Witness(a, CH, tmp_path / "a.json")
    assert again.last is not None and again.last.size == 6


def test_cosignature_rules(member, active_channel, http):
    from parley.client import ApiError
    from parley.ledger.note import cosign

    a, z = member("artsakh-head"), member("azerbaijan-head")
    text = split_note(a.checkpoint(CH))[0]
    # Someone else's witness name; a bad signature; a duplicate.
    with pytest.raises(ApiError) as exc:
        a.add_cosignature(CH, 3, cosign(text, witness_name(z.key_id), a.key, 1).line())
    assert exc.value.code == "cosignature.not_yours" and exc.value.status == 403
    with pytest.raises(ApiError) as exc:
        a.add_cosignature(CH, 3, cosign("other\n", witness_name(a.key_id), a.key, 1).line())
    assert exc.value.code == "cosignature.bad"
    a.add_cosignature(CH, 3, cosign(text, witness_name(a.key_id), a.key, 1).line())
    with pytest.raises(ApiError) as exc:
        a.add_cosignature(CH, 3, cosign(text, witness_name(a.key_id), a.key, 2).line())
    assert exc.value.code == "cosignature.duplicate"
    with pytest.raises(ApiError) as exc:
        a.add_cosignature(CH, 99, cosign(text, witness_name(a.key_id), a.key, 1).line())
    assert exc.value.code == "checkpoint.not_found"


class Switch(httpx.BaseTransport):
    """Routes every request to whichever server is current: the forking server double."""

    def __init__(self, target: httpx.BaseTransport) -> None:
        self.target = target

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.target.handle_request(request)


def test_forking_server_is_caught_by_both_parties(tmp_path, people, charter, clock):
    creators = frozenset({people["commander"].key_id})
    a_svc = build(Settings(tmp_path / "a", creators=creators), clock=clock)
    a_http = TestClient(create_app(a_svc), base_url="http://p")

    def client(stem, transport):
        return ParleyClient(
            "http://p",
            people[stem],
            clock=clock,
            retries=0,
            http=httpx.Client(base_url="http://p", transport=transport),
        )

    honest = Switch(a_http._transport)
    c = {stem: client(stem, honest) for stem in people}
    c["commander"].create_channel(CH, charter)
    c["artsakh-head"].accept_charter(CH)
    c["azerbaijan-head"].accept_charter(CH)
    # The operator clones the database and the server key: a second, diverging history.
    (tmp_path / "b").mkdir()
    shutil.copy(tmp_path / "a" / "server.key", tmp_path / "b" / "server.key")
    with (
        sqlite3.connect(tmp_path / "a" / "parley.db") as src,
        sqlite3.connect(tmp_path / "b" / "parley.db") as dst,
    ):
        src.backup(dst)
    b_svc = build(Settings(tmp_path / "b", creators=creators), clock=clock)
    b_http = TestClient(create_app(b_svc), base_url="http://p")

    witnesses = {
        s: Witness(c[s], CH, tmp_path / f"{s}.json") for s in ("artsakh-head", "azerbaijan-head")
    }
    for w in witnesses.values():
        w.observe()
    c["artsakh-member"].send(CH, to="azerbaijan", subject="gas", text="what was really said")
    for w in witnesses.values():  # the message, and both cosignatures of size 3 recorded
        assert w.observe().checkpoint.size == 6
    # Fork: history B has other entries 4 to 6.
    forked = client("azerbaijan-member", b_http._transport)
    for i in range(3):
        forked.send(CH, to="artsakh", subject="gas", text=f"a rewritten record {i}")
    honest.target = b_http._transport  # from now on the parties talk to the forked server
    for stem, w in witnesses.items():
        with pytest.raises(WitnessError) as exc:
            w.observe()
        assert exc.value.code == "witness.fork"
        [ev] = w.evidence
        prev, shown = ev["previous_note"], ev["presented_note"]
        assert prev.split("\n")[1] == shown.split("\n")[1] == "6" and prev != shown
        # Both notes are genuinely signed by the server: that is the proof of the fork.
        for note in (prev, shown):
            verify_note(note, f"parley.local/{CH}", a_svc.server_key.public)
    # Rollback: a smaller tree than already seen.
    with pytest.raises(WitnessError) as exc:
        witnesses["artsakh-head"].observe(size=3)
    assert exc.value.code == "witness.rollback"
    # A larger tree that does not extend what the witness saw.
    forked.send(CH, to="artsakh", subject="more", text="more")
    with pytest.raises(WitnessError) as exc:
        witnesses["azerbaijan-head"].observe()
    assert exc.value.code == "witness.fork"
    # Nothing was cosigned on the forked server.
    assert b_svc.store.cosignatures(CH, 4) == [] and b_svc.store.cosignatures(CH, 5) == []
    assert audit(a_svc.store, a_svc.server_key.public).ok
