"""The checker's structured view of a channel, built from the folded state.

Each :class:`Fact` says what the record holds (an agreed meeting with its date, time,
venue and format; an agenda item raised and declined; a commitment; a minutes item; a
published communiqué), which entries it rests on, and whether all of those are public.
Slots the record explicitly leaves open — the next meeting not agreed, or never
proposed — are facts too, so a claim that fills one is a contradiction.

``public_only=True`` builds the view a member of the public may use: facts resting on
public entries and published communiqués only, and no open slot (whether a confidential
proposal exists is itself confidential).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from parley.claims.text import canonical_place, fold
from parley.model.commitments import COMMITMENTS
from parley.model.disclosure import COMMUNIQUES, level_now
from parley.model.entry import Disclosure
from parley.model.ids import EntryId
from parley.model.meetings import MEETINGS
from parley.model.minutes import MINUTES, signers
from parley.model.state import ENTRY_SEQ, ChannelState


@dataclass(frozen=True)
class Fact:
    kind: str
    """meeting, agenda_item, declined_item, proposal, next_meeting, commitment,
    minutes_item, communique."""
    key: str
    text: str
    """The decisive record field, quoted in explanations."""
    entries: tuple[str, ...]
    public: bool
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Record:
    channel: str
    public_only: bool
    facts: list[Fact]
    year: int
    cache: dict[Any, Any] = field(default_factory=dict)
    """Embeddings of facts, per model (filled by the checker on first use)."""

    def of(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]


def build_record(state: ChannelState, public_only: bool) -> Record:
    ids_by_seq = {seq: eid for eid, seq in state[ENTRY_SEQ].items()}

    def is_public(*entry_ids: str) -> bool:
        return all(level_now(state, EntryId(e)) in (None, Disclosure.PUBLIC) for e in entry_ids)

    side_names = {s: side.name for s, side in state.sides.items()}
    facts: list[Fact] = []
    starts: list[datetime] = []
    for m in state[MEETINGS].values():
        agreed = next((p for p in m.proposals if p.id == m.agreed), None)
        for p in m.proposals:
            local = datetime.fromisoformat(p.start_text)
            attrs = {
                "meeting": m.id,
                "venue": p.venue,
                "place": canonical_place(p.venue),
                "date": local.date(),
                "time": local.strftime("%H:%M"),
                "format": p.format,
                "mediator_present": p.format == "chaired",
                "proposed_by": side_names.get(p.side, p.side),
                "attendees": p.attendees,
            }
            when = f"{local:%-d %B %Y, %H:%M} (UTC{local:%z})"
            if p is agreed:
                starts.append(p.start)
                chaired = "chaired by the mediator" if p.format == "chaired" else "direct talks"
                facts.append(
                    Fact(
                        "meeting",
                        m.id,
                        f"meeting {m.id}: agreed by every side — {when}, {p.venue}, {chaired}",
                        (p.id,),
                        is_public(p.id),
                        attrs,
                    )
                )
            elif p.superseded_by is None and not p.cancel:
                facts.append(
                    Fact(
                        "proposal",
                        p.id,
                        f"meeting {m.id}: proposed by {attrs['proposed_by']} for {when} at "
                        f"{p.venue}; not agreed",
                        (p.id,),
                        is_public(p.id),
                        {**attrs, "after": None},
                    )
                )
        for item in m.items.values():
            raised = ids_by_seq.get(item.raised_seq, "") if item.raised_seq else ""
            base = {
                "plain": item.title,
                "meeting": m.id,
                "topic": item.topic,
                "title": item.title,
                "words": set(fold(f"{item.title} {item.topic}").split()),
                "key_words": set(fold(f"{item.id} {item.topic}").split()),
            }
            entries = tuple(e for e in (raised,) if e) or ((agreed.id,) if agreed else ())
            if item.on_agenda:
                facts.append(
                    Fact(
                        "agenda_item",
                        item.id,
                        f"agenda of {m.id}: “{item.title}” (mandate topic {item.topic})",
                        entries,
                        is_public(*entries),
                        base,
                    )
                )
            elif item.declined_by:
                by = ", ".join(side_names.get(s, s) for s in item.declined_by)
                reason = next(iter(item.declined_by.values()))[1]
                who = state.members.get(item.raised_by) if item.raised_by else None
                raiser = side_names.get(who.side, who.side) if who else "a side"
                facts.append(
                    Fact(
                        "declined_item",
                        item.id,
                        f"“{item.title}” was raised by {raiser} at {m.id}, "
                        f"{'outside the mandate, ' if not item.in_mandate else ''}declined by "
                        f"{by} (“{reason}”), and never on the agenda",
                        entries,
                        is_public(*entries),
                        {
                            **base,
                            "raised_by": raiser,
                            "declined_by": by,
                            "reveal": set(fold(reason).split()),
                        },
                    )
                )
    for mins in state[MINUTES].values():
        v = mins.agreed_version(signers(state, mins.meeting))
        if v is None:
            continue
        for it in v.body.get("items", []):
            facts.append(
                Fact(
                    "minutes_item",
                    f"{mins.meeting}/{it['item']}",
                    f"agreed minutes of {mins.meeting}, item {it['item']}: {it['summary']} — "
                    f"{it['outcome']}",
                    (v.entry_id,),
                    is_public(v.entry_id),
                    {
                        "plain": f"{it['summary']}: {it['outcome']}",
                        "item": it["item"],
                        "key_words": set(fold(it["item"]).split()),
                        "words": set(fold(f"{it['item']} {it['summary']} {it['outcome']}").split()),
                    },
                )
            )
    for c in state[COMMITMENTS].values():
        added = ids_by_seq.get(c.added_seq, "")
        facts.append(
            Fact(
                "commitment",
                c.id,
                f"commitment {c.id} of {side_names.get(c.owner, c.owner)}: {c.text} "
                f"(due {c.due:%-d %B %Y})",
                (added,),
                is_public(added),
                {
                    "plain": c.text,
                    "owner": c.owner,
                    "words": set(fold(c.text).split()),
                    "due": c.due.date(),
                },
            )
        )
    for cq in state[COMMUNIQUES].values():
        if cq.published is None:
            continue
        cv = next(x for x in cq.versions if x.version == cq.published)
        for lang, text in cv.texts.items():
            facts.append(
                Fact(
                    "communique",
                    f"{cq.id}/{lang}",
                    f"published communiqué {cq.id} ({lang}): “{text}”",
                    (cv.entry_id,),
                    True,
                    {"plain": text, "words": set(fold(text).split()), "meeting": cv.meeting},
                )
            )
    if not public_only:
        facts.append(_next_meeting(facts, starts))
    if public_only:
        facts = [f for f in facts if f.public]
    year = max((s.year for s in starts), default=state.charter.created_at.year)
    return Record(state.channel_id, public_only, facts, year)


def _next_meeting(facts: list[Fact], starts: list[datetime]) -> Fact:
    """The slot after the latest agreed meeting: open (never proposed, or proposed and
    not agreed) or filled by a later agreed meeting."""
    last: date | None = max(starts).date() if starts else None
    later = [
        f
        for f in facts
        if f.kind in ("meeting", "proposal") and (last is None or f.attrs["date"] > last)
    ]
    agreed = [f for f in later if f.kind == "meeting"]
    if agreed:
        f = agreed[0]
        return Fact("next_meeting", "agreed", f.text, f.entries, f.public, dict(f.attrs))
    if later:
        p = later[0]
        return Fact(
            "next_meeting",
            "proposed_not_agreed",
            f"next meeting: not agreed — {p.text}",
            p.entries,
            p.public,
            dict(p.attrs),
        )
    after = f" after {last:%-d %B %Y}" if last else ""
    return Fact(
        "next_meeting",
        "never_proposed",
        f"next meeting: none proposed{after} — no date, venue or format exists in the record",
        tuple(e for f in facts if f.kind == "meeting" for e in f.entries),
        False,
        {},
    )
