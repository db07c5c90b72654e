"""The statement checker resolves every form of an agreed name to the same place: a
meeting recorded "in Tarnmouth" is the meeting a claim puts "in Lower Tarn", and a place
the glossary does not make the same stays a different place. Two channels that share
nothing: a river-basin commission, and a border commission with other names."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from parley.claims import build_record, check_statement
from parley.crypto import SigningKey
from parley.crypto.digest import new_salt
from parley.model import ChannelState, LoggedEntry, apply, charter_digest, make_entry
from parley.model.ids import ChannelId, EntryId
from parley.model.meetings import proposal_digest

T0 = datetime(2031, 5, 4, 6, 0, tzinfo=UTC)

CHANNELS = {
    "basin": {
        "sides": (("mission", "Basin mission"), ("north", "North"), ("south", "South")),
        "term": {
            "id": "tarn-town",
            "kind": "place",
            "names": {"en": "Tarn Mouth", "ru": "Устье Тарна"},
            "forms": {"north": {"en": "Tarnmouth"}, "south": {"en": "Lowtarn", "ru": "Лоутарн"}},
        },
        "venue": "Tarnmouth",
        "same": ["The meeting on 10 May was held in Lowtarn.", "On 10 May they met in Tarn Mouth."],
        "other": "The meeting on 10 May was held in Tarnmouth.",
    },
    "border": {
        "sides": (("envoy", "Envoy's office"), ("east", "East"), ("west", "West")),
        "term": {
            "id": "river-crossing",
            "kind": "place",
            "names": {"en": "Kessel crossing"},
            "forms": {"east": {"en": "Kesselbrück"}, "west": {"en": "Kazanovo"}},
        },
        "venue": "Kazanovo",
        "same": [
            "On 10 May the sides met at Kesselbrück.",
            "The 10 May meeting took place in Kesselbrück.",
        ],
        "other": "The 10 May meeting took place in Kazanovo.",
    },
}


def record_of(which: str, with_glossary: bool = True):
    spec = CHANNELS[which]
    keys = {s: SigningKey.generate() for s, _ in spec["sides"]}
    sides = [
        {
            "id": s,
            "name": name,
            "kind": "mediator" if i == 0 else "party",
            "members": [
                {"key": keys[s].public.to_b64(), "name": f"Head of {name}", "role": "head"}
            ],
        }
        for i, (s, name) in enumerate(spec["sides"])
    ]
    charter = {
        "title": f"{which} commission",
        "sides": sides,
        "mandate": [{"id": "water", "title": "Water"}],
        "ack_deadlines": {"flash": 600, "urgent": 7200, "routine": 86400},
    }
    if with_glossary:
        charter["glossary"] = [spec["term"]]
    state = ChannelState(channel_id=ChannelId(which))
    t = T0

    def do(side: str, type: str, body: dict) -> EntryId:
        nonlocal state, t
        entry = make_entry(
            keys[side],
            channel=state.channel_id,
            type=type,
            body=body,
            time=t,
            entry_id=EntryId(str(uuid.uuid4())),
            salt=new_salt(),
        )
        t += timedelta(seconds=1)
        state, _ = apply(state, LoggedEntry(state.size + 1, entry, t))
        return entry.header.id

    mediator, a, b = (s for s, _ in spec["sides"])
    do(mediator, "channel.created", charter)
    for head in (a, b):
        do(head, "charter.accepted", {"charter_digest": charter_digest(charter)})
    proposal = {
        "meeting": "m-1",
        "start": "2031-05-10T10:00:00+04:00",
        "venue": spec["venue"],
        "format": "chaired",
        "agenda": [{"id": "i-1", "topic": "water", "title": "Water releases"}],
    }
    pid = do(mediator, "meeting.proposed", proposal)
    for head in (a, b):
        do(head, "meeting.accepted", {"proposal": pid, "digest": proposal_digest(proposal)})
    do(mediator, "meeting.held", {"meeting": "m-1", "started": "2031-05-10T10:05:00+04:00"})
    return build_record(state, public_only=False, as_of=t)


def verdict(statement: str, record) -> str:
    [v] = check_statement(statement, record)
    return v.verdict


@pytest.mark.parametrize("which", sorted(CHANNELS))
def test_every_form_of_a_place_is_the_same_place(which):
    record = record_of(which)
    for statement in CHANNELS[which]["same"]:
        assert verdict(statement, record) == "supported", statement
    assert verdict(CHANNELS[which]["other"], record) == "supported"


@pytest.mark.parametrize("which", sorted(CHANNELS))
def test_without_the_glossary_the_other_sides_name_is_not_the_venue(which):
    record = record_of(which, with_glossary=False)
    for statement in CHANNELS[which]["same"]:
        assert verdict(statement, record) != "supported", statement


@pytest.mark.parametrize("which", sorted(CHANNELS))
def test_a_place_the_glossary_does_not_join_stays_different(which):
    record = record_of(which)
    assert verdict("The meeting on 10 May was held in Vienna.", record) != "supported"
