"""Meetings, agendas, mandate extensions, minutes and commitments in the pure core."""

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
from parley.errors import ParleyError
from parley.model import ChannelState, Entry, LoggedEntry, apply, charter_digest, fold, make_entry
from parley.model.commitments import COMMITMENTS
from parley.model.disclosure import LEVELS
from parley.model.ids import ChannelId, EntryId
from parley.model.meetings import MEETINGS, meeting_view, proposal_digest
from parley.model.minutes import MINUTES, diff, minutes_digest

T0 = datetime(2023, 3, 1, 5, 0, tzinfo=UTC)
CH = ChannelId(story.CHANNEL)
KEYS = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
SERVER = SigningKey.generate()
CHARTER = {
    **story.charter({s: k.public.to_b64() for s, k in KEYS.items()}),
    "server_key": SERVER.public.to_b64(),
}
AGENDA = [{"id": t["id"], "topic": t["id"], "title": t["title"]} for t in story.MANDATE]


class Log:
    def __init__(self) -> None:
        self.state = ChannelState(channel_id=CH)
        self.entries: list[LoggedEntry] = []
        self.t = T0

    def make(self, who: str, type: str, body: dict) -> Entry:
        key = SERVER if who == "server" else KEYS[who]
        return make_entry(
            key,
            channel=CH,
            type=type,
            body=body,
            time=self.t,
            entry_id=EntryId(str(uuid.uuid4())),
            salt=new_salt(),
        )

    def add(self, entry: Entry, at: datetime | None = None) -> Entry:
        self.t = at or self.t + timedelta(seconds=1)
        logged = LoggedEntry(self.state.size + 1, entry, self.t)
        self.state, _ = apply(self.state, logged)
        self.entries.append(logged)
        return entry

    def do(self, who: str, type: str, body: dict, at: datetime | None = None) -> Entry:
        return self.add(self.make(who, type, body), at)

    def refused(self, who: str, type: str, body: dict) -> str:
        before = self.state.size
        with pytest.raises(ParleyError) as exc:
            self.do(who, type, body)
        assert self.state.size == before
        return exc.value.code

    def active(self) -> Log:
        self.do("commander", "channel.created", CHARTER)
        for head in ("artsakh-head", "azerbaijan-head"):
            self.do(head, "charter.accepted", {"charter_digest": charter_digest(CHARTER)})
        return self


def propose(log: Log, who: str = "duty-officer", **kw) -> Entry:
    body = {
        "meeting": "wg-2023-03-01",
        "start": "2023-03-01T11:00:00+04:00",
        "venue": "Headquarters of the Russian peacekeeping mission",
        "format": "chaired",
        "agenda": AGENDA,
        **kw,
    }
    return log.do(who, "meeting.proposed", body)


def answer(log: Log, who: str, p: Entry, kind: str = "accepted", **kw) -> Entry:
    return log.do(
        who, f"meeting.{kind}", {"proposal": p.id, "digest": proposal_digest(p.body), **kw}
    )


def meeting(log: Log):
    """The story's meeting in the log's latest state (states are immutable)."""
    return log.state[MEETINGS]["wg-2023-03-01"]


def integration(log: Log):
    return meeting(log).items["integration"]


def test_meeting_is_agreed_only_when_every_party_and_the_chair_accept():
    log = Log().active()
    p = propose(log)
    assert meeting(log).status == "proposed"
    answer(log, "artsakh-head", p)
    assert meeting(log).status == "proposed"
    answer(log, "azerbaijan-head", p)
    assert meeting(log).status == "agreed" and meeting(log).agreed == p.id
    assert all(i.on_agenda for i in meeting(log).items.values())


def test_counter_proposal_supersedes_and_old_acceptance_is_refused():
    log = Log().active()
    p1 = propose(log)
    answer(log, "artsakh-head", p1)
    p2 = propose(log, "azerbaijan-head", venue="Yevlakh", supersedes=p1.id)
    assert meeting(log).status == "proposed" and meeting(log).current.id == p2.id
    assert (
        log.refused(
            "artsakh-head",
            "meeting.accepted",
            {"proposal": p1.id, "digest": proposal_digest(p1.body)},
        )
        == "meeting.superseded"
    )
    answer(
        log, "artsakh-head", p2, "declined", reason="the venue must be the mission's headquarters"
    )
    assert meeting(log).status == "declined"
    # A proposal for an existing meeting that does not supersede its current version.
    assert log.refused("duty-officer", "meeting.proposed", {**p1.body}) == "meeting.superseded"


