"""What anyone may read without signing in: only what every side agreed to open."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse

from parley.api.deps import Svc
from parley.api.pages_common import PAGE_HEADERS, negotiate
from parley.api.public_page import render as render_public_page
from parley.api.schemas import ERRORS, MAX_SEQ, TEXT_ERRORS

router = APIRouter(tags=["public"])


@router.get("/public/v1/channels/{channel_id}", responses=ERRORS)
def public_channel(channel_id: str, svc: Svc) -> dict[str, Any]:
    """The public record: latest cosigned checkpoint, communiqués, published entries."""
    return svc.public.summary(channel_id)


@router.get(
    "/public/v1/channels/{channel_id}/checkpoint",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {}}}, **TEXT_ERRORS},
)
def public_checkpoint(channel_id: str, svc: Svc) -> PlainTextResponse:
    """The latest checkpoint with its cosignatures (it reveals the number of entries only)."""
    return PlainTextResponse(
        svc.public.checkpoint(channel_id), media_type="text/plain; charset=utf-8"
    )


@router.get("/public/v1/channels/{channel_id}/trust", responses=ERRORS)
def public_trust(channel_id: str, svc: Svc) -> dict[str, Any]:
    """The channel's public trust root as this server states it (format parley-trust/v1,
    as `parley trust export --public` writes): log origin, server key, member keys with
    side and role, charter digest, latest checkpoint. Pin the first one you see, or check
    it against one a party published; `parley verify-bundle --trust` takes it."""
    return svc.public.trust(channel_id)


@router.get("/public/v1/channels/{channel_id}/proof/consistency", responses=ERRORS)
def public_consistency(
    channel_id: str,
    svc: Svc,
    old: Annotated[int, Query(ge=0, le=MAX_SEQ)],
    new: Annotated[int | None, Query(ge=0, le=MAX_SEQ)] = None,
) -> dict[str, Any]:
    """RFC 9162 §2.1.4 consistency proof from tree size ``old`` to ``new`` (default: the
    latest): how a visitor who saw an earlier checkpoint checks the log only grew."""
    return svc.public.consistency(channel_id, old, new)


@router.get("/public/v1/channels/{channel_id}/entries", responses=ERRORS)
def public_entries(channel_id: str, svc: Svc) -> list[dict[str, Any]]:
    """Entries opened to the public by every side's consent, with body and salt."""
    return svc.public.entries(channel_id)


@router.get("/public/v1/channels/{channel_id}/communiques", responses=ERRORS)
def public_communiques(channel_id: str, svc: Svc) -> list[dict[str, Any]]:
    """Communiqués every side signed, in every language version."""
    return svc.public.communiques(channel_id)


@router.get("/public/v1/channels/{channel_id}/entries/{entry_id}/bundle", responses=ERRORS)
def public_bundle(channel_id: str, entry_id: str, svc: Svc) -> dict[str, Any]:
    """An offline proof bundle for a public entry (check it with `parley verify-bundle`)."""
    return svc.public.bundle(channel_id, entry_id)


@router.get("/public/channels/{channel_id}", response_class=HTMLResponse, responses=ERRORS)
def public_page(channel_id: str, svc: Svc, request: Request) -> HTMLResponse:
    """The channel's public page (HTML): communiqués, published entries, checkpoint — in
    the language of ``?lang=`` or Accept-Language (en, ru, hy, az; else English)."""
    summary = svc.public.summary(channel_id)
    query = dict(request.query_params)
    lang = negotiate(query.get("lang"), request.headers.get("accept-language"))
    return HTMLResponse(
        render_public_page(channel_id, summary, svc.public.entries(channel_id), lang, query),
        headers={**PAGE_HEADERS, "Content-Language": lang, "Vary": "Accept-Language"},
    )
