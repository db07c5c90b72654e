"""Attacks on what a proof or a log proves, each as it was found (issue 16):

- a proof bundle built entirely from made-up keys passed `verify-bundle` as "OK";
- inside a genuine bundle, a changed author name, side or key id was printed as verified;
- a database rebuilt with only its first entries passed a member's `parley log` and
  `verify --url`; a member's cosignature of a smaller size after a larger one was taken;
  deleting a cosignature row went unnoticed by the server's own audit.
"""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3

import httpx
import pytest
from fastapi.testclient import TestClient

from parley.api import create_app
from parley.cli import story
from parley.client import ApiError, ParleyClient, Witness, make_bundle
from parley.client.audit import audit_channel
from parley.client.memory import ChannelMemory, HistoryError
from parley.errors import VerificationError
from parley.ledger.note import Checkpoint, cosign, witness_name
from parley.proofs import verify_bundle
from parley.service import Settings, audit, build

CH = story.CHANNEL


@pytest.fixture
def genuine(member, active_channel, tmp_path):
    """A cosigned message, its bundle, and the trust root of a log a member verified."""
    a = member("artsakh-member")
    e, _ = a.send(CH, to="azerbaijan", subject="Gas", text="Gas supply", topic="gas-supply")
    for stem in ("artsakh-head", "azerbaijan-head"):
        Witness(member(stem), CH).observe()
    head = member("artsakh-head")
    memory = ChannelMemory(CH, tmp_path / "memory.json")
    audit_channel(head, CH, memory)
    assert memory.trust is not None
    return json.loads(json.dumps(make_bundle(head, CH, e.id))), memory.trust


def test_a_bundle_of_made_up_keys_is_consistent_but_never_trusted(genuine, forged_bundle):
    forged = forged_bundle()
    report = verify_bundle(forged)  # every check holds: the keys vouch for themselves
    assert not report.trusted and "not verified" in report.author
    _, trust = genuine
    with pytest.raises(VerificationError) as exc:
        verify_bundle(forged, trust)
    assert exc.value.code == "trust.server_key"


def test_a_genuine_bundle_is_reported_with_the_trust_root_it_chains_to(genuine):
    bundle, trust = genuine
    report = verify_bundle(bundle, trust)
    assert report.trusted and "artsakh member" in report.author
    assert sorted(report.cosigned_by) == sorted(
        [k.label for k in trust.keys.values() if k.role == "head" and k.side != "peacekeepers"]
    )


def test_names_and_sides_in_a_bundle_are_not_believed(genuine):
    bundle, trust = genuine
    liar = copy.deepcopy(bundle)
    liar["author"]["name"], liar["author"]["side"] = "Commander of the troops", "peacekeepers"
    for w in liar["witnesses"]:
        w["name"] = "Somebody else"
    report = verify_bundle(liar, trust)
    assert "Commander" not in report.author and "artsakh member" in report.author
    assert not any("Somebody else" in c for c in report.cosigned_by)
    wrong_id = copy.deepcopy(bundle)
    wrong_id["author"]["key_id"] = "k" + "0" * 24
    with pytest.raises(VerificationError) as exc:
        verify_bundle(wrong_id, trust)
    assert exc.value.code == "bundle.key_id_mismatch"
    stranger = copy.deepcopy(trust)
    del stranger.keys[json.loads(json.dumps(bundle))["author"]["key_id"]]
    with pytest.raises(VerificationError) as exc:
        verify_bundle(bundle, stranger)
    assert exc.value.code == "trust.unknown_author"


class Switch(httpx.BaseTransport):
    def __init__(self, target: httpx.BaseTransport) -> None:
        self.target = target

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.target.handle_request(request)


