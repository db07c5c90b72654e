"""The API's routes, one router per area. ``ROUTERS`` is the order ``create_app`` mounts
them in; who may call each route is what its dependencies require (``parley.api.access``).
"""

from fastapi import APIRouter

from parley.api.routes import (
    batch,
    channels,
    claims,
    entries,
    languages,
    ledger,
    pages,
    public,
    server,
    talks,
)

ROUTERS: tuple[APIRouter, ...] = (
    server.router,
    channels.router,
    batch.router,
    entries.router,
    ledger.router,
    talks.router,
    languages.router,
    claims.router,
    public.router,
    pages.router,
)

__all__ = ["ROUTERS"]
