"""Assessed statements: a reviewed check of a public statement, signed into the record.

A party or the mediator records what was said (source, speaker, date, text) and the
verdicts it endorses, claim by claim, each citing the entries it rests on. With
``publish: true`` the assessment is public at once, like a unilateral statement — but
only if every entry it cites is already public, so a clarification can never open
confidential content by the back door (``assessment.evidence_not_public``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from parley.errors import Conflict, Rejected
from parley.model.bodies import Body, IsoDate, Lang, Name, Slug, Uuid
from parley.model.disclosure import Text, level_now, open_entry
from parley.model.entry import Disclosure
from parley.model.feature import EVERY_MEMBER, Act, Draft, Feature
from parley.model.ids import EntryId
from parley.model.state import ChannelState, Table

FEATURE = Feature("assessments", __doc__ or "")


class ClaimAssessment(Body):
    text: Text
    verdict: Literal["supported", "contradicted", "not_in_record"]
    disclosure_breach: bool = False
    evidence: list[Uuid] = Field(default_factory=list, max_length=20)
    explanation: Annotated[str, StringConstraints(max_length=4000)] = ""


class StatementAssessed(Body):
    """A reviewed check of a public statement, claim by claim, citing its evidence."""

    TYPE = "statement.assessed"
    assessment: Slug
    source: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    speaker: Name
    said_on: IsoDate
    text: Text
    language: Lang = "en"
    claims: list[ClaimAssessment] = Field(min_length=1, max_length=50)
    publish: bool = False


@dataclass(frozen=True, slots=True)
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
    claims: tuple[dict[str, Any], ...]
    published: bool


ASSESSMENTS: Table[str, Assessment] = FEATURE.table(Table("assessment", ordered=True))


@FEATURE.handles(StatementAssessed, read=EVERY_MEMBER)
def statement_assessed(d: Draft, e: Act[StatementAssessed]) -> None:
    body = e.body
    if body.assessment in d[ASSESSMENTS]:
        raise Conflict("assessment.exists", f"assessment {body.assessment!r} already exists")
    for claim in body.claims:
        for ref in claim.evidence:
            level = level_now(d, EntryId(ref))
            if level is None:
                raise Rejected("entry.unknown_ref", f"evidence {ref} is not in the log")
            if body.publish and level is not Disclosure.PUBLIC:
                raise Rejected(
                    "assessment.evidence_not_public",
                    f"cannot publish: evidence {ref} is not public (open it by consent first)",
                )
    d.put(
        ASSESSMENTS,
        body.assessment,
        Assessment(
            body.assessment,
            e.id,
            e.seq,
            e.author.key_id,
            e.author.side,
            body.source,
            body.speaker,
            body.said_on,
            body.text,
            body.language,
            tuple(c.model_dump() for c in body.claims),
            body.publish,
        ),
    )
    if body.publish:
        open_entry(d, e.id, Disclosure.PUBLIC, e.seq)


def assessment_view(state: ChannelState, key: str) -> dict[str, Any]:
    a = state[ASSESSMENTS][key]
    return {
        "id": a.id,
        "entry_id": a.entry_id,
        "seq": a.seq,
        "by": a.by,
        "side": a.side,
        "source": a.source,
        "speaker": a.speaker,
        "said_on": a.said_on,
        "text": a.text,
        "language": a.language,
        "claims": list(a.claims),
        "published": a.published,
    }


FEATURE.record(ASSESSMENTS, assessment_view)
