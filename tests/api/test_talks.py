"""Meetings, agenda, minutes and commitments through the API and SDK, with timers."""

from __future__ import annotations

import pytest

from parley.cli import story
from parley.client import ApiError
from parley.errors import ParleyError, VerificationError
from parley.service import Settings, audit, build

CH = story.CHANNEL
MEETING = "wg-2023-03-01"
AGENDA = [{"id": t["id"], "topic": t["id"], "title": t["title"]} for t in story.MANDATE]


@pytest.fixture
def channel(member, charter, services):
    full = {**charter, "server_key": services.server_key.public.to_b64()}
    member("commander").create_channel(CH, full)
    member("artsakh-head").accept_charter(CH)
    member("azerbaijan-head").accept_charter(CH)
    return CH


@pytest.fixture
def agreed(member, channel):
    pid, _ = member("duty-officer").talks.propose(
        CH,
        MEETING,
        start="2023-03-01T11:00:00+04:00",
        venue="Peacekeeping mission headquarters",
        agenda=AGENDA,
    )
    member("artsakh-head").talks.answer(CH, MEETING, True)
    member("azerbaijan-head").talks.answer(CH, MEETING, True)
    return pid


def test_meeting_agenda_minutes_through_the_api(member, agreed, services, clock):
    t = member("artsakh-member").talks
    m = t.meeting(CH, MEETING)
    assert m["status"] == "agreed" and all(i["on_agenda"] for i in m["items"])
    az, ar, med = (
        member("azerbaijan-head").talks,
        member("artsakh-head").talks,
        member("duty-officer").talks,
    )
    az.raise_item(
        CH,
        MEETING,
        "integration",
        "Integration",
        "Issues of the reintegration of the Armenian population",
        topic="integration",
    )
    with pytest.raises(ApiError) as exc:
        az.answer_item(CH, MEETING, "integration", True)
    assert exc.value.code == "agenda.off_mandate"
    ar.answer_item(CH, MEETING, "integration", False, "Outside the mandate of the working groups")
    item = next(i for i in t.meeting(CH, MEETING)["items"] if i["id"] == "integration")
    assert (
        not item["in_mandate"]
        and not item["on_agenda"]
        and item["declined_by"]["artsakh"]["reason"].startswith("Outside")
    )
    items = [{"item": a["id"], "summary": a["title"], "outcome": "agreed"} for a in AGENDA]
    v, _ = med.draft_minutes(CH, MEETING, items)
    assert v == 1
    items[0]["outcome"] = "agreed: uninterrupted supply"
    v, _ = med.draft_minutes(CH, MEETING, items)
    assert v == 2
    for head in ("artsakh-head", "azerbaijan-head", "commander"):
        member(head).talks.sign_minutes(CH, MEETING, 2)
    mins = t.minutes(CH, MEETING)
    assert mins["agreed_version"] == 2 and mins["versions"][0]["signed_by"] == {}
    assert any("uninterrupted supply" in line for line in t.minutes_diff(CH, MEETING, 1, 2))
    with pytest.raises(ParleyError) as exc:
        ar.sign_minutes(CH, MEETING, 3)  # the SDK refuses before sending
    assert exc.value.code == "minutes.unknown_version"
    with pytest.raises(ApiError) as exc:  # and so does the server
        ar.c.submit(
            ar.c.build_unchecked(
                CH,
                "minutes.signed",
                {"meeting": MEETING, "version": 3, "digest": mins["versions"][1]["digest"]},
            )
        )
    assert exc.value.code == "minutes.unknown_version" and exc.value.status == 404
    with pytest.raises(ApiError) as exc:
        member("artsakh-member").talks.sign_minutes(CH, MEETING, 2)
    assert exc.value.code == "minutes.not_head"
    nxt = t.next_meeting(CH)  # 09:00 in Stepanakert: the 11:00 meeting is still ahead
    assert nxt["answer"] == "agreed" and nxt["next"] == MEETING
    clock.advance(hours=3)
    nxt = t.next_meeting(CH)
    assert (
        nxt["answer"] == "never_proposed" and "No meeting after wg-2023-03-01" in nxt["explanation"]
    )
    assert audit(services.store, services.server_key.public).ok


def test_an_agreed_next_meeting_is_the_next_meeting_until_it_has_taken_place(member, agreed, clock):
    """Issue 17: the next meeting was computed after the latest *agreed* meeting, so once
    the next one was agreed the answer became "never proposed"."""
    med, t = member("duty-officer").talks, member("azerbaijan-member").talks
    clock.advance(hours=8)  # the first meeting is over
    med.propose(CH, "second", start="2023-03-15T11:00:00+04:00", venue="Goris", agenda=AGENDA)
    med.propose(CH, "third", start="2023-04-02T11:00:00+04:00", venue="Lachin", agenda=AGENDA)
    nxt = t.next_meeting(CH)
    assert nxt["answer"] == "proposed_not_agreed" and nxt["next"] == "second"
    assert nxt["after"] == MEETING and "Goris" in nxt["explanation"]
    for head in ("artsakh-head", "azerbaijan-head"):
        member(head).talks.answer(CH, "third", True)
    nxt = t.next_meeting(CH)  # agreed wins over an earlier proposal nobody accepted
    assert nxt["answer"] == "agreed" and nxt["next"] == "third" and "Lachin" in nxt["explanation"]
    assert [m["id"] for m in nxt["meetings"]] == ["second", "third"]
    assert t.next_meeting(CH, after="second")["next"] == "third"
    clock.advance(days=40)  # both dates have passed
    nxt = t.next_meeting(CH)
    assert nxt["answer"] == "never_proposed" and nxt["after"] == "third"
    with pytest.raises(ApiError) as exc:
        t.next_meeting(CH, after="no-such-meeting")
    assert exc.value.code == "meeting.unknown"


