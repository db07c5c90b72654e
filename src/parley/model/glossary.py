"""Agreed names: the channel's glossary of places, sides, roles and mandate topics.

Names are themselves disputed (one city, two names), so a term carries the **agreed
neutral name** per language and, where a party uses a form of its own, **that side's
form** per language. The glossary is part of the charter (``channel.created`` carries
it, so every head's acceptance signs it) and grows or changes only as the mandate does:
a member proposes a term (``glossary.proposed``, a whole new version of it), and it is in
effect once every party head signed that exact proposal (``glossary.signed``, by digest).

Nothing signed is rewritten with a glossary: pages show the reader's side's form (the
mediator and the public the neutral one), and the statement checker and search resolve
every form of a term to the same thing.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from parley.crypto.digest import json_digest
from parley.crypto.keys import KeyId
from parley.errors import Conflict, NotFound, Rejected
from parley.model.bodies import Body, Digest, Lang, Name, Slug
from parley.model.feature import EVERY_MEMBER, Act, Draft, Feature
from parley.model.ids import SideId
from parley.model.state import ChannelState, FrozenDict, StateView, Table

FEATURE = Feature("glossary", __doc__ or "")

Kind = Literal["place", "side", "role", "topic", "other"]


class TermSpec(Body):
    """One thing with its names: neutral per language, and each party's own form."""

    id: Slug
    kind: Kind
    names: dict[Lang, Name] = Field(min_length=1, max_length=12)
    """The agreed neutral name in each language."""
    forms: dict[Slug, dict[Lang, Name]] = Field(default_factory=dict, max_length=3)
    """Where a side uses a name of its own: side id -> language -> that side's form."""
    note: Annotated[str, StringConstraints(max_length=1000)] = ""


class GlossaryProposed(Body):
    """A new term, or a new version of a term, for the glossary."""

    TYPE = "glossary.proposed"
    term: TermSpec
    reason: Annotated[str, StringConstraints(max_length=2000)] = ""


class GlossarySigned(Body):
    """A party head's signature on one exact proposed term (by digest)."""

    TYPE = "glossary.signed"
    term: Slug
    digest: Digest


def term_digest(spec: Mapping[str, Any]) -> str:
    """What a head signs: SHA-256 of the term exactly as proposed."""
    return json_digest(dict(spec))


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    kind: str
    names: FrozenDict[str, str]
    forms: FrozenDict[str, FrozenDict[str, str]]
    note: str
    seq: int
    """The entry that put this version in effect (the charter, or the last signature)."""
    version: int = 1


@dataclass(frozen=True, slots=True)
class TermProposal:
    spec: Mapping[str, Any]
    digest: str
    proposed_by: KeyId
    seq: int
    reason: str = ""
    signed_by: FrozenDict[SideId, KeyId] = FrozenDict()
    done: bool = False
    """Every party head signed it: it is the term's version in effect (or was)."""


GLOSSARY: Table[str, Term] = FEATURE.table(Table("term", ordered=True))
PENDING: Table[str, TermProposal] = FEATURE.table(Table("term_proposal", ordered=True))


# --- rules --------------------------------------------------------------------------


def problems(
    terms: Iterable[TermSpec], sides: Mapping[str, str], topics: Iterable[str]
) -> list[Rejected]:
    """What is wrong with terms in themselves: ``sides`` maps side id -> kind. A side's
    own form is a *party's*; a term of kind ``side``/``topic`` names a side/mandate topic
    by its id."""
    out: list[Rejected] = []
    seen: set[str] = set()
    topic_ids = set(topics)
    for t in terms:
        if t.id in seen:
            out.append(Rejected("glossary.duplicate", f"term {t.id!r} appears twice"))
        seen.add(t.id)
        for side in t.forms:
            if sides.get(side) != "party":
                out.append(
                    Rejected(
                        "glossary.bad_form",
                        f"term {t.id!r}: forms are a party's own; {side!r} is not a party",
                    )
                )
        if t.kind == "side" and t.id not in sides:
            out.append(Rejected("glossary.bad_term", f"term {t.id!r} of kind side names no side"))
        if t.kind == "topic" and t.id not in topic_ids:
            out.append(
                Rejected("glossary.bad_term", f"term {t.id!r} of kind topic names no mandate topic")
            )
    return out


def term_of(spec: TermSpec, seq: int, version: int = 1) -> Term:
    return Term(
        spec.id,
        spec.kind,
        FrozenDict(spec.names),
        FrozenDict({s: FrozenDict(f) for s, f in spec.forms.items()}),
        spec.note,
        seq,
        version,
    )


def seed(d: Draft, terms: Iterable[TermSpec], seq: int) -> None:
    """The charter's glossary (checked by the charter's own rules first)."""
    for t in terms:
        d.put(GLOSSARY, t.id, term_of(t, seq))


