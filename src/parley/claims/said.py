"""What the record quotes people as saying: a side's position in the minutes, an outcome,
the reason a side gave for declining a proposal or an item, the note with a report,
confirmation or dispute of a commitment, a proposal's or a held meeting's note.

These texts can **support** a claim that says the same ("Its delegation said the village
lies within range of Arvenian artillery" against the decline's reason), never contradict
one: what free text does not say is not a fact against a claim. A claim is supported
only when most of what it names is in one text, with no number or negation the text
does not have.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from parley.claims.facts import Fact, code_of, words_of
from parley.claims.lang import load, lower
from parley.claims.reading import SUPPORTED, Answer, Reading, quote, record_names
from parley.claims.text import key, number_words, tokens
from parley.model.commitments import COMMITMENTS
from parley.model.meetings import MEETINGS
from parley.model.minutes import MINUTES
from parley.model.state import ENTRY_SEQ, ChannelState

if TYPE_CHECKING:
    from parley.claims.record import Record


def text_facts(state: ChannelState, is_public: Callable[..., bool]) -> list[Fact]:
    ids_by_seq = {seq: eid for eid, seq in state[ENTRY_SEQ].items()}
    names: dict[str, str] = {s: side.name for s, side in state.sides.items()}
    sides_of = {k: m.side for k, m in state.members.items()}
    out: list[Fact] = []

    def add(text: str, side: str | None, entry: str, what: str) -> None:
        if text.strip():
            who = names.get(side, side) if side else "the record"
            out.append(
                Fact(
                    "said",
                    f"{entry}/{len(out)}",
                    f"{what} ({who}): “{text}”",
                    (entry,) if entry else (),
                    bool(entry) and is_public(entry),
                    {"side": side, "words": words_of(text), "numbers": numbers_in(text)},
                )
            )

    for mins in state[MINUTES].values():
        if not mins.versions:
            continue
        v = mins.versions[-1]
        for it in v.body.get("items", []):
            for side, position in it.get("positions", {}).items():
                add(position, side, v.entry_id, f"position in the minutes of {mins.meeting}")
            add(
                str(it.get("outcome", "")),
                None,
                v.entry_id,
                f"outcome in the minutes of {mins.meeting}",
            )
        add(str(v.body.get("general", "")), None, v.entry_id, f"minutes of {mins.meeting}")
    for m in state[MEETINGS].values():
        for p in m.proposals:
            add(p.note, p.side, p.id, f"note with a proposal for {m.id}")
            for side, (_, reason) in p.declined_by.items():
                add(reason, side, p.id, f"reason for declining a proposal for {m.id}")
        for item in m.items.values():
            for side, (_, reason) in item.declined_by.items():
                add(reason, side, "", f"reason for declining “{item.title}”")
        if m.held is not None:
            add(m.held.note, None, m.held.entry_id, f"note on the meeting {m.id}")
    for c in state[COMMITMENTS].values():
        for what, answer in (("report", c.reported), ("confirmation", c.confirmed),
                             ("dispute", c.disputed)):  # fmt: skip
            if answer is not None:
                entry = ids_by_seq.get(answer[1], "")
                add(answer[2], sides_of.get(answer[0]), entry, f"{what} of commitment {c.id}")
    return out


def numbers_in(text: str) -> set[float]:
    """The numbers a text names, in digits or in words of its language."""
    lang = load(code_of(text))
    words = number_words(lang)
    found = {float(n) for n in re.findall(r"\d+(?:[.,]\d+)?", text.replace(",", "."))}
    clock = {lower(w) for w in lang.words("time_words")}  # "noon", "час": times, not amounts
    return found | {words[t] for t in tokens(text) if t in words and t not in clock}


def support(r: Reading, record: Record) -> Answer | None:
    """A text of the record that says what the claim says (most of its words, its numbers,
    its negation), as support; None otherwise."""
    texts: list[Fact] | None = record.cache.get("quotable")
    if texts is None:  # what people said, and the published communiqués: once per record
        texts = record.of("said") + [
            Fact(c.kind, c.key, c.text, c.entries, c.public,
                 {"words": c.attrs["words"], "numbers": numbers_in(c.attrs["plain"])})
            for c in record.of("communique")
        ]  # fmt: skip
        record.cache["quotable"] = texts
    if not texts:
        return None
    names = record_names(record)
    claim = {s for s in r.stems if not s.startswith("@") and key(s, "en") not in names}
    if len(claim) < 3:
        return None
    said_numbers = numbers_in(r.claim.text)
    best: tuple[float, Fact] | None = None
    for f in texts:
        shared = claim & f.attrs["words"]
        cover = len(shared) / len(claim)
        fits = len(shared) >= 3 and cover >= 0.6 and said_numbers <= f.attrs["numbers"]
        if fits and (best is None or (cover, f.public) > (best[0], best[1].public)):
            best = (cover, f)
    if best is None or r.negated:
        return None
    return SUPPORTED, f"The record says the same: {quote(best[1])}.", [best[1]]


__all__ = ["numbers_in", "support", "text_facts"]
