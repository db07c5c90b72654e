"""The authorization matrix: every route × every role. Each route's level is read off
its dependencies (``parley/api/access.py``); every route is called as every role and
must answer as its level says, and the routes open to anyone are pinned here, so a
route that forgets its ``ChannelMember`` dependency fails."""

from __future__ import annotations

import re

import pytest

from parley.api import fastapi_app
from parley.api.access import MEMBER, PUBLIC, SIGNED_IN, access
from parley.api.access import routes as api_routes
from parley.cli import story
from parley.client import ApiError, ParleyClient
from parley.crypto import SigningKey

CH = story.CHANNEL
OTHER = "another-channel"
MEMBERS = ("artsakh-head", "artsakh-member", "azerbaijan-head", "azerbaijan-member")
MEMBERS += ("commander", "duty-officer")  # the mediator's head and its duty officer


def routes(app) -> set[tuple[str, str]]:
    return {(m, path) for m, path, _ in api_routes(fastapi_app(app))}


@pytest.fixture
def world(services, http, member, charter, play_story, people, clock):
    """The story's channel, and another channel whose party head is an outsider to it."""
    play_story(member, charter)
    outsider = SigningKey.generate()
    keys = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
    keys["commander"] = people["commander"]
    keys["artsakh-head"] = outsider
    other = story.charter({s: k.public.to_b64() for s, k in keys.items()})
    member("commander").create_channel(OTHER, other)
    clients = {
        "outsider": ParleyClient("http://parley.test", outsider, clock=clock, http=http, retries=0)
    }
    clients.update({stem: member(stem) for stem in MEMBERS})
    entry = services.store.entries(CH, 0, 1)[0].entry_id
    return clients, entry


OPEN = {
    ("GET", "/openapi.json"),
    ("GET", "/v1/server"),
    ("GET", "/v1/schemas/entries"),
    ("POST", "/v1/auth/challenge"),
    ("POST", "/v1/auth/token"),
    ("POST", "/public/v1/channels/{channel_id}/check"),
    ("GET", "/public/v1/channels/{channel_id}"),
    ("GET", "/public/v1/channels/{channel_id}/checkpoint"),
    ("GET", "/public/v1/channels/{channel_id}/trust"),
    ("GET", "/public/v1/channels/{channel_id}/proof/consistency"),
    ("GET", "/public/v1/channels/{channel_id}/entries"),
    ("GET", "/public/v1/channels/{channel_id}/communiques"),
    ("GET", "/public/v1/channels/{channel_id}/entries/{entry_id}/bundle"),
    ("GET", "/assets/{name}"),
    ("GET", "/assets/i18n/{name}"),  # the pages' message catalogs (docs/languages.md)
    ("GET", "/app"),  # the members' pages: a shell; its data needs a sign-in
    ("GET", "/"),  # redirects to /app
    ("GET", "/public/channels/{channel_id}"),
}
"""Every route anyone may call without signing in. A new public route is a decision: add
it here on purpose."""

ANY_KEY = {
    ("GET", "/v1/channels"),  # the channels of the signed-in key
    ("POST", "/v1/channels/{channel_id}/entries"),  # creating a channel; then the rules
    ("POST", "/v1/channels/{channel_id}/entries/batch"),  # the same, many at once
}
"""Routes for any signed-in key, member of the channel or not."""


def access_table(http) -> dict[tuple[str, str], str]:
    return access(fastapi_app(http.app))


def test_every_route_has_a_level_and_only_the_pinned_ones_are_open(http):
    table = access_table(http)
    assert set(table) == routes(http.app)
    assert {r for r, lvl in table.items() if lvl == PUBLIC} == OPEN
    assert {r for r, lvl in table.items() if lvl == SIGNED_IN} == ANY_KEY
    assert sum(lvl == MEMBER for lvl in table.values()) >= 20


def _request(http, method, path, token, entry):
    ids = {"channel_id": CH, "entry_id": entry, "meeting_id": "wg-2023-03-01"}
    ids |= {"kind": "meeting", "name": "check.js"}
    url = re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    bodies = {
        "/v1/channels/{channel_id}/cosignatures": {"size": 1, "cosignature": "— x y"},
        "/v1/channels/{channel_id}/check": {"statements": ["The sides met in Baku."]},
        "/public/v1/channels/{channel_id}/check": {"statements": ["The sides met in Baku."]},
        "/v1/auth/challenge": {"key_id": "k" + "0" * 24},
    }
    if path.endswith("/events"):
        with http.stream(method, url, headers=headers, params={"after": 10**6}) as r:
            return r.status_code, {} if r.status_code == 200 else r.read() and r.json()
    params = {  # required query parameters, so that the request reaches the access check
        "/v1/channels/{channel_id}/minutes/{meeting_id}/diff": {"from": 1, "to": 1},
        "/v1/channels/{channel_id}/proof/consistency": {"old": 1},
        "/public/v1/channels/{channel_id}/proof/consistency": {"old": 1},
        "/v1/channels/{channel_id}/proof/inclusion": {"index": 0},
    }.get(path, {})
    r = http.request(method, url, headers=headers, json=bodies.get(path, {}), params=params)
    try:
        body = r.json()
    except ValueError:
        body = {}
    return r.status_code, body


ROLES = ("anonymous", "outsider", *MEMBERS)


@pytest.mark.parametrize("role", ROLES)
def test_the_matrix(http, world, role):
    clients, entry = world
    token = None if role == "anonymous" else clients[role]._ensure_token()
    checked = 0
    for (method, path), level in sorted(access_table(http).items()):
        if path.startswith("/docs") or path == "/redoc" or path.endswith("/witnesses/push"):
            continue  # static documentation; push talks to third-party witnesses
        status, body = _request(http, method, path, token, entry)
        code = body.get("error", {}).get("code") if isinstance(body, dict) else None
        where = f"{role}: {method} {path} → {status} {code}"
        if level == PUBLIC:
            assert status not in (401, 403), where
        elif role == "anonymous":
            assert status == 401, where
        elif level == SIGNED_IN:
            assert status not in (401, 403), where
        elif role == "outsider":
            assert level == MEMBER and status == 404 and code == "channel.not_found", where
        else:
            assert status not in (401, 403) and code != "channel.not_found", where
        checked += 1
    assert checked >= 30


def test_nobody_signs_for_someone_else_or_acts_on_another_channel(world, http):
    clients, _ = world
    a, b = clients["artsakh-member"], clients["azerbaijan-member"]
    forged = b.message(CH, to="artsakh", subject="not mine", text="t")
    r = http.post(
        f"/v1/channels/{CH}/entries",
        json=forged.to_json(),
        headers={"Authorization": f"Bearer {a._ensure_token()}"},
    )
    assert r.status_code == 403 and r.json()["error"]["code"] == "auth.not_author"
    # An entry signed for one channel cannot be posted to another's URL ...
    mine = a.message(CH, to="azerbaijan", subject="here", text="t")
    r = http.post(
        f"/v1/channels/{OTHER}/entries",
        json=mine.to_json(),
        headers={"Authorization": f"Bearer {a._ensure_token()}"},
    )
    assert r.json()["error"]["code"] == "entry.wrong_channel"
    # ... and the outsider, a member elsewhere, cannot act here.
    with pytest.raises(ApiError) as exc:
        clients["outsider"].send(CH, to="azerbaijan", subject="x", text="y")
    assert exc.value.status in (403, 404, 422)
