"""The members' pages: the shell, its hand-written scripts and their message catalogs."""

from __future__ import annotations

import hashlib
import json
from functools import cache

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from parley import __version__
from parley.api.app_page import render as render_app_page
from parley.api.pages_common import ASSETS, CATALOGS, PAGE_HEADERS
from parley.errors import NotFound

router = APIRouter(include_in_schema=False)


SERVICE_WORKER = "sw.js"


@cache
def service_worker() -> bytes:
    """``assets/sw.js`` with what it keeps for a reload during an outage (the shell, the
    scripts, the catalogs, the public entry schemas) and a version that changes whenever
    any of them does: a new version is a new cache, and the old one is deleted."""
    shell = [
        "/app",
        *(f"/assets/{name}" for name in ASSETS if name != SERVICE_WORKER),
        *(f"/assets/i18n/{name}" for name in CATALOGS),
        "/v1/schemas/entries",
    ]
    digest = hashlib.sha256(__version__.encode() + render_app_page().encode())
    for name, body in sorted({**ASSETS, **CATALOGS}.items()):
        if name != SERVICE_WORKER:
            digest.update(name.encode() + b"\0" + body)
    build = json.dumps({"version": digest.hexdigest()[:16], "shell": shell})
    source = ASSETS[SERVICE_WORKER].decode()
    start, end = source.index("/*BUILD*/"), source.index("/*END*/") + len("/*END*/")
    return (source[:start] + build + source[end:]).encode()


@router.get("/assets/{name}")
def asset(name: str) -> Response:
    """The pages' hand-written scripts and their stylesheet. The service worker may control
    /app (its default scope would be /assets/ only)."""
    if name not in ASSETS:
        raise NotFound("asset.not_found", f"no asset {name!r}")
    headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
    if name == SERVICE_WORKER:
        headers["Service-Worker-Allowed"] = "/app"
        return Response(
            service_worker(), media_type="text/javascript; charset=utf-8", headers=headers
        )
    kind = "text/css" if name.endswith(".css") else "text/javascript"
    return Response(ASSETS[name], media_type=f"{kind}; charset=utf-8", headers=headers)


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
