"""Who may call which HTTP route — read off the routes themselves.

A route is for the channel's members when it depends on
:data:`parley.api.deps.ChannelMember`, for any signed-in key when it depends on
:data:`parley.api.deps.SignedIn`, and public otherwise. Nothing here is a second list to
keep in step: ``tests/api/test_access.py`` calls every route as every role (each
party's head and member, the mediator's head and duty officer, a member of another
channel, anyone without a sign-in) and checks it answers as its level says, and pins
the list of public routes, so a route that forgets its dependency fails there. What a
member may do *inside* a channel — accept a charter only as a party head, read only
the messages of its side — is decided by the channel's rules on each entry and by the
read views, and is tested there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import fastapi.routing
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from parley.api.deps import channel_member, signed_in

PUBLIC = "public"
"""Anyone, without signing in."""
SIGNED_IN = "signed_in"
"""Any key holding a valid sign-in token."""
MEMBER = "member"
"""An active member of the channel named in the path; anyone else is told the channel
does not exist (the same answer as for a channel that does not)."""


def _calls(dependant: Dependant) -> Iterator[Any]:
    for d in dependant.dependencies:
        yield d.call
        yield from _calls(d)


def level(route: Any) -> str:
    """The access level a route's dependencies enforce."""
    if not isinstance(route, APIRoute):
        return PUBLIC  # FastAPI's own: the OpenAPI document and its viewers
    calls = set(_calls(route.dependant))
    if channel_member in calls:
        return MEMBER
    if signed_in in calls:
        return SIGNED_IN
    return PUBLIC


def routes(app: FastAPI) -> Iterator[tuple[str, str, Any]]:
    """(method, path, route) for every route of ``app``, those of included routers too."""
    contexts = getattr(fastapi.routing, "iter_route_contexts", None)
    found = (
        [(c.path, c.methods, c.original_route) for c in contexts(app.routes)]
        if contexts is not None  # FastAPI >= 0.120 includes routers lazily
        else [(getattr(r, "path", ""), getattr(r, "methods", None), r) for r in app.routes]
    )
    for path, methods, route in found:
        for method in sorted(methods or ()):
            if method not in ("HEAD", "OPTIONS"):
                yield method, path or "", route


def access(app: FastAPI) -> dict[tuple[str, str], str]:
    """(method, path) -> access level, for every route of ``app``."""
    return {(method, path): level(route) for method, path, route in routes(app)}
