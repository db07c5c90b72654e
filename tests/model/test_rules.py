"""The pure core: channel rules and folding, with no database and no network."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.cli import story
from parley.crypto import SigningKey
from parley.crypto.digest import new_salt
from parley.errors import Conflict, InvalidInput, NotFound, ParleyError, Rejected, VerificationError
from parley.model import (
    ChannelState,
    ChannelStatus,
    Disclosure,
    Entry,
    LoggedEntry,
    MessageStatus,
    apply,
    charter_digest,
    fold,
    make_entry,
)
from parley.model.ids import ChannelId, EntryId
from parley.model.messages import MESSAGES, RECEIPTS

T0 = datetime(2023, 3, 1, 5, 0, tzinfo=UTC)
CH = ChannelId(story.CHANNEL)
KEYS = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
CHARTER = story.charter({s: k.public.to_b64() for s, k in KEYS.items()})


class Log:
    """Builds a channel's log in memory, entry by entry, through the real rules."""

    def __init__(self) -> None:
        self.state = ChannelState(channel_id=CH)
        self.entries: list[LoggedEntry] = []
        self.t = T0

    def make(
        self,
        who: str,
        type: str,
        body: dict,
        refs=(),
        disclosure=Disclosure.CONFIDENTIAL,
        channel=CH,
    ) -> Entry:
        return make_entry(
            KEYS[who],
            channel=channel,
            type=type,
            body=body,
            time=self.t,
            entry_id=EntryId(str(uuid.uuid4())),
            refs=tuple(refs),
            disclosure=disclosure,
            salt=new_salt(),
        )

    def add(self, entry: Entry) -> Entry:
        self.t += timedelta(seconds=1)
        logged = LoggedEntry(self.state.size + 1, entry, self.t)
        self.state, _ = apply(self.state, logged)
        self.entries.append(logged)
        return entry

    def do(self, who: str, type: str, body: dict, **kw) -> Entry:
        return self.add(self.make(who, type, body, **kw))

    def active(self) -> Log:
        self.do("commander", "channel.created", CHARTER)
        digest = charter_digest(CHARTER)
        self.do("artsakh-head", "charter.accepted", {"charter_digest": digest})
        self.do("azerbaijan-head", "charter.accepted", {"charter_digest": digest})
        return self

    def send(self, who: str, to: str, **extra) -> Entry:
        body = {
            "to": to,
            "priority": "urgent",
            "subject": "s",
            "text": "t",
            "language": "en",
            **extra,
        }
        return self.do(who, "message.sent", body)


def rejected(log: Log, entry: Entry) -> ParleyError:
    before = (log.state.size, len(log.state[MESSAGES]), len(log.state[RECEIPTS]), log.state.status)
    with pytest.raises(ParleyError) as exc:
        log.add(entry)
    assert (
        log.state.size,
        len(log.state[MESSAGES]),
        len(log.state[RECEIPTS]),
        log.state.status,
    ) == before
    return exc.value


def test_channel_becomes_active_only_when_both_heads_accept():
    log = Log()
    log.do("commander", "channel.created", CHARTER)
    assert log.state.status is ChannelStatus.PENDING
    log.do("artsakh-head", "charter.accepted", {"charter_digest": charter_digest(CHARTER)})
    assert log.state.status is ChannelStatus.PENDING
    log.do("azerbaijan-head", "charter.accepted", {"charter_digest": charter_digest(CHARTER)})
    assert log.state.status is ChannelStatus.ACTIVE
    assert set(log.state.mandate) == {t["id"] for t in story.MANDATE}


def test_acceptance_of_another_charter_is_rejected():
    log = Log()
    log.do("commander", "channel.created", CHARTER)
    other = dict(CHARTER, title="something else")
    e = rejected(
        log, log.make("artsakh-head", "charter.accepted", {"charter_digest": charter_digest(other)})
    )
    assert e.code == "charter.digest_mismatch"


@pytest.mark.parametrize(
    "who,code", [("artsakh-member", "charter.not_head"), ("duty-officer", "charter.not_head")]
)
def test_only_party_heads_accept(who, code):
    log = Log()
    log.do("commander", "channel.created", CHARTER)
    assert (
        rejected(
            log, log.make(who, "charter.accepted", {"charter_digest": charter_digest(CHARTER)})
        ).code
        == code
    )


