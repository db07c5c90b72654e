"""Third-party witnesses over c2sp.org/tlog-witness add-checkpoint."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from parley.api import create_app
from parley.api.witness_app import create_witness_app
from parley.cli import story
from parley.client import ParleyClient
from parley.crypto import SigningKey
from parley.ledger.note import split_note, verify_cosignature
from parley.ledger.witness_protocol import Witness, WitnessRefusal, add_checkpoint_body
from parley.service import Settings, audit, build
from parley.service.witnessing import ExternalWitness
from parley.store import tables as t

CH = story.CHANNEL
ORIGIN = f"parley.local/{CH}"


@pytest.fixture
def setup(tmp_path, people, charter, clock):
    data = tmp_path / "data"
    from parley.service import load_server_key

    server_key = load_server_key(data)
    wkey = SigningKey.generate()
    tw = Witness("witness.example/w1", wkey, {ORIGIN: server_key.public})
    wapp = TestClient(create_witness_app(tw, tmp_path / "w.json"), base_url="http://w")
    spec = ExternalWitness("witness.example/w1", wkey.public, "http://w")
    svc = build(
        Settings(data, creators=frozenset({people["commander"].key_id}), witnesses=(spec,)),
        clock=clock,
        witness_transport=wapp._transport,
    )
    http = TestClient(create_app(svc), base_url="http://p")
    c = {
        s: ParleyClient("http://p", k, clock=clock, http=http, retries=0) for s, k in people.items()
    }
    c["commander"].create_channel(CH, charter)
    c["artsakh-head"].accept_charter(CH)
    c["azerbaijan-head"].accept_charter(CH)
    return svc, http, c, tw, wkey


def push(http, client):
    r = http.post(
        f"/v1/channels/{CH}/witnesses/push",
        headers={"Authorization": f"Bearer {client._ensure_token()}"},
    )
    assert r.status_code == 200, r.text
    return r.json()


def test_push_collects_cosignatures_and_extends_them(setup):
    svc, http, c, tw, wkey = setup
    [res] = push(http, c["commander"])
    assert res["ok"] and res["size"] == 3
    for i in range(5):
        c["artsakh-head"].send(CH, to="azerbaijan", subject=f"m{i}", text="t")
    [res] = push(http, c["commander"])
    assert res["ok"] and res["size"] == 8 and tw.state[ORIGIN][0] == 8
    note = c["artsakh-head"].checkpoint(CH, 8)
    text, sigs = split_note(note)
    mine = [s for s in sigs if s.name == "witness.example/w1"]
    verify_cosignature(text, mine[0], "witness.example/w1", wkey.public)
    info = c["artsakh-head"].checkpoint_info(CH, 8)
    assert info["witnesses"] == [{"name": "witness.example/w1", "public_key": wkey.public.to_b64()}]
    assert audit(svc.store, svc.server_key.public).ok
    with svc.store.engine.begin() as conn:
        line = mine[0].line()
        k = len(line) // 2 + 10
        bad = line[:k] + ("A" if line[k] != "A" else "B") + line[k + 1 :]
        conn.execute(sa.update(t.witness_cosignatures).values(line=bad))
    assert not audit(svc.store, svc.server_key.public).ok


def test_witness_stale_old_size_is_recovered_from_409(setup):
    svc, http, c, _, _ = setup
    push(http, c["commander"])
    c["artsakh-head"].send(CH, to="azerbaijan", subject="m", text="t")
    # The server forgets what the witness saw; the witness answers 409 with its size.
    with svc.store.engine.begin() as conn:
        conn.execute(sa.delete(t.witness_cosignatures))
    [res] = push(http, c["commander"])
    assert res["ok"] and res["size"] == 4


def test_reference_witness_refusals():
    log, w = SigningKey.generate(), SigningKey.generate()
    from parley.ledger import consistency_proof, root_hash
    from parley.ledger.note import Checkpoint, sign_note

    leaves = [bytes([i]) for i in range(10)]

    def note(n, leaves=leaves):
        return sign_note(
            Checkpoint("o.example/log", n, root_hash(leaves[:n])).text(), "o.example/log", log
        )

    wit = Witness("w", w, {"o.example/log": log.public})
    assert wit.add_checkpoint(add_checkpoint_body(0, [], note(4)), 1).startswith("— w ")

    def refused(body):
        with pytest.raises(WitnessRefusal) as exc:
            wit.add_checkpoint(body, 2)
        return exc.value

    assert refused("nonsense").status == 400
    e = refused(add_checkpoint_body(0, [], note(6)))
    assert e.status == 409 and e.body == "4\n"
    assert refused(add_checkpoint_body(4, [], note(3))).status == 400
    forked = [b"x"] * 10  # a different history from the start
    assert (
        refused(add_checkpoint_body(4, consistency_proof(forked[:6], 4), note(6, forked))).status
        == 422
    )
    assert (
        refused(
            add_checkpoint_body(
                4, [], sign_note(Checkpoint("other", 4, b"\0" * 32).text(), "other", log)
            )
        ).status
        == 404
    )
    assert refused(add_checkpoint_body(4, [], note(6).replace("6\n", "7\n", 1))).status == 403
    assert wit.add_checkpoint(add_checkpoint_body(4, consistency_proof(leaves[:6], 4), note(6)), 3)
    assert wit.state["o.example/log"][0] == 6