def test_a_database_rebuilt_without_its_last_entries_is_caught_by_a_member(
    tmp_path, people, charter, clock
):
    creators = frozenset({people["commander"].key_id})
    real = build(Settings(tmp_path / "real", creators=creators), clock=clock)
    http = TestClient(create_app(real), base_url="http://p")
    switch = Switch(http._transport)

    def client(stem: str) -> ParleyClient:
        t = httpx.Client(base_url="http://p", transport=switch)
        return ParleyClient("http://p", people[stem], clock=clock, retries=0, http=t)

    c = {s: client(s) for s in people}
    c["commander"].create_channel(CH, charter)
    c["artsakh-head"].accept_charter(CH)
    c["azerbaijan-head"].accept_charter(CH)
    for i in range(38):
        c["artsakh-member"].send(CH, to="azerbaijan", subject=f"m{i}", text="t")
    # The operator keeps a copy at 41 entries, server key and all ...
    (tmp_path / "rebuilt").mkdir()
    shutil.copy(tmp_path / "real" / "server.key", tmp_path / "rebuilt" / "server.key")
    with (
        sqlite3.connect(tmp_path / "real" / "parley.db") as src,
        sqlite3.connect(tmp_path / "rebuilt" / "parley.db") as dst,
    ):
        src.backup(dst)
    for i in range(9):
        c["azerbaijan-member"].send(CH, to="artsakh", subject=f"r{i}", text="said, and then unsaid")
    memory = ChannelMemory(CH, tmp_path / "member.json")
    assert audit_channel(c["artsakh-head"], CH, memory).verifier.size == 50
    # ... and later serves it instead: the last nine entries gone, every signature valid.
    rebuilt = build(Settings(tmp_path / "rebuilt", creators=creators), clock=clock)
    assert audit(rebuilt.store, rebuilt.server_key.public).ok  # the server alone cannot tell
    switch.target = TestClient(create_app(rebuilt), base_url="http://p")._transport
    again = client("artsakh-head")
    with pytest.raises(HistoryError) as exc:
        audit_channel(again, CH, ChannelMemory(CH, tmp_path / "member.json"))
    assert exc.value.code == "witness.rollback" and "41" in exc.value.message
    [evidence] = ChannelMemory(CH, tmp_path / "member.json").evidence
    assert evidence["previous_note"].split("\n")[1] == "50"
    assert evidence["presented_note"].split("\n")[1] == "41"


def test_cosignatures_only_move_forward_and_their_deletion_is_noticed(
    member, active_channel, services, tmp_path
):
    head = member("artsakh-head")
    memory = ChannelMemory(CH, tmp_path / "w.json")
    Witness(head, CH, tmp_path / "w.json").observe()  # cosigns size 3
    head.send(CH, to="azerbaijan", subject="s", text="t")  # ... recorded with this group
    Witness(head, CH, tmp_path / "w.json").observe()  # cosigns size 5
    # A cosignature of an earlier size after a later one: refused.
    text = Checkpoint.parse(head.checkpoint(CH, 3).split("\n\n")[0] + "\n").text()
    line = cosign(text, witness_name(head.key_id), head.key, 0).line()
    with pytest.raises(ApiError) as exc:
        head.add_cosignature(CH, 3, line)
    assert exc.value.code in ("cosignature.not_extending", "cosignature.duplicate")
    head.send(CH, to="azerbaijan", subject="s", text="t")  # records the cosignature of 5
    assert audit(services.store, services.server_key.public).ok
    with services.store.engine.begin() as conn:
        conn.exec_driver_sql(
            "DELETE FROM cosignatures WHERE key_id = ? AND size = 5"
            if not services.store.is_postgres
            else "DELETE FROM cosignatures WHERE key_id = %s AND size = 5",
            (head.key_id,),
        )
    report = audit(services.store, services.server_key.public)
    assert any(p.code == "cosignature.missing" for p in report.problems), report.problems
    with pytest.raises(HistoryError) as exc2:
        audit_channel(head, CH, ChannelMemory(CH, tmp_path / "w.json"))
    assert exc2.value.code == "cosignature.missing"
    del memory