def test_nothing_but_acceptance_before_active():
    log = Log()
    log.do("commander", "channel.created", CHARTER)
    e = log.make(
        "artsakh-head",
        "message.sent",
        {"to": "azerbaijan", "priority": "routine", "subject": "s", "text": "t", "language": "en"},
    )
    assert rejected(log, e).code == "channel.not_active"


def test_party_cannot_create_channel():
    log = Log()
    assert (
        rejected(log, log.make("artsakh-head", "channel.created", CHARTER)).code
        == "charter.not_mediator"
    )


def test_message_lifecycle_relayed_delivered_acknowledged_answered():
    log = Log().active()
    m = log.send("artsakh-member", "azerbaijan", topic="gas-supply")

    def msg():  # the state is immutable: each step makes a new one
        return log.state[MESSAGES][m.id]

    first = msg()
    assert first.status is MessageStatus.RELAYED
    assert first.ack_deadline == first.relayed_at + timedelta(seconds=3600)
    log.do("azerbaijan-member", "receipt.delivered", {"message": m.id})
    assert msg().status is MessageStatus.DELIVERED
    assert first.status is MessageStatus.RELAYED  # an earlier state never changes
    log.do("azerbaijan-head", "receipt.acknowledged", {"message": m.id})
    assert msg().status is MessageStatus.ACKNOWLEDGED
    assert not msg().overdue(msg().ack_deadline + timedelta(hours=1))
    log.send("azerbaijan-head", "artsakh", reply_to=m.id)
    assert msg().status is MessageStatus.ANSWERED


def test_unacknowledged_message_is_overdue_after_deadline():
    log = Log().active()
    m = log.send("artsakh-member", "azerbaijan", priority="flash")
    msg = log.state[MESSAGES][m.id]
    assert msg.ack_deadline - msg.relayed_at == timedelta(seconds=300)
    assert not msg.overdue(msg.ack_deadline)
    assert msg.overdue(msg.ack_deadline + timedelta(milliseconds=1))


def test_receipts_rules():
    log = Log().active()
    m = log.send("artsakh-member", "peacekeepers")
    # The other party cannot see a message to the mediator: same answer as "no such message".
    e = rejected(log, log.make("azerbaijan-head", "receipt.delivered", {"message": m.id}))
    assert isinstance(e, NotFound) and e.code == "message.unknown"
    # The sender side sees it but is not the recipient.
    assert (
        rejected(log, log.make("artsakh-head", "receipt.acknowledged", {"message": m.id})).code
        == "receipt.not_recipient"
    )
    log.do("duty-officer", "receipt.delivered", {"message": m.id})
    e = rejected(log, log.make("duty-officer", "receipt.delivered", {"message": m.id}))
    assert isinstance(e, Conflict) and e.code == "receipt.duplicate"
    unknown = str(uuid.uuid4())
    assert (
        rejected(log, log.make("duty-officer", "receipt.delivered", {"message": unknown})).code
        == "message.unknown"
    )


def test_only_mediator_relays_messages_addressed_to_it():
    log = Log().active()
    to_med = log.send("azerbaijan-head", "peacekeepers")
    to_party = log.send("azerbaijan-head", "artsakh")
    assert rejected(
        log,
        log.make(
            "artsakh-head",
            "message.sent",
            {
                "to": "azerbaijan",
                "priority": "routine",
                "subject": "s",
                "text": "t",
                "language": "en",
                "relay_of": to_med.id,
            },
        ),
    ).code in ("message.relay_not_mediator", "message.unknown")
    assert (
        rejected(
            log,
            log.make(
                "duty-officer",
                "message.sent",
                {
                    "to": "azerbaijan",
                    "priority": "routine",
                    "subject": "s",
                    "text": "t",
                    "language": "en",
                    "relay_of": to_party.id,
                },
            ),
        ).code
        == "message.relay_not_addressed"
    )
    relayed = log.send("duty-officer", "artsakh", relay_of=to_med.id)
    assert log.state[MESSAGES][relayed.id].relay_of == to_med.id


def test_topic_must_be_in_mandate():
    log = Log().active()
    e = log.make(
        "azerbaijan-head",
        "message.sent",
        {
            "to": "artsakh",
            "priority": "routine",
            "subject": "s",
            "text": "integration",
            "language": "en",
            "topic": "integration",
        },
    )
    assert rejected(log, e).code == "message.topic_not_in_mandate"


