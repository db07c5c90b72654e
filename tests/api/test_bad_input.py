"""Every class of bad input gets a typed error, changes nothing, and the server keeps serving."""

from __future__ import annotations

import json
import uuid

import pytest

from parley.cli import story
from parley.client import ApiError, ParleyClient
from parley.crypto import SigningKey
from parley.model.channel import charter_digest
from parley.service import audit

CH = story.CHANNEL


def token(http, key: SigningKey) -> dict[str, str]:
    c = ParleyClient("http://parley.test", key, http=http, retries=0)
    return {"Authorization": f"Bearer {c._ensure_token()}"}


def msg_body(**kw):
    return {
        "to": "azerbaijan",
        "priority": "routine",
        "subject": "s",
        "text": "t",
        "language": "en",
        **kw,
    }


@pytest.fixture
def head(member, active_channel):
    return member("artsakh-head")


def assert_unchanged(http, services, headers, size):
    r = http.get(f"/v1/channels/{CH}", headers=headers)
    assert r.status_code == 200 and r.json()["tree_size"] == size
    assert audit(services.store, services.server_key.public).ok


def post(http, headers, payload, channel=CH):
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return http.post(
        f"/v1/channels/{channel}/entries",
        content=data,
        headers={**headers, "content-type": "application/json"},
    )


def check(r, status, code):
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert err["code"] == code
    assert err["message"] and isinstance(err["detail"], dict)


def test_malformed_json(http, head, people, services):
    h = token(http, people["artsakh-head"])
    check(post(http, h, b"{not json"), 400, "json.malformed")
    check(post(http, h, b'{"a": 1, "a": 2}'), 400, "json.duplicate_key")
    check(
        http.post("/v1/auth/challenge", content=b"{", headers={"content-type": "application/json"}),
        400,
        "json.malformed",
    )
    assert_unchanged(http, services, h, 3)


def test_unknown_fields(http, head, people, services):
    h = token(http, people["artsakh-head"])
    e = head.build_unchecked(CH, "message.sent", msg_body()).to_json()
    check(post(http, h, {**e, "extra": 1}), 400, "entry.unknown_field")
    e2 = head.build_unchecked(CH, "message.sent", msg_body()).to_json()
    e2["header"]["colour"] = "red"
    check(post(http, h, e2), 400, "entry.unknown_field")
    e3 = head.build_unchecked(CH, "message.sent", msg_body(urgency="high")).to_json()
    check(post(http, h, e3), 400, "entry.unknown_field")
    check(
        http.post("/v1/auth/challenge", json={"key_id": people["artsakh-head"].key_id, "x": 1}),
        400,
        "request.unknown_field",
    )
    assert_unchanged(http, services, h, 3)


def test_missing_and_wrong_signature(http, head, people, services):
    h = token(http, people["artsakh-head"])
    e = head.build_unchecked(CH, "message.sent", msg_body()).to_json()
    del e["signature"]
    check(post(http, h, e), 400, "entry.missing_signature")
    e = head.build_unchecked(CH, "message.sent", msg_body()).to_json()
    e["signature"] = people["artsakh-head"].sign(b"something else").hex()[:88]
    r = post(http, h, e)
    assert r.status_code == 400
    e = head.build_unchecked(CH, "message.sent", msg_body()).to_json()
    import base64

    e["signature"] = base64.b64encode(people["artsakh-head"].sign(b"other")).decode()
    check(post(http, h, e), 400, "entry.bad_signature")
    e = head.build_unchecked(CH, "message.sent", msg_body()).to_json()
    e["body"]["text"] = "tampered"
    check(post(http, h, e), 400, "entry.body_mismatch")
    assert_unchanged(http, services, h, 3)


def test_not_a_member_and_member_of_another_channel(http, head, people, services, member, charter):
    outsider = SigningKey.generate()
    c = ParleyClient("http://parley.test", outsider, http=http, retries=0)
    with pytest.raises(ApiError) as exc:
        c.submit(c.build_unchecked(CH, "message.sent", msg_body()))
    assert exc.value.code == "entry.not_member" and exc.value.status == 403
    with pytest.raises(ApiError) as exc:
        c.channel(CH)
    assert exc.value.code == "channel.not_found" and exc.value.status == 404
    # A member of this channel acting on another channel.
    with pytest.raises(ApiError) as exc:
        head.submit(head.build_unchecked("another-channel", "message.sent", msg_body()))
    assert exc.value.code == "channel.not_found"
    with pytest.raises(ApiError) as exc:
        head.messages("another-channel")
    assert exc.value.code == "channel.not_found"
    assert_unchanged(http, services, token(http, people["artsakh-head"]), 3)


def test_entry_for_another_channel_posted_here(http, head, people, services):
    h = token(http, people["artsakh-head"])
    e = head.build_unchecked("another-channel", "message.sent", msg_body()).to_json()
    check(post(http, h, e), 422, "entry.wrong_channel")
    assert_unchanged(http, services, h, 3)