def test_cancellation_and_postponement_follow_the_same_rule():
    log = Log().active()
    p1 = propose(log)
    for h in ("artsakh-head", "azerbaijan-head"):
        answer(log, h, p1)
    p2 = propose(log, start="2023-03-02T11:00:00+04:00", supersedes=p1.id)
    assert (
        meeting(log).status == "proposed" and meeting(log).agreed == p1.id
    )  # the old agreement stands until the new one
    answer(log, "artsakh-head", p2)
    answer(log, "azerbaijan-head", p2)
    assert meeting(log).agreed == p2.id
    p3 = propose(log, "artsakh-head", cancel=True, supersedes=p2.id)
    answer(log, "azerbaijan-head", p3)
    assert meeting(log).status == "proposed"
    answer(log, "duty-officer", p3)
    assert meeting(log).status == "cancelled"


@pytest.mark.parametrize(
    "start,code",
    [
        ("2023-03-01T11:00:00", "time.no_zone"),
        ("2023-02-30T11:00:00+04:00", "time.impossible"),
        ("tomorrow", "time.impossible"),
    ],
)
def test_meeting_times_need_a_zone_and_must_exist(start, code):
    log = Log().active()
    assert (
        log.refused(
            "duty-officer",
            "meeting.proposed",
            {"meeting": "m1", "start": start, "venue": "v", "format": "chaired"},
        )
        == code
    )


def test_non_heads_cannot_answer_for_a_party():
    log = Log().active()
    p = propose(log)
    assert (
        log.refused(
            "artsakh-member",
            "meeting.accepted",
            {"proposal": p.id, "digest": proposal_digest(p.body)},
        )
        == "meeting.not_head"
    )


def test_off_mandate_item_is_raised_and_declined_but_cannot_be_added():
    log = Log().active()
    propose(log)
    bad = {
        "meeting": "wg-2023-03-01",
        "item": {"id": "integration", "topic": "integration", "title": "Integration"},
    }
    assert log.refused("azerbaijan-head", "agenda.item_proposed", bad) == "agenda.off_mandate"
    log.do(
        "azerbaijan-head",
        "agenda.item_raised",
        {
            "meeting": "wg-2023-03-01",
            "item": "integration",
            "title": "Integration",
            "topic": "integration",
            "text": "Issues of the integration of the Armenian population",
        },
    )
    assert not integration(log).in_mandate and not integration(log).on_agenda
    assert (
        log.refused(
            "azerbaijan-head",
            "agenda.item_accepted",
            {"meeting": "wg-2023-03-01", "item": "integration"},
        )
        == "agenda.off_mandate"
    )
    log.do(
        "artsakh-head",
        "agenda.item_declined",
        {
            "meeting": "wg-2023-03-01",
            "item": "integration",
            "reason": "outside the mandate; a comprehensive settlement needs another format",
        },
    )
    assert integration(log).declined_by["artsakh"][1].startswith("outside the mandate")
    # With an extension signed by both heads the topic enters the mandate.
    log.do(
        "duty-officer",
        "mandate.extension_proposed",
        {"topic": "integration", "title": "Integration"},
    )
    log.do("artsakh-head", "mandate.extension_signed", {"topic": "integration"})
    assert "integration" not in log.state.mandate
    assert (
        log.refused("artsakh-member", "mandate.extension_signed", {"topic": "integration"})
        == "mandate.not_head"
    )
    log.do("azerbaijan-head", "mandate.extension_signed", {"topic": "integration"})
    assert "integration" in log.state.mandate and integration(log).in_mandate


def agreed_meeting(log: Log) -> None:
    p = propose(log)
    for h in ("artsakh-head", "azerbaijan-head"):
        answer(log, h, p)


def minutes_body(version: int, outcome: str = "agreed") -> dict:
    return {
        "meeting": "wg-2023-03-01",
        "version": version,
        "items": [
            {
                "item": "gas-supply",
                "summary": "Gas supply",
                "positions": {"artsakh": "restore", "azerbaijan": "agreed"},
                "outcome": outcome,
            }
        ],
    }


