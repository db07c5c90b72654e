"""The authorization matrix: every route × every role, from the one table in
``parley/api/access.py``. A route without an entry in the table fails here."""

from __future__ import annotations

import re

import pytest

from parley.api import fastapi_app
from parley.api.access import ACCESS, MEMBER, PUBLIC, SIGNED_IN
from parley.cli import story
from parley.client import ApiError, ParleyClient
from parley.crypto import SigningKey

CH = story.CHANNEL
OTHER = "another-channel"
MEMBERS = ("artsakh-head", "artsakh-member", "azerbaijan-head", "azerbaijan-member")
MEMBERS += ("commander", "duty-officer")  # the mediator's head and its duty officer


def routes(app) -> set[tuple[str, str]]:
    return {
        (m, r.path)
        for r in fastapi_app(app).routes
        for m in getattr(r, "methods", set()) - {"HEAD", "OPTIONS"}
    }


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


def test_every_route_has_exactly_one_entry_in_the_table(http):
    app = http.app
    assert routes(app) == set(ACCESS), (
        f"routes without an access entry: {sorted(routes(app) - set(ACCESS))}; "
        f"entries without a route: {sorted(set(ACCESS) - routes(app))}"
    )


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
    for (method, path), access in sorted(ACCESS.items()):
        if path.startswith("/docs") or path == "/redoc" or path.endswith("/witnesses/push"):
            continue  # static documentation; push talks to third-party witnesses
        status, body = _request(http, method, path, token, entry)
        code = body.get("error", {}).get("code") if isinstance(body, dict) else None
        where = f"{role}: {method} {path} → {status} {code}"
        if access == PUBLIC:
            assert status not in (401, 403), where
        elif role == "anonymous":
            assert status == 401, where
        elif access == SIGNED_IN:
            assert status not in (401, 403), where
        elif role == "outsider":
            assert access == MEMBER and status == 404 and code == "channel.not_found", where
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
