"""Disclosure by joint consent, communiqués, and a public record that leaks nothing else."""

from __future__ import annotations

import base64
import copy
import json
import re

import pytest
from fastapi.testclient import TestClient

from parley.api import create_app, fastapi_app
from parley.api.access import PUBLIC, level, routes
from parley.cli import story
from parley.client import ApiError, Witness, verify_bundle
from parley.errors import VerificationError
from parley.ledger import verify_consistency
from parley.proofs.trust import TrustRoot
from parley.service import audit

CH = story.CHANNEL
M = "wg-2023-03-01"
AGENDA = [{"id": t["id"], "topic": t["id"], "title": t["title"]} for t in story.MANDATE]
SECRET = "Confidential: the exact gas valve schedule is 06:40"
MINUTES_SECRET = "Position recorded in the minutes only"


@pytest.fixture
def record(member, charter, services):
    full = {**charter, "server_key": services.server_key.public.to_b64()}
    member("commander").create_channel(CH, full)
    member("artsakh-head").accept_charter(CH)
    member("azerbaijan-head").accept_charter(CH)
    med = member("duty-officer")
    med.talks.propose(CH, M, start="2023-03-01T11:00:00+04:00", venue="Mission HQ", agenda=AGENDA)
    member("artsakh-head").talks.answer(CH, M, True)
    member("azerbaijan-head").talks.answer(CH, M, True)
    secret, _ = member("artsakh-member").send(
        CH, to="azerbaijan", subject="Valves", text=SECRET, priority="urgent"
    )
    med.talks.draft_minutes(
        CH, M, [{"item": "gas-supply", "summary": MINUTES_SECRET, "outcome": "agreed"}]
    )
    for head in ("artsakh-head", "azerbaijan-head", "commander"):
        member(head).talks.sign_minutes(CH, M, 1)
    for head in ("artsakh-head", "azerbaijan-head"):
        Witness(member(head), CH).observe()
    return secret


def publish_communique(member) -> str:
    d = member("duty-officer").disclosures
    d.draft_communique(
        CH,
        "c-2023-03-01",
        {
            "en": "The working groups met at the mission's headquarters and reached "
            "agreements on all items.",
            "ru": "Рабочие группы встретились.",
        },
        meeting=M,
    )
    for head in ("artsakh-head", "azerbaijan-head"):
        member(head).disclosures.sign_communique(CH, "c-2023-03-01", 1)
    # Not yet: the mediator has not signed, nothing is public, and the public is told
    # exactly what it is told of a channel that does not exist.
    with pytest.raises(ApiError) as nothing_yet:
        member("commander").disclosures.public(CH, "communiques")
    with pytest.raises(ApiError) as no_such:
        member("commander").disclosures.public("no-such-channel", "communiques")
    assert (nothing_yet.value.status, nothing_yet.value.code) == (404, "channel.not_found")
    assert nothing_yet.value.message.replace(CH, "X") == no_such.value.message.replace(
        "no-such-channel", "X"
    )
    member("commander").disclosures.sign_communique(CH, "c-2023-03-01", 1)
    return d.communique(CH, "c-2023-03-01")["versions"][0]["entry_id"]


def test_communique_then_declassified_minutes(member, record, services, clock):
    cid = publish_communique(member)
    pub = member("artsakh-member").disclosures
    [c] = pub.public(CH, "communiques")
    assert c["texts"]["ru"].startswith("Рабочие") and c["signed_by_sides"] == [
        "artsakh",
        "azerbaijan",
        "peacekeepers",
    ]
    verify_bundle(pub.public_bundle(CH, cid))
    # A month later the parties open the full minutes.
    clock.advance(days=30)
    mins = member("commander").talks.minutes(CH, M)["versions"][0]["entry_id"]
    d = member("duty-officer").disclosures
    with pytest.raises(ApiError) as exc:
        d.propose(CH, "open-minutes", [mins])  # the duty officer is not a head
    assert exc.value.code == "disclosure.not_head"
    member("commander").disclosures.propose(
        CH, "open-minutes", [mins], "public", "exhaustive information"
    )
    member("artsakh-head").disclosures.sign(CH, "open-minutes")
    assert mins not in [
        e["entry"]["header"]["id"] for e in pub.public(CH, "entries")
    ]  # not until all signed
    member("azerbaijan-head").disclosures.sign(CH, "open-minutes")
    entries = {e["entry"]["header"]["id"]: e for e in pub.public(CH, "entries")}
    assert MINUTES_SECRET in entries[mins]["entry"]["body"]["items"][0]["summary"]
    assert entries[mins]["recorded_at"] < entries[mins]["published_at"]
    bundle = pub.public_bundle(CH, mins)
    report = verify_bundle(copy.deepcopy(bundle))
    assert report.body_shown and len(report.cosigned_by) == 2
    # The proof is against the checkpoint cosigned back then, before the opening.
    assert bundle["inclusion"]["size"] < entries[mins]["published_seq"]
    bad = copy.deepcopy(bundle)
    bad["entry"]["body"]["items"][0]["summary"] = MINUTES_SECRET.replace("minutes", "minuteS")
    with pytest.raises(VerificationError):
        verify_bundle(bad)
    # Closing is impossible once open.
    with pytest.raises(ApiError) as exc:
        member("artsakh-head").disclosures.propose(CH, "close", [mins], "general")
    assert exc.value.code == "disclosure.cannot_close"
    assert audit(services.store, services.server_key.public).ok