def test_minutes_agreed_only_when_all_signers_signed_the_same_version():
    log = Log().active()
    agreed_meeting(log)
    v1 = minutes_body(1)
    log.do("duty-officer", "minutes.drafted", v1)

    def sign(who, v, body):
        return log.do(
            who,
            "minutes.signed",
            {"meeting": "wg-2023-03-01", "version": v, "digest": minutes_digest(body)},
        )

    sign("artsakh-head", 1, v1)
    v2 = minutes_body(2, "agreed; specialists to start on 3 March")
    log.do("duty-officer", "minutes.drafted", v2)
    sign("azerbaijan-head", 2, v2)
    sign("commander", 2, v2)
    required = {"artsakh", "azerbaijan", "peacekeepers"}
    assert log.state[MINUTES]["wg-2023-03-01"].agreed_version(required) is None
    sign("artsakh-head", 2, v2)
    assert log.state[MINUTES]["wg-2023-03-01"].agreed_version(required).version == 2
    assert any(line.startswith("+  outcome: agreed; specialists") for line in diff(v1, v2))
    assert (
        log.refused(
            "artsakh-head",
            "minutes.signed",
            {"meeting": "wg-2023-03-01", "version": 3, "digest": minutes_digest(v2)},
        )
        == "minutes.unknown_version"
    )
    assert (
        log.refused(
            "azerbaijan-head",
            "minutes.signed",
            {"meeting": "wg-2023-03-01", "version": 1, "digest": minutes_digest(v2)},
        )
        == "minutes.digest_mismatch"
    )
    assert (
        log.refused(
            "artsakh-member",
            "minutes.signed",
            {"meeting": "wg-2023-03-01", "version": 1, "digest": minutes_digest(v1)},
        )
        == "minutes.not_head"
    )
    assert log.refused("artsakh-head", "minutes.drafted", minutes_body(3)) == "minutes.not_mediator"
    assert log.refused("duty-officer", "minutes.drafted", minutes_body(5)) == "minutes.bad_version"


def test_commitment_lifecycle_and_timers():
    log = Log().active()
    agreed_meeting(log)
    log.do(
        "commander",
        "commitment.added",
        {
            "commitment": "inform-results",
            "owner": "azerbaijan",
            "text": "Report to higher authorities and inform the other party through the mission",
            "due": {"days": 5, "after_meeting": "wg-2023-03-01"},
            "meeting": "wg-2023-03-01",
        },
    )

    def c():  # the commitment in the latest state
        return log.state[COMMITMENTS]["inform-results"]

    assert c().due == datetime(2023, 3, 6, 7, 0, tzinfo=UTC)
    assert c().state(T0) == "open"
    assert c().state(c().due - timedelta(hours=2)) == "due_soon"
    assert c().state(c().due + timedelta(seconds=1)) == "overdue"
    due = "2023-03-06T11:00:00+04:00"
    assert (
        log.refused("commander", "timer.reminder", {"commitment": "inform-results", "due": due})
        == "timer.not_server"
    )
    with pytest.raises(ParleyError) as exc:
        log.add(
            log.make("server", "timer.reminder", {"commitment": "inform-results", "due": due}),
            T0 + timedelta(hours=1),
        )
    assert exc.value.code == "timer.too_early"
    log.do(
        "server",
        "timer.reminder",
        {"commitment": "inform-results", "due": due},
        c().due - timedelta(hours=3),
    )
    with pytest.raises(ParleyError) as exc:
        log.add(
            log.make("server", "timer.reminder", {"commitment": "inform-results", "due": due}),
            c().due - timedelta(hours=2),
        )
    assert exc.value.code == "timer.duplicate"
    # An escalation must name whom it notified: the charter's contacts, nobody else.
    with pytest.raises(ParleyError) as exc:
        log.add(
            log.make("server", "timer.overdue", {"commitment": "inform-results", "due": due}),
            c().due + timedelta(hours=1),
        )
    assert exc.value.code == "timer.bad_notify" and c().escalated_seq is None
    contacts = log.state.escalation_targets()
    assert contacts == list(log.state.charter.escalation_contacts) and len(contacts) == 2
    log.do(
        "server",
        "timer.overdue",
        {"commitment": "inform-results", "due": due, "notify": contacts},
        c().due + timedelta(hours=1),
    )
    assert c().escalated_seq is not None
    assert (
        log.refused("artsakh-head", "commitment.reported", {"commitment": "inform-results"})
        == "commitment.not_owner"
    )
    assert (
        log.refused("artsakh-head", "commitment.confirmed", {"commitment": "inform-results"})
        == "commitment.not_reported"
    )
    log.do(
        "azerbaijan-head",
        "commitment.reported",
        {"commitment": "inform-results", "note": "informed"},
    )
    assert (
        log.refused("azerbaijan-head", "commitment.confirmed", {"commitment": "inform-results"})
        == "commitment.own"
    )
    log.do("artsakh-head", "commitment.confirmed", {"commitment": "inform-results"})
    assert c().state(c().due + timedelta(days=9)) == "confirmed"


