"""Agreed names (the glossary), translations and minutes in several languages, in the
pure core — on two channels that share nothing: the demo's, and a river-basin commission
whose sides call one town by two names."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.cli import story
from parley.crypto import SigningKey
from parley.crypto.digest import new_salt, text_digest
from parley.errors import ParleyError
from parley.model import ChannelState, LoggedEntry, apply, charter_digest, make_entry
from parley.model.glossary import GLOSSARY, PENDING, fold, name_for, resolve, term_digest
from parley.model.ids import ChannelId, EntryId
from parley.model.meetings import proposal_digest
from parley.model.messages import MESSAGES
from parley.model.minutes import MINUTES, diff
from parley.model.registry import TYPES
from parley.model.translations import TRANSLATIONS
from parley.service.channels import Viewer, may_read

T0 = datetime(2031, 5, 4, 6, 0, tzinfo=UTC)


def basin_people() -> list[tuple[str, str, str, str]]:
    return [
        ("chair", "mission", "head", "Ilse Varga"),
        ("officer", "mission", "member", "Tomas Reed"),
        ("north-head", "north", "head", "Arvo Lind"),
        ("north-member", "north", "member", "Kaja Lind"),
        ("south-head", "south", "head", "Bera Holm"),
        ("south-member", "south", "member", "Osk Holm"),
    ]


TOWN = {
    "id": "tarn-town",
    "kind": "place",
    "names": {"en": "the town at the Tarn mouth", "ru": "город в устье Тарна"},
    "forms": {
        "north": {"en": "Tarnmouth", "ru": "Тарнмут"},
        "south": {"en": "Lower Tarn", "ru": "Нижний Тарн"},
    },
}
CITY = {
    "id": "stepanakert",
    "kind": "place",
    "names": {"en": "Stepanakert / Khankendi", "ru": "Степанакерт / Ханкенди"},
    "forms": {
        "artsakh": {"en": "Stepanakert", "hy": "Ստեփանակերտ", "ru": "Степанакерт"},
        "azerbaijan": {"en": "Khankendi", "az": "Xankəndi", "ru": "Ханкенди"},
    },
}


class Channel:
    """A channel of either story: who is who, its charter, and a log to fold into."""

    def __init__(self, which: str) -> None:
        if which == "demo":
            people = [(stem, side, role, name) for stem, side, role, name, _ in story.PEOPLE]
            self.keys = {p[0]: SigningKey.generate() for p in people}
            self.charter = story.charter({s: k.public.to_b64() for s, k in self.keys.items()})
            self.charter["glossary"] = [CITY]
            self.mediator, self.a, self.b = "commander", "artsakh-head", "azerbaijan-head"
            self.a_member, self.b_member = "artsakh-member", "azerbaijan-member"
            self.sides = ("peacekeepers", "artsakh", "azerbaijan")
            self.term, self.a_form, self.b_form = CITY, "Stepanakert", "Khankendi"
        else:
            people = basin_people()
            self.keys = {p[0]: SigningKey.generate() for p in people}
            sides = []
            for side, kind in (("mission", "mediator"), ("north", "party"), ("south", "party")):
                members = [
                    {"key": self.keys[s].public.to_b64(), "name": n, "role": r}
                    for s, sd, r, n in people
                    if sd == side
                ]
                sides.append({"id": side, "name": side.title(), "kind": kind, "members": members})
            self.charter = {
                "title": "Tarn basin water commission",
                "sides": sides,
                "mandate": [{"id": "dam-release", "title": "Dam release schedule"}],
                "ack_deadlines": {"flash": 600, "urgent": 7200, "routine": 86400},
                "glossary": [TOWN],
            }
            self.mediator, self.a, self.b = "chair", "north-head", "south-head"
            self.a_member, self.b_member = "north-member", "south-member"
            self.sides = ("mission", "north", "south")
            self.term, self.a_form, self.b_form = TOWN, "Tarnmouth", "Lower Tarn"
        self.state = ChannelState(channel_id=ChannelId("ch-" + which))
        self.t = T0
        self.do(self.mediator, "channel.created", self.charter)
        for head in (self.a, self.b):
            self.do(head, "charter.accepted", {"charter_digest": charter_digest(self.charter)})

    def do(self, who: str, type: str, body: dict, refs: list[str] | None = None) -> EntryId:
        entry = make_entry(
            self.keys[who],
            channel=self.state.channel_id,
            type=type,
            body=body,
            time=self.t,
            entry_id=EntryId(str(uuid.uuid4())),
            salt=new_salt(),
            refs=tuple(EntryId(r) for r in refs or ()),
        )
        self.t += timedelta(seconds=1)
        self.state, _ = apply(self.state, LoggedEntry(self.state.size + 1, entry, self.t))
        return entry.header.id

    def refused(self, who: str, type: str, body: dict) -> str:
        before = self.state
        with pytest.raises(ParleyError) as exc:
            self.do(who, type, body)
        assert self.state is before
        return exc.value.code


@pytest.fixture(params=["demo", "basin"])
def ch(request: pytest.FixtureRequest) -> Channel:
    return Channel(request.param)


# --- the glossary ---------------------------------------------------------------------------


def test_the_charter_glossary_resolves_every_form_to_one_term(ch: Channel) -> None:
    a, b = ch.sides[1], ch.sides[2]
    for form in (ch.a_form, ch.b_form, ch.term["names"]["en"], ch.a_form.upper()):
        found = resolve(ch.state, form)
        assert found is not None and found.id == ch.term["id"], form
    term = ch.state[GLOSSARY][ch.term["id"]]
    assert name_for(term, "en", a) == ch.a_form
    assert name_for(term, "en", b) == ch.b_form
    assert name_for(term, "en", ch.sides[0]) == ch.term["names"]["en"]  # the mediator
    assert name_for(term, "en", None) == ch.term["names"]["en"]  # the public
    assert name_for(term, "ru", b) == ch.term["forms"][b]["ru"]
    # A language the side gave no form in falls back to the neutral name in it.
    assert name_for(term, "az-Latn", a) == ch.term["names"].get("az", ch.term["names"]["en"])
    assert resolve(ch.state, "Moscow") is None


def test_a_term_changes_only_with_every_party_heads_signature(ch: Channel) -> None:
    new = {**ch.term, "names": {**ch.term["names"], "en": "the city"}}
    ch.do(ch.mediator, "glossary.proposed", {"term": new, "reason": "shorter"})
    digest = term_digest(new)
    assert ch.refused(ch.a_member, "glossary.signed", {"term": new["id"], "digest": digest}) == (
        "glossary.not_head"
    )
    assert ch.refused(ch.mediator, "glossary.signed", {"term": new["id"], "digest": digest}) == (
        "glossary.not_head"
    )
    wrong = term_digest({**new, "note": "x"})
    assert ch.refused(ch.a, "glossary.signed", {"term": new["id"], "digest": wrong}) == (
        "glossary.digest_mismatch"
    )
    assert ch.refused(ch.b, "glossary.proposed", {"term": new}) == "glossary.pending"
    ch.do(ch.a, "glossary.signed", {"term": new["id"], "digest": digest})
    assert ch.state[GLOSSARY][new["id"]].names["en"] == ch.term["names"]["en"]  # not yet
    assert ch.refused(ch.a, "glossary.signed", {"term": new["id"], "digest": digest}) == (
        "glossary.already_signed"
    )
    ch.do(ch.b, "glossary.signed", {"term": new["id"], "digest": digest})
    term = ch.state[GLOSSARY][new["id"]]
    assert term.names["en"] == "the city" and term.version == 2
    assert ch.state[PENDING][new["id"]].done
    assert ch.refused(ch.b, "glossary.signed", {"term": new["id"], "digest": digest}) == (
        "glossary.unknown_proposal"
    )


def test_bad_terms_are_refused_with_their_code(ch: Channel) -> None:
    mediator_side = ch.sides[0]
    bad_form = {**ch.term, "id": "x-place", "forms": {mediator_side: {"en": "X"}}}
    assert ch.refused(ch.mediator, "glossary.proposed", {"term": bad_form}) == "glossary.bad_form"
    no_side = {"id": "nobody", "kind": "side", "names": {"en": "Nobody"}}
    assert ch.refused(ch.mediator, "glossary.proposed", {"term": no_side}) == "glossary.bad_term"
    no_names = {"id": "empty", "kind": "place", "names": {}}
    assert ch.refused(ch.mediator, "glossary.proposed", {"term": no_names}) == "entry.invalid_body"


def test_a_charter_with_a_bad_glossary_is_refused() -> None:
    ch = Channel("basin")
    bad = {**ch.charter, "glossary": [TOWN, TOWN]}
    fresh = ChannelState(channel_id=ChannelId("ch-bad"))
    entry = make_entry(
        ch.keys["chair"],
        channel=fresh.channel_id,
        type="channel.created",
        body=bad,
        time=T0,
        entry_id=EntryId(str(uuid.uuid4())),
        salt=new_salt(),
    )
    with pytest.raises(ParleyError) as exc:
        apply(fresh, LoggedEntry(1, entry, T0))
    assert exc.value.code == "glossary.duplicate"


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=30) | st.sampled_from(["㏗", "ǅ", "Şuşa", "İ", "ﬁ", "Ⅻ", "ŉ"]))
def test_fold_is_idempotent_and_ignores_case_and_spacing(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert fold(f"  {text}  ") == fold(text)
    assert fold(text.casefold()) == fold(text)


# --- translations ----------------------------------------------------------------------------


def message(ch: Channel, text: str = "Water release at 06:00.\nSecond line.") -> EntryId:
    body = {
        "to": ch.sides[2],
        "priority": "urgent",
        "subject": "Release",
        "text": text,
        "language": "en",
    }
    return ch.do(ch.a_member, "message.sent", body)


def translation(ch: Channel, of: EntryId, who: str, **kw: object) -> dict:
    body = {
        "of": of,
        "field": "text",
        "source_digest": text_digest("Water release at 06:00.\nSecond line."),
        "language": "ru",
        "text": "Сброс воды в 06:00.\nВторая строка.",
        "method": "human",
    }
    body.update(kw)
    return body


def test_a_translation_is_verified_by_the_receiving_side_only(ch: Channel) -> None:
    of = message(ch)
    tid = ch.do(ch.a_member, "translation.added", translation(ch, of, ch.a_member))
    t = ch.state[TRANSLATIONS][tid]
    assert t.of == of and t.method == "human" and not t.verified_by
    assert ch.refused(ch.a, "translation.verified", {"translation": tid}) == "translation.own_side"
    # The mediator reads the message but does not receive it.
    assert ch.refused(ch.mediator, "translation.verified", {"translation": tid}) == (
        "translation.not_receiver"
    )
    ch.do(ch.b_member, "translation.verified", {"translation": tid})
    assert set(ch.state[TRANSLATIONS][tid].verified_by) == {ch.sides[2]}
    assert ch.refused(ch.b, "translation.verified", {"translation": tid}) == (
        "translation.already_verified"
    )
    # The original is untouched: the message's text is still the signed one.
    assert ch.state[MESSAGES][of].text == "Water release at 06:00.\nSecond line."


def test_a_machine_draft_names_its_model_and_a_human_one_does_not(ch: Channel) -> None:
    of = message(ch)
    machine = translation(ch, of, ch.b_member, method="machine")
    assert ch.refused(ch.b_member, "translation.added", machine) == "entry.invalid_body"
    machine.update(engine="ctranslate2", model="opus-mt-en-ru@abc123")
    tid = ch.do(ch.b_member, "translation.added", machine)
    assert ch.state[TRANSLATIONS][tid].method == "machine"
    human = translation(ch, of, ch.b_member, engine="ctranslate2", model="m")
    assert ch.refused(ch.b_member, "translation.added", human) == "entry.invalid_body"


def test_a_translation_must_render_the_exact_original(ch: Channel) -> None:
    of = message(ch)
    other = translation(ch, of, ch.a_member, source_digest=text_digest("another text"))
    assert ch.refused(ch.a_member, "translation.added", other) == "translation.source_mismatch"
    nofield = translation(ch, of, ch.a_member, field="items.0.summary")
    assert ch.refused(ch.a_member, "translation.added", nofield) == "translation.unknown_field"
    unknown = translation(ch, EntryId(str(uuid.uuid4())), ch.a_member)
    assert ch.refused(ch.a_member, "translation.added", unknown) == ("translation.unknown_original")


def test_a_message_translation_is_read_only_by_the_messages_readers() -> None:
    ch = Channel("basin")
    # north -> mission: south may not read the message, nor its translation.
    body = {"to": "mission", "priority": "routine", "subject": "S", "text": "Private note."}
    of = ch.do("north-member", "message.sent", {**body, "language": "en"})
    t = {
        "of": of,
        "field": "text",
        "source_digest": text_digest("Private note."),
        "language": "ru",
        "text": "Частная заметка.",
        "method": "human",
    }
    assert ch.refused("south-member", "translation.added", t) == "translation.unknown_original"
    tid = ch.do("north-member", "translation.added", t)
    rule = TYPES["translation.added"].read
    assert rule.may_read(ch.state, tid, "north", False)
    assert rule.may_read(ch.state, tid, "mission", True)
    assert not rule.may_read(ch.state, tid, "south", False)
    assert not may_read(
        ch.state,
        Viewer("ch", ch.keys["south-member"].key_id, "south", "member", False),
        tid,
        "translation.added",
    )
    # The mediator received it: it can verify the party's translation.
    ch.do("officer", "translation.verified", {"translation": tid})


# --- minutes in two languages ------------------------------------------------------------------


def held_meeting(ch: Channel) -> str:
    topic = next(iter(ch.state.mandate))
    body = {
        "meeting": "m-1",
        "start": "2031-05-10T10:00:00+04:00",
        "venue": ch.a_form,
        "format": "chaired",
        "agenda": [{"id": "i-1", "topic": topic, "title": "The first item"}],
    }
    pid = ch.do(ch.mediator, "meeting.proposed", body)
    for head in (ch.a, ch.b):
        ch.do(head, "meeting.accepted", {"proposal": pid, "digest": proposal_digest(body)})
    return "m-1"


def test_minutes_in_two_languages_are_signed_as_one(ch: Channel) -> None:
    meeting = held_meeting(ch)
    a, b = ch.sides[1], ch.sides[2]
    body = {
        "meeting": meeting,
        "version": 1,
        "language": "en",
        "items": [
            {"item": "i-1", "summary": "Discussed.", "positions": {a: "Yes", b: "No"}},
        ],
        "parallel": {
            "ru": {
                "items": [
                    {"item": "i-1", "summary": "Обсуждено.", "positions": {a: "Да", b: "Нет"}}
                ]
            }
        },
        "authentic": ["en", "ru"],
    }
    bad = {**body, "parallel": {"ru": {"items": [{"item": "i-2", "summary": "x"}]}}}
    assert ch.refused(ch.mediator, "minutes.drafted", bad) == "minutes.parallel_mismatch"
    bad = {**body, "authentic": ["az"]}
    assert ch.refused(ch.mediator, "minutes.drafted", bad) == "minutes.bad_language"
    bad = {**body, "parallel": {"en": body["parallel"]["ru"]}}
    assert ch.refused(ch.mediator, "minutes.drafted", bad) == "minutes.bad_language"
    ch.do(ch.mediator, "minutes.drafted", body)
    v1 = ch.state[MINUTES][meeting].versions[0]
    assert v1.body["parallel"]["ru"]["items"][0]["summary"] == "Обсуждено."
    # A change in the Russian text alone is a new version, shown by the diff.
    body2 = {
        **body,
        "version": 2,
        "parallel": {
            "ru": {
                "items": [
                    {
                        "item": "i-1",
                        "summary": "Обсуждено подробно.",
                        "positions": {a: "Да", b: "Нет"},
                    }
                ]
            }
        },
    }
    ch.do(ch.mediator, "minutes.drafted", body2)
    v2 = ch.state[MINUTES][meeting].versions[1]
    assert v1.digest != v2.digest
    changed = [line for line in diff(v1.body, v2.body) if line.startswith(("+", "-"))]
    assert any("Обсуждено подробно." in line for line in changed)
    # Translating one field of the agreed text: a translation names that version's entry.
    of = v2.entry_id
    t = {
        "of": of,
        "field": "items.0.summary",
        "source_digest": text_digest("Discussed."),
        "language": "az",
        "text": "Müzakirə edildi.",
        "method": "human",
    }
    tid = ch.do(ch.mediator, "translation.added", t)
    ch.do(ch.a, "translation.verified", {"translation": tid})
    ch.do(ch.b, "translation.verified", {"translation": tid})
    assert set(ch.state[TRANSLATIONS][tid].verified_by) == {a, b}
