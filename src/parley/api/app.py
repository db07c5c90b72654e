"""The HTTP API. Routes are thin: parse, authenticate, call the service, shape the answer.

``create_app`` builds the FastAPI app around ready-made services: the error handlers,
the routers (``parley.api.routes``, one per area), the middleware that limits body
size and request rates, and in front of FastAPI the single entry route's ASGI shortcut
(``SubmitRoute``: the hot path, without FastAPI's per-request machinery), which the
server's connections also call without an ASGI cycle (``DirectRoute``).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley import __version__
from parley.api.connections import DirectRoute
from parley.api.cost import CostGate
from parley.api.deps import Runtime
from parley.api.errors import http_error_handler, parley_error_handler, validation_error_handler
from parley.api.events import POLL_SECONDS, Notifier
from parley.api.limits import MAX_REQUEST_BYTES, AddressLimit, BodyLimit, Buckets, Limits, Slots
from parley.api.routes import ROUTERS
from parley.api.routes.entries import SubmitRoute
from parley.errors import ParleyError
from parley.service import Services
from parley.store.notify import AppendListener


def create_app(
    services: Services,
    listen: bool = False,
    push_poll: float = POLL_SECONDS,
    limits: Limits | None = None,
) -> Any:
    """Build the ASGI app around ready-made services (see ``parley.service.build``)."""
    app = FastAPI(
        title="Parley",
        version=__version__,
        # No /docs or /redoc: FastAPI's viewers load scripts from a CDN, and nothing on the
        # origin that holds members' signing keys may run code from elsewhere. The document
        # itself is at /openapi.json for any viewer.
        docs_url=None,
        redoc_url=None,
        description=(
            "A mediated, verifiable two-way communication channel. Every write is an "
            "Ed25519-signed entry appended to the channel's Merkle log. Errors have the "
            'shape {"error": {"code", "message", "detail"}}.'
        ),
    )
    app.add_exception_handler(ParleyError, parley_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)

    limits = limits or Limits()
    notifier = Notifier(own=services.appender.claimed)
    app.state.runtime = Runtime(
        services=services,
        limits=limits,
        key_buckets=Buckets(limits.key_rate, limits.key_burst),
        writes=Slots(limits.writes_per_key),
        streams=Slots(limits.streams_per_key),
        notifier=notifier,
        push_poll=push_poll,
        public_gate=CostGate(
            slots=limits.public_checks_at_once,
            queue=limits.public_checks_waiting,
            cpu_rate=limits.public_cpu_rate,
            cpu_burst=limits.public_cpu_burst,
        ),
    )
    services.appender.listeners.append(notifier.notify_threadsafe)
    if services.store.is_postgres and listen:
        listener = AppendListener(services.store, notifier.heard)
        listener.start()
        app.state.listener = listener
    for router in ROUTERS:
        app.include_router(router)

    submit = SubmitRoute(app, app.state.runtime)
    outer = AddressLimit(
        BodyLimit(submit, MAX_REQUEST_BYTES), Buckets(limits.address_rate, limits.address_burst)
    )
    return DirectRoute(outer, outer, submit, MAX_REQUEST_BYTES)


def fastapi_app(asgi: Any) -> FastAPI:
    """The FastAPI app inside ``create_app``'s middleware (for its routes and OpenAPI)."""
    while not isinstance(asgi, FastAPI):
        asgi = asgi.app
    return asgi


__all__ = ["create_app", "fastapi_app"]
