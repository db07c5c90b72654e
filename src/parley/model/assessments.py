"""Assessed statements: a reviewed check of a public statement, signed into the record.

A party or the mediator records what was said (source, speaker, date, text) and the
verdicts it endorses, claim by claim, each citing the entries it rests on. With
``publish: true`` the assessment is public at once, like a unilateral statement — but
only if every entry it cites is already public, so a clarification can never open
confidential content by the back door (``assessment.evidence_not_public``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, StringConstraints

from parley.errors import Conflict, Rejected
from parley.model.bodies import Body, Name, Slug, Uuid
from parley.model.disclosure import Lang, Text, _open, effective_level
from parley.model.entry import Disclosure
from parley.model.ids import EntryId

if TYPE_CHECKING:
    from parley.model.entry import LoggedEntry
    from parley.model.state import ChannelState, Member

Touched = set[tuple[str, str]]


class ClaimAssessment(Body):
    text: Text
    verdict: Literal["supported", "contradicted", "not_in_record"]
    disclosure_breach: bool = False
    evidence: list[Uuid] = Field(default_factory=list, max_length=20)
    explanation: Annotated[str, StringConstraints(max_length=4000)] = ""


class StatementAssessed(Body):
    assessment: Slug
    source: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    speaker: Name
    said_on: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    text: Text
    language: Lang = "en"
    claims: list[ClaimAssessment] = Field(min_length=1, max_length=50)
    publish: bool = False


@dataclass
class Assessment:
    id: str
    entry_id: EntryId
    seq: int
    by: str
    side: str
    source: str
    speaker: str
    said_on: str
    text: str
    language: str
    claims: list[dict[str, Any]]
    published: bool


def statement_assessed(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, StatementAssessed)
    if body.assessment in state.assessments:
        raise Conflict("assessment.exists", f"assessment {body.assessment!r} already exists")
    for claim in body.claims:
        for ref in claim.evidence:
            eid = EntryId(ref)
            if eid not in state.entry_seq:
                raise Rejected("entry.unknown_ref", f"evidence {ref} is not in the log")
            if body.publish and (
                effective_level(state, eid, state.created_levels[eid]) is not Disclosure.PUBLIC
            ):
                raise Rejected(
                    "assessment.evidence_not_public",
                    f"cannot publish: evidence {ref} is not public (open it by consent first)",
                )
    state.assessments[body.assessment] = Assessment(
        body.assessment,
        logged.entry.id,
        logged.seq,
        author.key_id,
        author.side,
        body.source,
        body.speaker,
        body.said_on,
        body.text,
        body.language,
        [c.model_dump() for c in body.claims],
        body.publish,
    )
    touched: Touched = {("assessment", body.assessment)}
    if body.publish:
        _open(state, logged.entry.id, Disclosure.PUBLIC, logged.seq)
        touched.add(("level", logged.entry.id))
    return touched


TYPES: dict[str, type[Body]] = {"statement.assessed": StatementAssessed}
HANDLERS: dict[type[Body], Any] = {StatementAssessed: statement_assessed}