def test_counter_and_superseded_acceptance(member, channel):
    med, ar, az = (
        member("duty-officer").talks,
        member("artsakh-head").talks,
        member("azerbaijan-head").talks,
    )
    p1, _ = med.propose(
        CH, "second", start="2023-03-10T11:00:00+04:00", venue="Mission HQ", agenda=AGENDA
    )
    p2, _ = az.counter(CH, "second", venue="Yevlakh", format="direct")
    m = med.meeting(CH, "second")
    assert m["current"] == p2 and m["proposals"][0]["superseded_by"] == p2
    stale = next(p for p in m["proposals"] if p["id"] == p1)
    with pytest.raises(ApiError) as exc:
        ar.c.submit(
            ar.c.build_unchecked(
                CH, "meeting.accepted", {"proposal": p1, "digest": stale["digest"]}
            )
        )
    assert exc.value.code == "meeting.superseded" and exc.value.status == 409
    nxt = ar.next_meeting(CH)
    assert nxt["answer"] == "proposed_not_agreed" and "Yevlakh" in nxt["explanation"]


def test_timers_remind_escalate_and_never_duplicate(
    member, agreed, services, clock, tmp_path, db_url
):
    az = member("azerbaijan-head").talks
    member("commander").talks.add_commitment(
        CH,
        "inform-results",
        owner="azerbaijan",
        text="Inform the other party of the results through the mission",
        due={"days": 5, "after_meeting": MEETING},
        meeting=MEETING,
    )
    [c] = az.commitments(CH)
    assert c["state"] == "open" and c["due"] == "2023-03-06T07:00:00.000Z"
    assert services.timers.tick() == []
    clock.advance(days=4, hours=12)  # 2023-03-05 17:00 UTC: within a day of the due date
    assert [w["kind"] for w in services.timers.tick()] == ["timer.reminder"]
    assert services.timers.tick() == []
    assert az.commitments(CH)[0]["state"] == "due_soon"
    clock.advance(days=1)
    # A restarted server (fresh process state) escalates once, and never repeats the reminder.
    fresh = build(Settings(tmp_path / "data", db_url=db_url), clock=clock)
    written = fresh.timers.tick()
    assert [w["kind"] for w in written] == ["timer.overdue"]
    assert fresh.timers.tick() == [] and services.timers.tick() == []
    overdue = az.commitments(CH, overdue=True)
    assert [x["id"] for x in overdue] == ["inform-results"] and overdue[0]["escalated_seq"]
    az.report(CH, "inform-results", "Reported; response conveyed through the mission")
    with pytest.raises(ApiError) as exc:
        az.confirm(CH, "inform-results")
    assert exc.value.code == "commitment.own"
    member("artsakh-head").talks.confirm(CH, "inform-results", "Received through the mission")
    assert az.commitments(CH)[0]["state"] == "confirmed"
    assert audit(services.store, services.server_key.public).ok
    fresh.store.engine.dispose()


def test_unacknowledged_message_is_escalated_once(
    member, channel, services, clock, tmp_path, db_url
):
    """Silence is recorded as an event: past the deadline, the server's timer writes one
    escalation for the duty officer; acknowledged messages are never escalated."""
    a = member("artsakh-member")
    flash, _ = a.send(CH, to="azerbaijan", subject="Flash", text="answer now", priority="flash")
    answered, _ = a.send(CH, to="azerbaijan", subject="Routine", text="later", priority="routine")
    member("azerbaijan-head").acknowledge(CH, answered.id)
    clock.advance(seconds=299)
    assert services.timers.tick() == []
    clock.advance(seconds=2)
    [w] = services.timers.tick()
    assert w["kind"] == "timer.unacknowledged" and w["object"] == flash.id
    fresh = build(Settings(tmp_path / "data", db_url=db_url), clock=clock)
    assert fresh.timers.tick() == [] and services.timers.tick() == []
    msgs = {m["id"]: m for m in member("duty-officer").messages(CH)}
    assert msgs[flash.id]["escalated_at"] and msgs[flash.id]["overdue"]
    assert msgs[answered.id]["escalated_at"] is None
    assert audit(services.store, services.server_key.public).ok
    fresh.store.engine.dispose()


