"""Who signed what: a typed fact per set of minutes, per communiqué and per mandate
extension — each version's signers, what every side must sign, whether it is in force.

These answer "Kestan signed the minutes of the Lusahovit meeting", "all three sides
signed", "Arvenia did not sign the first draft", "Dalvan refused to extend the mandate to
missing persons". Who must sign is the model's rule (:func:`parley.model.minutes.signers`:
every party head, and the mediator when it chaired; a communiqué and a mandate extension:
every party head).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from parley.claims.facts import Fact, words_of
from parley.model.commitments import COMMITMENTS
from parley.model.disclosure import COMMUNIQUES, OPENINGS
from parley.model.meetings import EXTENSIONS
from parley.model.minutes import MINUTES, signers
from parley.model.state import ChannelState


def signature_facts(state: ChannelState, is_public: Callable[..., bool]) -> list[Fact]:
    names: dict[str, str] = {s: side.name for s, side in state.sides.items()}
    parties = set(state.party_sides())

    def who(sides: Collection[str]) -> str:
        return ", ".join(sorted(names.get(s, s) for s in sides)) or "nobody"

    out: list[Fact] = []
    for mins in state[MINUTES].values():
        required = signers(state, mins.meeting)
        versions = [(v.version, set(v.signed_by)) for v in mins.versions]
        agreed = next((n for n, by in reversed(versions) if required <= by), None)
        lines = "; ".join(f"version {n} signed by {who(by)}" for n, by in versions)
        out.append(
            _fact(
                "minutes",
                mins.meeting,
                f"minutes of {mins.meeting}: {lines}"
                + (f" — version {agreed} agreed" if agreed else " — no version signed by all"),
                tuple(v.entry_id for v in mins.versions),
                all(is_public(v.entry_id) for v in mins.versions),
                {"meeting": mins.meeting, "versions": versions, "required": required,
                 "agreed": agreed},
            )
        )  # fmt: skip
    for cq in state[COMMUNIQUES].values():
        versions = [(v.version, set(v.signed_by)) for v in cq.versions]
        lines = "; ".join(f"version {n} signed by {who(by)}" for n, by in versions)
        meeting = next((v.meeting for v in cq.versions if v.meeting), None)
        out.append(
            _fact(
                "communique",
                cq.id,
                f"communiqué {cq.id}: {lines}"
                + (f" — version {cq.published} published" if cq.published else " — not published"),
                tuple(v.entry_id for v in cq.versions),
                cq.published is not None,
                {"meeting": meeting, "versions": versions, "required": parties,
                 "agreed": cq.published,
                 "words": words_of(*(t for v in cq.versions for t in v.texts.values()))},
            )
        )  # fmt: skip
    about = _what_entries_are(state)
    for op in state[OPENINGS].values():
        signed = set(op.signed_by)
        proposer = state.members[op.proposed_by].side if op.proposed_by in state.members else ""
        out.append(
            _fact(
                "disclosure",
                op.id,
                f"proposal {op.id} by {names.get(proposer, proposer)} to make "
                f"{len(op.entries)} entries {op.level}: consented by {who(signed)}"
                + (" — in effect" if op.done_seq is not None else " — not in effect"),
                (op.entry_id,),
                # once in effect, that the entries were made public is itself public: they
                # are on the public record
                op.done_seq is not None and op.level == "public",
                {"meeting": None, "versions": [(1, signed)], "required": set(state.sides),
                 "agreed": 1 if op.done_seq is not None else None, "proposer": proposer,
                 "targets": frozenset(op.entries),
                 "words": words_of(op.reason, op.id.replace("-", " "),
                                   *(about.get(e, "") for e in op.entries))},
            )
        )  # fmt: skip
    for ext in state[EXTENSIONS].values():
        signed = set(ext.signed_by)
        out.append(
            _fact(
                "mandate",
                ext.topic,
                f"mandate extension “{ext.title}”: signed by {who(signed)}"
                + (" — in force" if ext.done else f" — not in force (needs {who(parties)})"),
                (),
                False,
                {"meeting": None, "versions": [(1, signed)], "required": parties,
                 "agreed": 1 if ext.done else None, "words": words_of(ext.title, ext.topic)},
            )
        )  # fmt: skip
    return out


def _what_entries_are(state: ChannelState) -> dict[str, str]:
    """What a commitment's entries are about (its text), so that a disclosure proposal is
    found by what it would open ("the records of the dispute over the readings")."""
    out: dict[str, str] = {}
    for c in state[COMMITMENTS].values():
        for e in c.events:
            out[e] = f"{c.text} {c.id.replace('-', ' ')}"
    return out


def _fact(doc: str, key: str, text: str, entries: tuple[str, ...], public: bool,
          attrs: dict[str, Any]) -> Fact:  # fmt: skip
    return Fact("signed", f"{doc}/{key}", text, entries, public, {"doc": doc, **attrs})


__all__ = ["signature_facts"]
