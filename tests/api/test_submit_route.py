"""The single entry route's ASGI shortcut answers exactly as the FastAPI route it stands
in front of: the same statuses, error codes, bodies (byte for byte) and headers, for good
entries, replays and every kind of refusal; and it takes only that route's requests."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from tests.api.test_bad_input import assert_unchanged, msg_body, token

from parley.api import create_app, fastapi_app
from parley.api.limits import Limits
from parley.api.routes.entries import SubmitRoute
from parley.cli import story
from parley.crypto import SigningKey
from parley.crypto.digest import new_salt
from parley.model.clock import parse_time
from parley.model.entry import make_entry

CH = story.CHANNEL


@pytest.fixture
def route(http):
    """The same app as ``http`` without the shortcut: FastAPI's own route answers."""
    return TestClient(fastapi_app(http.app), base_url="http://parley.test")


def post(client, headers, payload, channel=CH):
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return client.post(
        f"/v1/channels/{channel}/entries",
        content=data,
        headers={**headers, "content-type": "application/json"},
    )


def same(a, b):
    assert (a.status_code, a.content) == (b.status_code, b.content), (a.text, b.text)
    for name in ("content-type", "content-length", "retry-after"):
        assert a.headers.get(name) == b.headers.get(name), name


def test_receipts_and_replays_are_byte_for_byte_the_routes(
    http, route, member, active_channel, people, services
):
    head = member("artsakh-head")
    h = token(http, people["artsakh-head"])
    first = head.message(CH, to="azerbaijan", subject="s", text="t").to_json()
    r = post(http, h, first)
    assert r.status_code == 200 and r.json()["replayed"] is False
    assert r.json()["receipt"]["seq"] == 4
    same(post(http, h, first), post(route, h, first))  # both replays of the same entry
    assert post(http, h, first).json()["replayed"] is True
    second = head.message(CH, to="azerbaijan", subject="s2", text="t").to_json()
    by_route = post(route, h, second)
    assert by_route.json()["receipt"]["seq"] == 5
    again = post(http, h, second)
    assert again.json() == {**by_route.json(), "replayed": True}
    assert_unchanged(http, services, h, 5)


def test_every_refusal_is_the_routes(http, route, member, active_channel, people, services):
    head = member("artsakh-head")
    h = token(http, people["artsakh-head"])
    good = head.message(CH, to="azerbaijan", subject="s", text="t").to_json()
    post(http, h, good)
    other = member("azerbaijan-head").message(CH, to="artsakh", subject="s", text="t").to_json()
    bad_sig = {**good, "signature": other["signature"]}
    wrong_channel = {**good, "header": {**good["header"], "channel": "elsewhere"}}
    reused = make_entry(  # well signed, under the first entry's id
        head.key,
        channel=CH,
        type="message.sent",
        body=msg_body(subject="other"),
        time=parse_time(good["header"]["time"]),
        entry_id=good["header"]["id"],
        salt=new_salt(),
    ).to_json()
    stranger = SigningKey.generate()
    unknown = token(http, stranger)
    cases = [
        ({}, good, CH, "auth.missing"),
        ({"Authorization": "Bearer nope"}, good, CH, "auth.bad_token"),
        ({"Authorization": "Basic abc"}, good, CH, "auth.missing"),
        (h, b"{not json", CH, "json.malformed"),
        (h, b'{"a": 1, "a": 2}', CH, "json.duplicate_key"),
        (h, b"[1, 2]", CH, None),
        (h, {**good, "extra": 1}, CH, "entry.unknown_field"),
        (h, other, CH, "auth.not_author"),
        (h, bad_sig, CH, "entry.bad_signature"),
        (h, wrong_channel, CH, "entry.wrong_channel"),
        (h, good, "elsewhere", "entry.wrong_channel"),
        (h, reused, CH, "entry.id_reused"),
        (unknown, good, CH, "auth.not_author"),
    ]
    for headers, payload, channel, code in cases:
        a, b = post(http, headers, payload, channel), post(route, headers, payload, channel)
        same(a, b)
        assert a.status_code >= 400, (code, a.text)
        if code is not None:
            assert a.json()["error"]["code"] == code, a.text
    assert_unchanged(http, services, h, 4)


def test_rate_limits_answer_as_the_route(services, member, active_channel, people):
    limited = TestClient(
        create_app(services, limits=Limits(key_rate=0.01, key_burst=1)),
        base_url="http://parley.test",
    )
    route = TestClient(fastapi_app(limited.app), base_url="http://parley.test")
    head = member("artsakh-head")
    h = token(limited, people["artsakh-head"])
    entry = head.message(CH, to="azerbaijan", subject="s", text="t").to_json()
    assert post(limited, h, entry).status_code == 200  # the whole burst
    a, b = post(limited, h, entry), post(route, h, entry)
    for r in (a, b):  # the wait moves on between the two (each has a 1 s tarpit)
        assert r.status_code == 429 and r.json()["error"]["code"] == "rate.key"
        assert r.headers["retry-after"] == str(r.json()["error"]["detail"]["retry_after"])
        assert int(r.headers["retry-after"]) > 90
        assert r.headers["content-type"] == "application/json"
    assert a.json()["error"]["message"] == b.json()["error"]["message"]


class Inner:
    """An app behind the shortcut that notes what reached it."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    async def __call__(self, scope, receive, send):
        self.seen.append((scope["method"], scope["path"]))
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def test_only_the_single_entry_route_is_taken(http, active_channel, people):
    inner = Inner()
    shortcut = TestClient(SubmitRoute(inner, fastapi_app(http.app).state.runtime))
    h = token(http, people["artsakh-head"])
    passed = [
        ("GET", f"/v1/channels/{CH}/entries"),
        ("PUT", f"/v1/channels/{CH}/entries"),
        ("POST", f"/v1/channels/{CH}/entries/batch"),
        ("POST", f"/v1/channels/{CH}/entries/"),
        ("POST", f"/v1/channels/{CH}/x/entries"),
        ("POST", "/v1/channels//entries"),
        ("POST", "/v1/channels/entries"),
        ("POST", f"/v2/channels/{CH}/entries"),
    ]
    for method, path in passed:
        assert shortcut.request(method, path, headers=h, content=b"{}").status_code == 204
    assert inner.seen == passed
    r = shortcut.post(f"/v1/channels/{CH}/entries", headers=h, content=b"{}")
    assert r.status_code == 400 and r.json()["error"]["code"].startswith("entry.")
    assert len(inner.seen) == len(passed)  # answered by the shortcut, not passed on
