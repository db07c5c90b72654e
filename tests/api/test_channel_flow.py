"""The API end to end through the SDK, in-process, on every storage back-end."""

from __future__ import annotations

from parley.cli import story
from parley.client import LogVerifier
from parley.service import audit

CH = story.CHANNEL


def test_story_messages_with_receipts(member, active_channel, services, clock):
    sender, recipient, head = (
        member("artsakh-member"),
        member("azerbaijan-member"),
        member("azerbaijan-head"),
    )
    entry, receipt = sender.send(
        CH, to="azerbaijan", subject="Gas", text="Gas supply", priority="urgent", topic="gas-supply"
    )
    assert receipt.seq == 4
    [m] = sender.messages(CH)
    assert m["status"] == "relayed" and not m["overdue"]
    assert recipient.mark_delivered(CH) == [entry.id]
    assert recipient.mark_delivered(CH) == []  # once per member
    assert sender.messages(CH)[0]["status"] == "delivered"
    head.acknowledge(CH, entry.id, "Received")
    reply, _ = head.send(CH, to="artsakh", subject="Re", text="ok", reply_to=entry.id)
    m = sender.messages(CH)[0]
    assert m["status"] == "answered" and m["answered_by"] == reply.id
    assert [r["kind"] for r in m["receipts"]] == ["delivered", "acknowledged"]
    report = audit(services.store, services.server_key.public)
    assert report.ok, report.problems


def test_overdue_is_visible_after_the_deadline(member, active_channel, clock):
    sender = member("artsakh-member")
    sender.send(CH, to="azerbaijan", subject="Flash", text="now", priority="flash")
    assert not sender.messages(CH)[0]["overdue"]
    clock.advance(seconds=301)
    assert sender.messages(CH)[0]["overdue"]


def test_visibility_of_messages_between_a_party_and_the_mediator(member, active_channel):
    a, z, med = member("artsakh-head"), member("azerbaijan-head"), member("duty-officer")
    e, _ = a.send(CH, to="peacekeepers", subject="Private", text="only for the mediator")
    assert [m["id"] for m in med.messages(CH)] == [e.id]
    assert a.messages(CH)[0]["id"] == e.id
    assert z.messages(CH) == []
    # The other party sees the header (for log verification) but not the body.
    items = {i["entry"]["header"]["id"]: i for i in z.entries(CH)}
    assert items[e.id]["entry"]["body"] is None and items[e.id]["entry"]["salt"] is None
    assert "only for the mediator" not in str(z.entries(CH))
    # ... and can still verify the whole log.
    v = LogVerifier(CH, z.server_key())
    z.sync(CH, v)
    z.verify_root(CH, v)
    assert v.size == 4


def test_idempotent_retry_returns_original_receipt(member, active_channel, http):
    a = member("artsakh-head")
    entry = a.build_unchecked(
        CH,
        "message.sent",
        {"to": "azerbaijan", "priority": "routine", "subject": "s", "text": "t", "language": "en"},
    )
    first = a.submit(entry)
    again = a.submit(entry)
    assert again == first
    assert a.channel(CH)["tree_size"] == first.seq
    assert len(a.messages(CH)) == 1


def test_channel_view_and_my_channels(member, active_channel):
    a = member("artsakh-member")
    view = a.channel(CH)
    assert view["status"] == "active"
    assert {s["id"] for s in view["sides"]} == {"peacekeepers", "artsakh", "azerbaijan"}
    assert [c["channel"] for c in a.channels()] == [CH]


def test_sync_detects_a_server_that_lies_about_membership(member, active_channel):
    """The client learns keys from the log itself, not from the server's view."""
    a = member("artsakh-head")
    v = LogVerifier(CH, a.server_key())
    a.sync(CH, v)
    assert set(v.ring.active) == {
        k for s in a.channel(CH)["sides"] for k in (m["key_id"] for m in s["members"])
    }