def test_commitment_due_needs_zone_and_agreed_meeting():
    log = Log().active()
    base = {"commitment": "c1", "owner": "artsakh", "text": "t"}
    assert (
        log.refused("commander", "commitment.added", {**base, "due": "2023-03-06"})
        == "time.no_zone"
    )
    assert (
        log.refused(
            "commander", "commitment.added", {**base, "due": {"days": 3, "after_meeting": "none"}}
        )
        == "commitment.no_meeting"
    )
    assert (
        log.refused(
            "artsakh-member", "commitment.added", {**base, "due": "2023-03-06T00:00:00+04:00"}
        )
        == "commitment.not_head"
    )


@settings(max_examples=60, deadline=None)
@given(
    st.permutations(
        [
            "artsakh-head:acc",
            "azerbaijan-head:acc",
            "duty-officer:acc",
            "artsakh-head:dec",
            "azerbaijan-head:counter",
        ]
    ),
    st.sampled_from(["chaired", "direct"]),
)
def test_any_order_of_answers_agrees_only_under_the_rule(order, fmt):
    """Whatever the order of concurrent answers, a proposal is agreed iff every required
    side accepted that exact version, and folding the same log twice gives the same."""
    log = Log().active()
    p = propose(log, format=fmt)
    current = p
    for step in order:
        who, what = step.split(":")
        try:
            if what == "acc":
                answer(log, who, current)
            elif what == "dec":
                answer(log, who, current, "declined", reason="no")
            else:
                current = propose(log, who, venue="Elsewhere", format=fmt, supersedes=current.id)
        except ParleyError:
            pass
        m = meeting(log)
        for prop in m.proposals:
            required = {"artsakh", "azerbaijan"} | (
                {"peacekeepers"} if prop.format == "chaired" else set()
            )
            if m.agreed == prop.id:
                assert required <= set(prop.accepted_by)
        if m.agreed is None:
            assert not any(
                {"artsakh", "azerbaijan"} | ({"peacekeepers"} if q.format == "chaired" else set())
                <= set(q.accepted_by)
                for q in m.proposals
            )
    again = fold(CH, log.entries)
    m1, m2 = log.state[MEETINGS]["wg-2023-03-01"], again[MEETINGS]["wg-2023-03-01"]
    assert (m1.agreed, m1.status, [q.accepted_by for q in m1.proposals]) == (
        m2.agreed,
        m2.status,
        [q.accepted_by for q in m2.proposals],
    )


def test_replayed_entries_are_refused():
    log = Log().active()
    p = propose(log)
    with pytest.raises(ParleyError) as exc:
        log.add(p)
    assert exc.value.code == "entry.duplicate"
    assert list(itertools.islice(log.state[MEETINGS], 1)) == ["wg-2023-03-01"]


