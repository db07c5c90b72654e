"""Replay and freshness: sign-in challenges are single-use and short-lived; an entry id
names one entry for ever (a retry of the same entry is answered, not appended; anything
else under that id is refused); a signed entry is bound to its channel; an author's clock
outside the skew window is flagged, never trusted."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.cli import story
from parley.crypto.keys import b64
from parley.model.clock import SKEW_WINDOW, OffsetClock

CH = story.CHANNEL


def test_a_challenge_expires_after_two_minutes_and_is_bound_to_its_key(
    http, people, clock, sign_in_request
):
    signed = sign_in_request(http, people["artsakh-head"])
    clock.advance(seconds=121)
    r = http.post("/v1/auth/token", json=signed)
    assert r.status_code == 401 and r.json()["error"]["code"] == "auth.bad_challenge"


def test_an_entry_is_bound_to_its_channel(http, member, charter, people):
    a = member("commander")
    a.create_channel(CH, charter)
    a.create_channel("second-channel", charter)
    token = {"Authorization": f"Bearer {member('commander')._ensure_token()}"}
    entry = a.message(CH, to="artsakh", subject="s", text="t").to_json()
    # The same signed entry posted to the other channel: refused by its header.
    r = http.post("/v1/channels/second-channel/entries", json=entry, headers=token)
    assert r.status_code == 422 and r.json()["error"]["code"] == "entry.wrong_channel"
    # Its header edited to name the other channel: the signature no longer holds.
    moved = copy.deepcopy(entry)
    moved["header"]["channel"] = "second-channel"
    r = http.post("/v1/channels/second-channel/entries", json=moved, headers=token)
    assert r.status_code == 400 and r.json()["error"]["code"] == "entry.bad_signature"


def test_replaying_any_logged_entry_appends_nothing_and_altering_it_is_refused(
    http, member, people, charter, play_story, services
):
    """Each entry resent by its own author (anyone else is refused before that)."""
    play_story(member, charter)
    stems = {k.key_id: stem for stem, k in people.items()}
    logged = member("commander").entries(CH)
    size = len(services.store.entries(CH))

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(i=st.integers(0, len(logged) - 1), field=st.sampled_from(["time", "refs", "salt"]))
    def replay(i: int, field: str) -> None:
        item = logged[i]["entry"]
        author = member(stems[item["header"]["author"]])._ensure_token()
        token = {"Authorization": f"Bearer {author}"}
        r = http.post(f"/v1/channels/{CH}/entries", json=item, headers=token)
        assert r.status_code == 200 and r.json()["replayed"] is True
        assert r.json()["receipt"]["seq"] == logged[i]["seq"]
        altered = copy.deepcopy(item)
        if field == "salt":
            altered["salt"] = b64(bytes(16))
        elif field == "refs":
            altered["header"]["refs"] = [*altered["header"]["refs"], altered["header"]["id"]]
        else:
            altered["header"]["time"] = "2030-01-01T00:00:00.000Z"
        r = http.post(f"/v1/channels/{CH}/entries", json=altered, headers=token)
        assert r.status_code in (400, 409, 422), r.text
        assert r.json()["error"]["code"] in (
            "entry.bad_signature", "entry.body_mismatch", "entry.id_reused", "entry.not_member",
            "entry.bad_ref",
        ), r.text  # fmt: skip
        assert len(services.store.entries(CH)) == size

    replay()


def test_an_author_clock_outside_the_window_is_flagged_not_trusted(
    http, member, make_members, people, charter, clock
):
    member("commander").create_channel(CH, charter)
    member("artsakh-head").accept_charter(CH)
    member("azerbaijan-head").accept_charter(CH)
    # The Artsakh member's device runs an hour fast; the server's clock is the test's.
    fast = make_members(
        "http://parley.test", people, OffsetClock(clock.now() + 12 * SKEW_WINDOW), http
    )
    on_time, _ = member("artsakh-head").send(CH, to="azerbaijan", subject="a", text="on time")
    skewed, _ = fast("artsakh-member").send(CH, to="azerbaijan", subject="b", text="fast clock")
    by_id = {m["id"]: m for m in member("duty-officer").messages(CH)}
    assert by_id[on_time.id]["clock_flagged"] is False
    assert by_id[skewed.id]["clock_flagged"] is True
    assert 3500 <= by_id[skewed.id]["clock_skew_s"] <= 3700
    # The deadline runs from the server's time, not the author's.
    assert by_id[skewed.id]["ack_deadline"] == by_id[on_time.id]["ack_deadline"]
    entries = {e["entry"]["header"]["id"]: e for e in member("duty-officer").entries(CH)}
    assert entries[skewed.id]["clock_flagged"] and not entries[on_time.id]["clock_flagged"]