def test_membership_changes_only_by_own_head():
    log = Log().active()
    new = SigningKey.generate()
    spec = {"key": new.public.to_b64(), "name": "New member", "role": "member"}
    assert (
        rejected(
            log, log.make("azerbaijan-head", "member.added", {"side": "artsakh", "member": spec})
        ).code
        == "member.not_head"
    )
    assert (
        rejected(
            log, log.make("artsakh-member", "member.added", {"side": "artsakh", "member": spec})
        ).code
        == "member.not_head"
    )
    log.do("artsakh-head", "member.added", {"side": "artsakh", "member": spec})
    assert log.state.members[new.key_id].active
    # Remove the original member; their key can no longer sign.
    log.do(
        "artsakh-head",
        "member.removed",
        {"side": "artsakh", "key_id": KEYS["artsakh-member"].key_id},
    )
    e = log.make(
        "artsakh-member",
        "message.sent",
        {"to": "azerbaijan", "priority": "routine", "subject": "s", "text": "t", "language": "en"},
    )
    assert rejected(log, e).code == "entry.not_member"
    assert (
        rejected(
            log,
            log.make(
                "artsakh-head",
                "member.removed",
                {"side": "artsakh", "key_id": KEYS["artsakh-head"].key_id},
            ),
        ).code
        == "member.last_head"
    )


def test_key_rotation_retires_the_old_key():
    log = Log().active()
    new = SigningKey.generate()
    log.do(
        "azerbaijan-head",
        "key.rotated",
        {
            "side": "azerbaijan",
            "key_id": KEYS["azerbaijan-member"].key_id,
            "new_key": new.public.to_b64(),
        },
    )
    assert not log.state.members[KEYS["azerbaijan-member"].key_id].active
    assert log.state.members[new.key_id].name == "Azerbaijani working group member"


def test_wrong_channel_duplicate_and_forged_entries():
    log = Log().active()
    other = log.make(
        "artsakh-head",
        "message.sent",
        {"to": "azerbaijan", "priority": "routine", "subject": "s", "text": "t", "language": "en"},
        channel=ChannelId("other-channel"),
    )
    assert rejected(log, other).code == "entry.wrong_channel"
    m = log.send("artsakh-head", "azerbaijan")
    assert rejected(log, m).code == "entry.duplicate"
    good = log.make(
        "artsakh-head",
        "message.sent",
        {"to": "azerbaijan", "priority": "routine", "subject": "s", "text": "t", "language": "en"},
    )
    forged_body = Entry(good.header, good.signature, dict(good.body, text="changed"), good.salt)
    assert isinstance(rejected(log, forged_body), VerificationError)
    sig = bytearray(good.signature)
    sig[0] ^= 1
    assert (
        rejected(log, Entry(good.header, bytes(sig), good.body, good.salt)).code
        == "entry.bad_signature"
    )
    # Signed by someone else's key while naming the head as author.
    impostor = make_entry(
        KEYS["azerbaijan-head"],
        channel=CH,
        type="message.sent",
        body=good.body,
        time=T0,
        entry_id=EntryId(str(uuid.uuid4())),
        salt=new_salt(),
    )
    from dataclasses import replace

    forged = Entry(
        replace(impostor.header, author=KEYS["artsakh-head"].key_id),
        impostor.signature,
        impostor.body,
        impostor.salt,
    )
    assert rejected(log, forged).code == "entry.bad_signature"


def test_unknown_fields_and_types_are_refused():
    log = Log().active()
    e = log.make(
        "artsakh-head",
        "message.sent",
        {
            "to": "azerbaijan",
            "priority": "routine",
            "subject": "s",
            "text": "t",
            "language": "en",
            "extra": 1,
        },
    )
    err = rejected(log, e)
    assert isinstance(err, InvalidInput) and err.code == "entry.unknown_field"
    assert (
        rejected(log, log.make("artsakh-head", "message.deleted", {})).code == "entry.unknown_type"
    )
    e = log.make(
        "artsakh-head",
        "message.sent",
        {"to": "azerbaijan", "priority": "whenever", "subject": "s", "text": "t", "language": "en"},
    )
    assert rejected(log, e).code == "entry.invalid_body"


def test_entries_cannot_be_more_open_than_the_charter_default():
    log = Log().active()
    e = log.make(
        "artsakh-head",
        "message.sent",
        {"to": "azerbaijan", "priority": "routine", "subject": "s", "text": "t", "language": "en"},
        disclosure=Disclosure.PUBLIC,
    )
    assert rejected(log, e).code == "disclosure.too_open"