def test_consent_rules(member, record):
    a, z = member("artsakh-head").disclosures, member("azerbaijan-head").disclosures
    a.propose(CH, "p1", [record.id])
    with pytest.raises(ApiError) as exc:
        z.c.submit(
            z.c.build_unchecked(
                CH, "disclosure.signed", {"proposal": "p1", "digest": "A" * 43 + "="}
            )
        )
    assert exc.value.code == "disclosure.digest_mismatch"
    with pytest.raises(ApiError) as exc:
        a.propose(CH, "p2", ["00000000-0000-4000-8000-000000000000"])
    assert exc.value.code == "disclosure.unknown_entry"
    with pytest.raises(ApiError) as exc:
        a.sign(CH, "p1")
    assert exc.value.code == "disclosure.already_signed"
    with pytest.raises(ApiError) as exc:
        member("artsakh-head").submit(
            member("artsakh-head").build_unchecked(
                CH,
                "communique.signed",
                {"communique": "none", "version": 1, "digest": "A" * 43 + "="},
            )
        )
    assert exc.value.code == "communique.unknown_version"


def test_unilateral_statement_is_marked_and_public(member, record, http):
    member("azerbaijan-head").disclosures.unilateral(
        CH, "The next meeting may take place in Ganja or Aghdam.", source="Press briefing"
    )
    entries = member("artsakh-member").disclosures.public(CH, "entries")
    [s] = [e for e in entries if e["entry"]["header"]["type"] == "statement.unilateral"]
    assert "Ganja" in s["entry"]["body"]["text"]
    assert s["author_side"] == "azerbaijan"  # whose statement it is, without a signature check
    # The public page says whose statement it is and where it was said, on the card.
    page = http.get(f"/public/channels/{CH}", params={"lang": "en"}).text
    card = page[page.index("data-type='statement.unilateral'") :]
    card = card[: card.index("</article>")]
    assert "Signed by a member of <code translate='no' data-user>azerbaijan</code>" in card
    assert "Where it was said: <span dir='auto' data-user>Press briefing</span>" in card


def _fill(path: str, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ids.get(m.group(1), "x"), path)


def test_no_public_route_reveals_anything_confidential(member, record, services):
    """Walk every route of the app without signing in, with every id we know, and search
    every answer for each confidential body's distinctive strings and salts."""
    cid = publish_communique(member)
    secrets = [
        SECRET,
        MINUTES_SECRET,
        "Valves",
        "Mission HQ",
        "Secretary of the Security Council",
        "Milli Majlis",
    ]
    confidential_rows = [r for r in services.store.entries(CH) if r.entry_id != cid]
    secrets += [r.salt for r in confidential_rows] + [r.signature for r in confidential_rows]
    app = create_app(services)
    anon = TestClient(app, base_url="http://parley.test")
    id_sets = [
        {"channel_id": CH, "entry_id": r.entry_id, "meeting_id": M, "kind": k}
        for r in services.store.entries(CH)
        for k in ("meeting", "level")
    ]
    walked = 0
    for method, path, route in routes(fastapi_app(app)):
        if True:
            for ids in id_sets[:: max(1, len(id_sets) // 6)]:
                r = anon.request(method, _fill(path, ids), json={})
                walked += 1
                text = r.text
                for s in secrets:
                    assert s not in text, f"{method} {path} leaked {s[:30]!r}"
                if level(route) != PUBLIC:
                    assert r.status_code in (400, 401, 404, 405, 413, 422), (
                        method,
                        path,
                        r.status_code,
                    )
    assert walked > 40
    page = anon.get(f"/public/channels/{CH}")
    assert page.status_code == 200 and "Рабочие группы" in page.text and "proof bundle" in page.text


def test_the_public_trust_root_and_consistency_proofs(member, record, services, http):
    """What the public page pins and compares: the channel's trust root (keys with side
    and role, no names) and RFC 9162 proofs between any two sizes — both answering as for
    a channel that does not exist until something is public."""
    for path in ("trust", "proof/consistency?old=1"):
        hidden = http.get(f"/public/v1/channels/{CH}/{path}")
        absent = http.get(f"/public/v1/channels/no-such-channel/{path}")
        assert hidden.status_code == absent.status_code == 404
        assert hidden.json()["error"]["code"] == absent.json()["error"]["code"]
    cid = publish_communique(member)
    trust = http.get(f"/public/v1/channels/{CH}/trust").json()
    root = TrustRoot.from_json(trust)
    assert root.server == services.server_key.public
    assert all(k.name == "" for k in root.keys.values())
    assert "Milli Majlis" not in json.dumps(trust)
    report = verify_bundle(member("artsakh-member").disclosures.public_bundle(CH, cid), root)
    assert report.trusted and "artsakh head" not in report.author  # the mediator signed last
    size = int(trust["checkpoint"]["size"])
    tree = services.public.trees.channel(CH)
    for old in (1, size // 2, size):
        got = http.get(f"/public/v1/channels/{CH}/proof/consistency", params={"old": old})
        assert got.status_code == 200, got.text
        proof = [base64.b64decode(p) for p in got.json()["proof"]]
        verify_consistency(old, size, tree.root(old), tree.root(size), proof)
    for params, status in (({"old": size + 1}, 404), ({"old": 3, "new": 2}, 400), ({}, 400)):
        bad = http.get(f"/public/v1/channels/{CH}/proof/consistency", params=params)
        assert bad.status_code == status, (params, bad.text)