def _sides_and_topics(state: StateView) -> tuple[dict[str, str], list[str]]:
    return {s: v.kind for s, v in state.sides.items()}, list(state.mandate)


@FEATURE.handles(GlossaryProposed, read=EVERY_MEMBER)
def proposed(d: Draft, e: Act[GlossaryProposed]) -> None:
    spec = e.body.term
    sides, topics = _sides_and_topics(d)
    found = problems([spec], sides, topics)
    if found:
        raise found[0]
    waiting = d[PENDING].get(spec.id)
    if waiting is not None and not waiting.done:
        raise Conflict(
            "glossary.pending",
            f"term {spec.id!r} already has a proposal waiting for signatures",
        )
    raw = e.raw["term"]
    d.put(
        PENDING,
        spec.id,
        TermProposal(raw, term_digest(raw), e.author.key_id, e.seq, e.body.reason),
    )


@FEATURE.handles(GlossarySigned, read=EVERY_MEMBER)
def signed(d: Draft, e: Act[GlossarySigned]) -> None:
    body, author = e.body, e.author
    pending = d[PENDING].get(body.term)
    if pending is None or pending.done:
        raise NotFound("glossary.unknown_proposal", f"no proposed term {body.term!r} to sign")
    if d.sides[author.side].kind != "party" or author.role != "head":
        raise Rejected("glossary.not_head", "only party heads sign the glossary")
    if body.digest != pending.digest:
        raise Rejected(
            "glossary.digest_mismatch", "the signature is over another version of this term"
        )
    if author.side in pending.signed_by:
        raise Conflict("glossary.already_signed", "this party already signed this term")
    pending = dataclasses.replace(
        pending, signed_by=pending.signed_by.set(author.side, author.key_id)
    )
    if set(d.party_sides()) <= set(pending.signed_by):
        old = d[GLOSSARY].get(body.term)
        spec = TermSpec.model_validate(pending.spec)
        d.put(GLOSSARY, spec.id, term_of(spec, e.seq, 1 if old is None else old.version + 1))
        pending = dataclasses.replace(pending, done=True)
    d.put(PENDING, body.term, pending)


# --- reading ------------------------------------------------------------------------


def fold(text: str) -> str:
    """A name as compared: case-folded, accents and spacing ignored (``Şuşa``/``Susa``
    stay different letters; only combining marks and case go)."""
    t = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return " ".join(t.replace("-", " ").split())


def all_names(names: Mapping[str, str], forms: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Every name of a term given as its neutral ``names`` and each side's ``forms`` (a
    :class:`Term`'s, or the same fields of its JSON view): neutral first."""
    out = list(names.values())
    for per_side in forms.values():
        out.extend(per_side.values())
    return out


def every_form(term: Term) -> list[str]:
    """Every name of a term, neutral and each side's, in every language."""
    return all_names(term.names, term.forms)


def resolve(state: StateView, text: str) -> Term | None:
    """The term one of whose names is ``text`` (any form, any language), if any."""
    key = fold(text)
    for term in state[GLOSSARY].values():
        if any(fold(n) == key for n in every_form(term)):
            return term
    return None


def pick_name(
    names: Mapping[str, str],
    forms: Mapping[str, Mapping[str, str]],
    lang: str,
    side: str | None = None,
) -> str:
    """The name a reader sees: their side's own form in their language, else the neutral
    name in it, else the neutral name in English, else any neutral name."""
    base = lang.split("-")[0]
    if side is not None and side in forms:
        own = forms[side]
        for key in (lang, base):
            if key in own:
                return own[key]
    for key in (lang, base, "en"):
        if key in names:
            return names[key]
    return next(iter(names.values()))


def name_for(term: Term, lang: str, side: str | None = None) -> str:
    """:func:`pick_name` for a term of the state."""
    return pick_name(term.names, term.forms, lang, side)


def term_view(state: ChannelState, key: str) -> dict[str, Any]:
    t = state[GLOSSARY][key]
    return {
        "id": key,
        "kind": t.kind,
        "names": dict(t.names),
        "forms": {s: dict(f) for s, f in t.forms.items()},
        "note": t.note,
        "version": t.version,
        "seq": t.seq,
    }


def proposal_view(state: ChannelState, key: str) -> dict[str, Any]:
    p = state[PENDING][key]
    return {
        "id": key,
        "term": dict(p.spec),
        "digest": p.digest,
        "proposed_by": p.proposed_by,
        "seq": p.seq,
        "reason": p.reason,
        "signed_by": dict(p.signed_by),
        "done": p.done,
    }


FEATURE.record(GLOSSARY, term_view)
FEATURE.record(PENDING, proposal_view)
