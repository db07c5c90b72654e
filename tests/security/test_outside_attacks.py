"""Attacks from outside, each as it was found (issue 16): a relayed sign-in, lenient token
encodings, challenges written for any key id, requests that made the server answer 500,
a witness that cosigned what it did not receive, and files others could read."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest

from parley.cli import story
from parley.crypto import SigningKey
from parley.crypto.keys import b64
from parley.ledger import EMPTY_ROOT
from parley.ledger.note import Checkpoint, parse_signature_line, sign_note, verify_cosignature
from parley.ledger.witness_protocol import Witness, WitnessRefusal, add_checkpoint_body
from parley.model.auth import auth_message

CH = story.CHANNEL


def test_a_sign_in_relayed_by_a_hostile_server_is_refused(http, people, sign_in_request):
    """A hostile server fetches a nonce from the real one and has a member sign it: the
    member signs for the origin it connected to — the hostile one."""
    key = people["artsakh-head"]
    ch = http.post("/v1/auth/challenge", json={"key_id": key.key_id}).json()
    hostile = "https://parley-mirror.example"
    relayed = {
        "public_key": key.public.to_b64(),
        "nonce": ch["nonce"],
        "signature": b64(
            key.sign(auth_message(ch["nonce"], key.key_id, ch["server_key_id"], hostile))
        ),
        "origin": hostile,
    }
    r = http.post("/v1/auth/token", json=relayed)
    assert r.status_code == 401 and r.json()["error"]["code"] == "auth.wrong_origin"
    # Lying about the origin does not help: the signature covers the origin it names.
    lied = dict(relayed, origin=str(http.base_url).rstrip("/"))
    r = http.post("/v1/auth/token", json=lied)
    assert r.status_code == 401 and r.json()["error"]["code"] == "auth.bad_signature"
    # Nor does a signature for another server's key.
    other = SigningKey.generate().key_id
    own = str(http.base_url).rstrip("/")
    elsewhere = dict(
        relayed,
        signature=b64(key.sign(auth_message(ch["nonce"], key.key_id, other, own))),
        origin=own,
    )
    r = http.post("/v1/auth/token", json=elsewhere)
    assert r.status_code == 401 and r.json()["error"]["code"] == "auth.bad_signature"
    assert http.post("/v1/auth/token", json=sign_in_request(http, key)).status_code == 200


def test_a_token_has_one_spelling(http, people, sign_in_request):
    token = http.post("/v1/auth/token", json=sign_in_request(http, people["artsakh-head"])).json()
    good = token["token"]
    assert http.get("/v1/channels", headers={"Authorization": f"Bearer {good}"}).status_code == 200
    payload, sig = good.split(".")
    for variant in (
        f"{payload}=.{sig}",
        f"{payload}!!.{sig}",
        f"{payload}.{sig}=",
        f"{payload}.{sig}.",
    ):
        r = http.get("/v1/channels", headers={"Authorization": f"Bearer {variant}"})
        assert r.status_code == 401 and r.json()["error"]["code"] == "auth.bad_token", variant


def test_asking_for_challenges_writes_nothing(http, services):
    for _ in range(50):
        r = http.post("/v1/auth/challenge", json={"key_id": "k" + os.urandom(12).hex()})
        assert r.status_code == 200
    with services.store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM auth_challenges").scalar() == 0


def test_a_removed_members_token_dies_with_the_removal(http, member, active_channel, people):
    gone = member("artsakh-member")
    token = gone._ensure_token()
    auth = {"Authorization": f"Bearer {token}"}
    assert http.get(f"/v1/channels/{CH}/messages", headers=auth).status_code == 200
    member("artsakh-head").members.remove(CH, "artsakh", gone.key_id, "left the group")
    r = http.get(f"/v1/channels/{CH}/messages", headers=auth)
    assert r.status_code == 404 and r.json()["error"]["code"] == "channel.not_found"
    assert http.get("/v1/channels", headers=auth).json() == []


@pytest.mark.parametrize(
    "body",
    [
        b'{"header": ' + b"1" * 5000 + b"}",
        b"[" * 5000 + b"]" * 5000,
        b'{"a":' * 2000 + b"1" + b"}" * 2000,
    ],
    ids=["5000-digit number", "deep array", "deep object"],
)
def test_hostile_json_is_a_400_not_a_500(http, head, body):
    h, _ = head
    r = http.post(
        f"/v1/channels/{CH}/entries",
        content=body,
        headers={**h, "Content-Type": "application/json"},
    )
    assert r.status_code == 400 and r.json()["error"]["code"].startswith("json."), r.text


@pytest.mark.parametrize("value", ["²", "1" * 5000, "9" * 30, "-1", "1e3"])
def test_odd_last_event_ids_are_refused_not_crashed_on(http, member, active_channel, value):
    token = member("artsakh-head")._ensure_token()
    with http.stream(
        "GET",
        f"/v1/channels/{CH}/events",
        headers={"Authorization": f"Bearer {token}", "Last-Event-ID": value.encode()},
    ) as r:
        assert r.status_code == 400
        r.read()
        assert r.json()["error"]["code"] == "request.bad_last_event_id"


@pytest.fixture
def head(http, member, active_channel):
    c = member("artsakh-head")
    return {"Authorization": f"Bearer {c._ensure_token()}"}, c


def _note(log: SigningKey, origin: str, size: int, root: bytes, extra: str = "") -> str:
    text = Checkpoint(origin, size, root).text() + extra
    return sign_note(text, origin, log)


def test_the_witness_cosigns_what_it_received_and_refuses_nonsense():
    log, key = SigningKey.generate(), SigningKey.generate()
    origin = "example.org/log"
    w = Witness("w.example", key, {origin: log.public})
    # Extension lines are part of what is cosigned (c2sp.org/tlog-cosignature).
    note = _note(log, origin, 1, b"\x01" * 32, "extension line\n")
    line = w.add_checkpoint(add_checkpoint_body(0, [], note), 0)
    text = note.split("\n\n")[0] + "\n"
    verify_cosignature(text, parse_signature_line(line), "w.example", key.public)
    # A size-0 checkpoint has exactly one root.
    w2 = Witness("w.example", key, {origin: log.public})
    for root in (b"\x02" * 32, b"\x03" * 32):
        with pytest.raises(WitnessRefusal) as exc:
            w2.add_checkpoint(add_checkpoint_body(0, [], _note(log, origin, 0, root)), 0)
        assert exc.value.status == 400
    w2.add_checkpoint(add_checkpoint_body(0, [], _note(log, origin, 0, EMPTY_ROOT)), 0)
    # "old ²" is not a size.
    with pytest.raises(WitnessRefusal) as exc:
        w2.add_checkpoint("old ²\n\n" + note, 0)
    assert exc.value.status == 400


def test_witness_serve_refuses_big_bodies_and_says_409_as_the_spec_does(tmp_path):
    from starlette.testclient import TestClient

    from parley.api.witness_app import create_witness_app

    log, key = SigningKey.generate(), SigningKey.generate()
    origin = "example.org/log"
    app = create_witness_app(Witness("w.example", key, {origin: log.public}), tmp_path / "s.json")
    http = TestClient(app)
    r = http.post("/add-checkpoint", content=b"x" * 2_000_000)
    assert r.status_code == 413
    note = _note(log, origin, 9, b"\x05" * 32)
    r = http.post("/add-checkpoint", content=add_checkpoint_body(12, [], note).encode())
    assert r.status_code == 400, "an old size beyond the checkpoint is a 400"
    r = http.post("/add-checkpoint", content=add_checkpoint_body(5, [], note).encode())
    assert r.status_code == 409 and r.headers["content-type"] == "text/x.tlog.size"
    assert r.text == "0\n"
    empty = _note(log, origin, 0, hashlib.sha256(b"").digest())
    assert http.post(
        "/add-checkpoint", content=add_checkpoint_body(0, [], empty).encode()
    ).is_success
    assert stat.S_IMODE((tmp_path / "s.json").stat().st_mode) == 0o600


def test_a_witness_answering_several_lines_is_understood(services, member, active_channel):
    """c2sp.org/tlog-witness allows several cosignature lines; the pusher takes the one by
    the witness's key and ignores the rest (here: one by another key, first)."""
    import httpx

    from parley.service.witnessing import ExternalWitness, WitnessPusher

    wkey, other = SigningKey.generate(), SigningKey.generate()
    origin = f"parley.local/{CH}"
    real = Witness("w.example", wkey, {origin: services.server_key.public})
    decoy = Witness("w.example", other, {origin: services.server_key.public})

    def handler(request: httpx.Request) -> httpx.Response:
        body = request.content.decode()
        return httpx.Response(
            200, text=decoy.add_checkpoint(body, 1) + real.add_checkpoint(body, 1)
        )

    pusher = WitnessPusher(
        services.store,
        services.appender.trees,
        (ExternalWitness("w.example", wkey.public, "http://w"),),
        httpx.MockTransport(handler),
    )
    [result] = pusher.push(CH)
    assert result["ok"], result


def test_data_files_are_the_owners_only(tmp_path):
    from parley.service import Settings, build

    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    (data / "parley.db").touch()
    os.chmod(data / "parley.db", 0o644)
    build(Settings(data_dir=data))
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for f in data.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) & 0o077 == 0, f
    fresh = tmp_path / "fresh"
    build(Settings(data_dir=fresh))
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) & 0o077 == 0 for f in fresh.iterdir())


def test_the_outbox_and_memory_are_the_owners_only(tmp_path):
    from parley.client import Outbox
    from parley.client.memory import ChannelMemory

    Outbox(tmp_path / "me.outbox.db")
    m = ChannelMemory(CH, tmp_path / "me.witness-x.json")
    m.remember_cosigned(1)
    for f in tmp_path.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) & 0o077 == 0, f