def test_communication_checks_and_health(member, charter, services, clock, tmp_path, db_url):
    full = {
        **charter,
        "server_key": services.server_key.public.to_b64(),
        "check_interval": 3600,
        "daily_check_hour": 7,
    }
    member("commander").create_channel(CH, full)
    member("artsakh-head").accept_charter(CH)
    member("azerbaijan-head").accept_charter(CH)
    ar, az = member("artsakh-member").talks, member("azerbaijan-member").talks
    clock.advance(hours=1)  # 06:00 UTC
    assert [w["kind"] for w in services.timers.tick()] == ["timer.check"]
    assert services.timers.tick() == []
    assert ar.answer_checks(CH) == [1]
    clock.advance(hours=1)  # 07:00 UTC: the daily check, which a person must confirm
    services.timers.tick()
    assert ar.answer_checks(CH) == []  # an automatic answer does not do for it
    assert member("artsakh-head").talks.answer_checks(CH, personal=True) == [2]
    clock.advance(hours=1)  # 08:00
    fresh = build(Settings(tmp_path / "data", db_url=db_url), clock=clock)
    assert [w["kind"] for w in fresh.timers.tick()] == ["timer.check"]
    assert services.timers.tick() == []
    assert ar.answer_checks(CH) == [3]
    assert az.answer_checks(CH) == [1, 3]  # check 1 answered too late; check 2 needs a person
    clock.advance(hours=1)  # 09:00: checks 1-3 are closed
    h = az.health(CH)["parties"]
    assert h["artsakh"] == {"checks": 3, "answered": 3, "availability": 1.0, "missed": []}
    assert h["azerbaijan"]["answered"] == 1 and [m["check"] for m in h["azerbaijan"]["missed"]] == [
        1,
        2,
    ]
    assert h["azerbaijan"]["missed"][1]["personal"] is True
    assert audit(services.store, services.server_key.public).ok
    fresh.store.engine.dispose()


class _Gateway:
    """A real HTTP endpoint standing in for a pager/SMS gateway."""

    def __init__(self) -> None:
        import http.server
        import threading

        got = self.got = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                got.append((dict(self.headers), body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/notify"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def test_escalation_notifies_the_duty_officer_and_the_alternate(
    member, channel, services, clock, people
):
    """The charter names the duty officer and the commander as escalation contacts: the
    escalation entry records both, and a signed notice without the message's text goes
    to the gateway."""
    import json

    from parley.crypto.keys import unb64
    from parley.service.notify import Webhooks

    gateway = _Gateway()
    hooks = Webhooks(
        [gateway.url, "http://127.0.0.1:9/down"], services.server_key, attempts=2, backoff=0.01
    )
    hooks.start()
    services.timers.on_escalation.append(hooks)
    a = member("artsakh-member")
    flash, _ = a.send(CH, to="azerbaijan", subject="Flash", text="secret words", priority="flash")
    clock.advance(minutes=6)
    [w] = services.timers.tick()
    [row] = services.store.entries(CH, w["seq"] - 1, 1)
    contacts = [people["duty-officer"].key_id, people["commander"].key_id]
    assert row.type == "timer.unacknowledged" and json.loads(row.body)["notify"] == contacts
    hooks.queue.join()
    gateway.server.shutdown()
    assert hooks.delivered == 1 and hooks.failed == 1  # the dead URL is retried, then logged
    [(headers, body)] = gateway.got
    signature = unb64(headers["Parley-Signature"])
    services.server_key.public.verify(b"parley/notify/v1\n" + body, signature)
    with pytest.raises(VerificationError):  # the bare body is not what was signed
        services.server_key.public.verify(body, signature)
    notice = json.loads(body)
    assert notice["type"] == "parley.escalation" and notice["message"] == flash.id
    assert [p["key_id"] for p in notice["notify"]] == contacts
    assert b"secret words" not in body and b"Flash" not in body


def test_a_timer_entry_must_name_the_charters_contacts(member, channel, services, clock, people):
    from parley.crypto.digest import new_salt
    from parley.errors import InvalidInput
    from parley.model.entry import make_entry
    from parley.model.ids import new_entry_id

    a = member("artsakh-member")
    flash, _ = a.send(CH, to="azerbaijan", subject="Flash", text="x", priority="flash")
    clock.advance(minutes=6)
    key = services.server_key
    [msg] = a.messages(CH)
    forged = make_entry(
        key,
        channel=CH,
        type="timer.unacknowledged",
        body={"message": flash.id, "deadline": msg["ack_deadline"], "notify": []},
        time=clock.now(),
        entry_id=new_entry_id(),
        salt=new_salt(),
    )
    before = services.store.count_entries(CH)
    with pytest.raises(InvalidInput) as exc:
        services.appender.submit(forged.to_json(), key.key_id)
    assert exc.value.code == "timer.bad_notify"
    assert services.store.count_entries(CH) == before


def test_escalation_contacts_must_be_on_the_mediators_side(member, charter, people):
    bad = {**charter, "escalation_contacts": [people["artsakh-head"].key_id]}
    with pytest.raises(ApiError) as exc:
        member("commander").create_channel(CH, bad)
    assert exc.value.code == "charter.bad_contact"