SIGNERS = ["artsakh-head", "azerbaijan-head", "commander", "artsakh-member", "duty-officer"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SIGNERS), st.booleans()), max_size=8))
def test_consent_takes_effect_only_with_every_head_over_the_identical_list(signatures):
    """Any sequence of consents — by heads or not, over the right digest or a wrong one —
    opens the entries exactly when every side's head signed the proposal's digest."""
    from parley.model.disclosure import body_digest_of

    log = Log().active()
    target = propose(log)
    body = {"proposal": "open", "entries": [target.id], "level": "public"}
    log.do("artsakh-head", "disclosure.proposed", body)
    good = body_digest_of(log.entries[-1].entry.body)
    signed_ok: set[str] = {"artsakh"}
    for who, right in signatures:
        digest = good if right else "A" * 43 + "="
        try:
            log.do(who, "disclosure.signed", {"proposal": "open", "digest": digest})
            signed_ok.add(log.state.members[KEYS[who].key_id].side)
        except ParleyError:
            pass
        opened = target.id in log.state[LEVELS]
        assert opened == ({"artsakh", "azerbaijan", "peacekeepers"} <= signed_ok)


def test_a_meeting_is_recorded_held_once_by_the_mediator_after_it_was_agreed():
    log = Log().active()
    held = {
        "meeting": "wg-2023-03-01",
        "started": "2023-03-01T11:05:00+04:00",
        "ended": "2023-03-01T13:40:00+04:00",
        "attendees": {"artsakh": ["Secretary"], "azerbaijan": ["Member of parliament"]},
    }
    p = propose(log)
    assert log.refused("duty-officer", "meeting.held", held) == "meeting.not_agreed"
    for h in ("artsakh-head", "azerbaijan-head"):
        answer(log, h, p)
    assert log.refused("artsakh-head", "meeting.held", held) == "meeting.not_mediator"
    early = {**held, "ended": "2023-03-01T10:00:00+04:00"}
    assert log.refused("duty-officer", "meeting.held", early) == "meeting.bad_times"
    stranger = {**held, "attendees": {"nowhere": ["x"]}}
    assert log.refused("duty-officer", "meeting.held", stranger) == "side.unknown"
    assert log.refused("duty-officer", "meeting.held", {**held, "started": "today"}) == (
        "time.impossible"
    )
    log.do("duty-officer", "meeting.held", held)
    h = meeting(log).held
    assert h is not None and h.venue == "Headquarters of the Russian peacekeeping mission"
    assert h.started == datetime(2023, 3, 1, 7, 5, tzinfo=UTC)
    assert dict(h.attendees) == {"artsakh": ("Secretary",), "azerbaijan": ("Member of parliament",)}
    assert log.refused("commander", "meeting.held", held) == "meeting.already_held"
    view = meeting_view(log.state, "wg-2023-03-01")
    assert view["held"]["started_utc"] == "2023-03-01T07:05:00.000Z"
    assert view["held"]["attendees"]["artsakh"] == ["Secretary"]
    assert "chair" not in view["held"]  # records written before the field stay as they were


def test_who_chaired_a_held_meeting_is_recorded_when_given():
    log = Log().active()
    agreed_meeting(log)
    held = {"meeting": "wg-2023-03-01", "started": "2023-03-01T11:05:00+04:00"}
    log.do("duty-officer", "meeting.held", {**held, "chair": "Deputy commander"})
    assert meeting_view(log.state, "wg-2023-03-01")["held"]["chair"] == "Deputy commander"


def test_a_meeting_not_held_has_no_held_key_in_its_record():
    """Records written before meeting.held existed still audit: the key is absent."""
    log = Log().active()
    agreed_meeting(log)
    assert "held" not in meeting_view(log.state, "wg-2023-03-01")


def test_the_statement_checker_reads_the_recorded_chair():
    """Who chaired is a typed fact once meeting.held names it: the checker compares a named
    chair with it (before, it was only free text in a note)."""
    from parley.claims import build_record, check_statement

    log = Log().active()
    agreed_meeting(log)
    held = {"meeting": "wg-2023-03-01", "started": "2023-03-01T11:05:00+04:00"}
    log.do("duty-officer", "meeting.held", {**held, "chair": "Rustam Muradov"})
    record = build_record(log.state, public_only=False, as_of=datetime(2023, 3, 2, tzinfo=UTC))

    def verdict(text: str) -> str:
        [v] = check_statement(text, record)
        return v.verdict

    assert verdict("Rustam Muradov chaired the meeting of 1 March 2023.") == "supported"
    assert verdict("Rustam Muradov did not chair the meeting of 1 March 2023.") == "contradicted"
    assert (
        verdict("The Secretary of the Security Council chaired the meeting of 1 March 2023.")
        == "contradicted"
    )
