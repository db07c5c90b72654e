"""Names and languages: the glossary, translations, and machine drafts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from parley.api.deps import ChannelMember, Svc
from parley.api.schemas import ERRORS
from parley.model.bodies import LANG, UUID

router = APIRouter(tags=["languages"], responses=ERRORS)

LangTag = Annotated[str, StringConstraints(pattern=LANG)]


class DraftIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    texts: list[Annotated[str, StringConstraints(max_length=20_000)]] = Field(
        min_length=1, max_length=100
    )
    source: LangTag
    target: LangTag


@router.get("/v1/channels/{channel_id}/glossary")
def glossary(v: ChannelMember, svc: Svc) -> dict[str, Any]:
    """The channel's agreed names: each term's neutral name per language and each party's
    own form (``terms``), and proposed terms waiting for every party head's signature
    (``proposals``)."""
    return svc.languages.glossary(v)


@router.get("/v1/channels/{channel_id}/translations")
def translations(
    v: ChannelMember,
    svc: Svc,
    of: Annotated[str | None, Query(pattern=UUID)] = None,
) -> list[dict[str, Any]]:
    """Translations the caller may read (a message's: its two sides and the mediator),
    with method (``human``/``machine``, a machine one is a ``draft``), engine and model,
    and which sides verified each; only those of entry ``of`` when given."""
    return svc.languages.translations(v, of)


@router.get("/v1/channels/{channel_id}/translate")
def engines(v: ChannelMember, svc: Svc) -> dict[str, Any]:
    """The language pairs this server's offline models translate (none: by people only)."""
    return svc.languages.engines()


@router.post("/v1/channels/{channel_id}/translate")
def machine_draft(body: DraftIn, v: ChannelMember, svc: Svc) -> dict[str, Any]:
    """A machine draft of ``texts`` from ``source`` to ``target``: not signed, not
    recorded, labelled a draft. To keep it, a member signs it as a ``translation.added``
    with method ``machine`` and the ``engine`` and ``model`` named here."""
    return svc.languages.machine_draft(body.texts, body.source, body.target)
