"""The members' pages: the shell, its hand-written scripts and their message catalogs."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from parley.api.app_page import render as render_app_page
from parley.api.pages_common import ASSETS, CATALOGS, PAGE_HEADERS
from parley.errors import NotFound

router = APIRouter(include_in_schema=False)


@router.get("/assets/{name}")
def asset(name: str) -> Response:
    """The pages' hand-written scripts and their stylesheet."""
    if name not in ASSETS:
        raise NotFound("asset.not_found", f"no asset {name!r}")
    return Response(
        ASSETS[name],
        media_type="text/css; charset=utf-8"
        if name.endswith(".css")
        else "text/javascript; charset=utf-8",
        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
    )


@router.get("/assets/i18n/{name}")
def catalog(name: str) -> Response:
    """The pages' message catalogs, one per language ("ru.json"; docs/languages.md)."""
    if name not in CATALOGS:
        raise NotFound("asset.not_found", f"no catalog {name!r}")
    return Response(
        CATALOGS[name],
        media_type="application/json; charset=utf-8",
        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
    )


@router.get("/app", response_class=HTMLResponse)
def members_app() -> HTMLResponse:
    """The members' pages (console, messages, meetings, ...): a shell that
    ``assets/app.js`` fills from the API, signing in the browser."""
    return HTMLResponse(render_app_page(), headers=PAGE_HEADERS)


@router.get("/")
def root() -> RedirectResponse:
    """The members' pages are the front door."""
    return RedirectResponse("/app", status_code=307)