def test_submitting_someone_elses_entry(http, head, member, people, services):
    other = member("artsakh-member").build_unchecked(CH, "message.sent", msg_body())
    check(post(http, token(http, people["artsakh-head"]), other.to_json()), 403, "auth.not_author")


def test_receipt_for_invisible_message(http, member, active_channel, people, services):
    e, _ = member("artsakh-head").send(CH, to="peacekeepers", subject="s", text="private")
    z = member("azerbaijan-head")
    with pytest.raises(ApiError) as exc:
        z.receipt(CH, e.id, "delivered")
    assert exc.value.code == "message.unknown" and exc.value.status == 404
    assert_unchanged(http, services, token(http, people["azerbaijan-head"]), 4)


def test_entry_id_reused_with_different_content(http, head, people, services):
    e = head.build_unchecked(CH, "message.sent", msg_body())
    head.submit(e)
    from dataclasses import replace

    from parley.model import make_entry

    clash = make_entry(
        people["artsakh-head"],
        channel=e.header.channel,
        type="message.sent",
        body=msg_body(text="different"),
        time=e.header.at,
        entry_id=e.id,
        salt=e.salt,
    )
    assert replace(clash.header, body_digest=e.header.body_digest) != clash.header
    with pytest.raises(ApiError) as exc:
        head.submit(clash)
    assert exc.value.code == "entry.id_reused" and exc.value.status == 409
    assert_unchanged(http, services, token(http, people["artsakh-head"]), 4)


def test_oversized_body(http, head, people, services):
    h = token(http, people["artsakh-head"])
    e = head.build_unchecked(CH, "message.sent", msg_body(text="x" * 70_000)).to_json()
    check(post(http, h, e), 413, "request.too_large")
    # Within the request limit but over the text limit of the body schema.
    e = head.build_unchecked(CH, "message.sent", msg_body(text="x" * 25_000)).to_json()
    check(post(http, h, e), 400, "entry.invalid_body")
    assert_unchanged(http, services, h, 3)


def test_actions_before_the_charter_is_accepted(member, charter, http, people, services):
    member("commander").create_channel(CH, charter)
    a = member("artsakh-head")
    with pytest.raises(ApiError) as exc:
        a.send(CH, to="azerbaijan", subject="s", text="too early")
    assert exc.value.code == "channel.not_active" and exc.value.status == 409
    a.accept_charter(CH)
    with pytest.raises(ApiError) as exc:
        a.accept_charter(CH)
    assert exc.value.code == "charter.already_accepted"
    with pytest.raises(ApiError) as exc:
        member("artsakh-member").submit(
            member("artsakh-member").build_unchecked(
                CH, "charter.accepted", {"charter_digest": charter_digest(charter)}
            )
        )
    assert exc.value.code == "charter.not_head"


def test_only_allowed_creators_create_channels(member, charter):
    with pytest.raises(ApiError) as exc:
        member("duty-officer").create_channel("second-channel", charter)
    assert exc.value.code == "channel.creator_not_allowed" and exc.value.status == 403


def test_auth_errors(http, people, sign_in_request):
    check(http.get(f"/v1/channels/{CH}"), 401, "auth.missing")
    check(
        http.get(f"/v1/channels/{CH}", headers={"Authorization": "Bearer nonsense"}),
        401,
        "auth.bad_token",
    )
    key = people["artsakh-head"]
    from parley.crypto.keys import b64

    good = sign_in_request(http, key)
    bad = dict(good, signature=b64(key.sign(b"other")))
    check(http.post("/v1/auth/token", json=bad), 401, "auth.bad_signature")
    assert http.post("/v1/auth/token", json=good).status_code == 200
    check(http.post("/v1/auth/token", json=good), 401, "auth.bad_challenge")  # single use
    other = SigningKey.generate()
    stolen = sign_in_request(http, key, signer=other)  # key's challenge, another's signature
    check(http.post("/v1/auth/token", json=stolen), 401, "auth.bad_challenge")


def test_token_expires(http, people, clock):
    h = token(http, people["artsakh-head"])
    clock.advance(hours=2)
    check(http.get("/v1/channels", headers=h), 401, "auth.token_expired")


def test_server_keeps_serving_after_garbage(http, head, people):
    h = token(http, people["artsakh-head"])
    for junk in [
        b"",
        b"[]",
        b"null",
        b'"x"',
        b"{}",
        b'{"header": 1}',
        b'{"header": {}, "signature": 1}',
        json.dumps({"header": {"v": 2}}).encode(),
    ]:
        r = post(http, h, junk)
        assert 400 <= r.status_code < 500, (junk, r.text)
        assert "error" in r.json()
    head.send(CH, to="azerbaijan", subject="still", text="works")
    check(http.get("/v1/nothing-here"), 404, "route.not_found")
    assert uuid.UUID(head.messages(CH)[0]["id"])