def test_refs_must_exist():
    log = Log().active()
    e = log.make(
        "artsakh-head",
        "message.sent",
        {"to": "azerbaijan", "priority": "routine", "subject": "s", "text": "t", "language": "en"},
        refs=[str(uuid.uuid4())],
    )
    assert rejected(log, e).code == "entry.unknown_ref"


def test_out_of_order_sequence_is_rejected():
    log = Log().active()
    e = log.make(
        "artsakh-head",
        "message.sent",
        {"to": "azerbaijan", "priority": "routine", "subject": "s", "text": "t", "language": "en"},
    )
    with pytest.raises(Rejected) as exc:
        apply(log.state, LoggedEntry(log.state.size + 2, e, T0))
    assert exc.value.code == "log.out_of_order"


ACTIONS = ["send", "deliver", "ack", "reply"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(ACTIONS), st.sampled_from(["artsakh", "azerbaijan"]), st.integers(0, 5)
        ),
        max_size=25,
    )
)
def test_folding_is_deterministic_and_every_state_is_valid(actions):
    """Random sequences of actions: accepted entries refold to the same state, and the
    invariants hold after every step (status order, deadlines, receipts by recipients)."""
    log = Log().active()
    heads = {"artsakh": "artsakh-head", "azerbaijan": "azerbaijan-head"}
    members = {"artsakh": "artsakh-member", "azerbaijan": "azerbaijan-member"}
    other = {"artsakh": "azerbaijan", "azerbaijan": "artsakh"}
    for action, side, pick in actions:
        msgs = [m for m in log.state[MESSAGES].values() if m.to == side]
        try:
            if action == "send" or not msgs:
                log.send(members[side], other[side])
            else:
                target = msgs[pick % len(msgs)]
                if action == "deliver":
                    log.do(members[side], "receipt.delivered", {"message": target.id})
                elif action == "ack":
                    log.do(heads[side], "receipt.acknowledged", {"message": target.id})
                else:
                    log.send(heads[side], other[side], reply_to=target.id)
        except (Conflict, Rejected):
            pass
        for m in log.state[MESSAGES].values():
            if m.acknowledged_at is not None:
                assert m.delivered_at is not None and m.delivered_at <= m.acknowledged_at
            for rid in m.receipts:
                assert log.state[RECEIPTS][rid].side == m.to
    refolded = fold(CH, log.entries)
    # The whole state, not only sizes: every table, every value.
    assert refolded == log.state


def test_fold_of_story_log_is_order_sensitive():
    log = Log().active()
    log.send("artsakh-head", "azerbaijan")
    for a, b in itertools.combinations(range(len(log.entries)), 2):
        swapped = list(log.entries)
        swapped[a], swapped[b] = swapped[b], swapped[a]
        with pytest.raises(ParleyError):
            fold(CH, swapped)


def test_leaf_data_is_the_canonical_signed_header():
    """The fast leaf encoding equals RFC 8785 of {"header", "signature"} exactly."""
    from parley.crypto.canonical import canonical_json
    from parley.crypto.keys import b64

    log = Log().active()
    for logged in log.entries:
        e = logged.entry
        assert e.leaf_data() == canonical_json(
            {"header": e.header.to_json(), "signature": b64(e.signature)}
        )


def test_time_format_is_strict():
    from parley.model.clock import format_time, parse_time

    t = datetime(2023, 3, 1, 5, 0, 0, 123456, tzinfo=UTC)
    assert format_time(t) == "2023-03-01T05:00:00.123Z"
    assert parse_time("2023-03-01T05:00:00.123Z") == t.replace(microsecond=123000)
    for bad in [
        "2023-02-30T00:00:00.000Z",
        "2023-03-01T05:00:00Z",
        "2023-03-01T05:00:00.000+00:00",
        "",
        "x",
    ]:
        with pytest.raises(InvalidInput):
            parse_time(bad)
    with pytest.raises(InvalidInput):
        format_time(datetime(2023, 3, 1))


@given(
    st.text(max_size=20),
    st.integers(0, 2**40),
    st.binary(min_size=32, max_size=32),
    st.text(max_size=30),
)
def test_relay_message_is_rfc8785(channel, seq, leaf, received):
    from parley.crypto.canonical import canonical_json
    from parley.crypto.keys import b64
    from parley.model.relay import RELAY_PREFIX, relay_message

    entry_id = str(uuid.uuid4())
    expected = RELAY_PREFIX + canonical_json(
        {"channel": channel, "seq": seq, "id": entry_id, "leaf": b64(leaf), "received": received}
    )
    assert relay_message(channel, seq, entry_id, leaf, received) == expected
