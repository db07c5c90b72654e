"""What a route asks for, resolved once per request: the services, the signed-in key, the
caller as a member of the channel in the path.

A route that names :data:`ChannelMember` is for the channel's active members only: the
dependency resolves the bearer token to a key and the key to a
:class:`parley.service.Viewer` of that channel, or answers ``channel.not_found`` — the
same answer as for a channel that does not exist. Services then get the viewer and
never check membership again. ``parley.api.access`` reads these dependencies to list
who may call which route.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from parley.api.cost import CostGate
from parley.api.events import Notifier
from parley.api.limits import Buckets, Limits, Slots, throttled
from parley.crypto.keys import KeyId
from parley.errors import Unauthorized
from parley.service import Services, Viewer


@dataclass(frozen=True)
class Runtime:
    """Everything the routes share: the services and this process's limits and streams."""

    services: Services
    limits: Limits
    key_buckets: Buckets
    writes: Slots
    streams: Slots
    notifier: Notifier
    push_poll: float
    public_gate: CostGate
    """Anonymous expensive work (statement checks): limited by cost, not only by count."""


def _runtime(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


async def runtime(request: Request) -> Runtime:
    # async: FastAPI runs a plain function dependency in a worker thread, a hop per
    # request for an attribute read.
    return _runtime(request)


Rt = Annotated[Runtime, Depends(runtime)]


async def services(request: Request) -> Services:
    return _runtime(request).services


Svc = Annotated[Services, Depends(services)]


async def signed_in(request: Request) -> KeyId:
    """The key id of the signed-in caller (``Authorization: Bearer <token>``), within its
    request rate."""
    return await sign_in(_runtime(request), request.headers.get("authorization", ""))


async def sign_in(rt: Runtime, auth: str) -> KeyId:
    """The key id an ``Authorization`` header's bearer token was issued to, within the
    key's request rate (one token spent). What :data:`SignedIn` resolves; the single
    entry route's ASGI shortcut (``api/routes/entries.py``) calls it directly.

    Raises:
        Unauthorized: ``auth.missing``, ``auth.bad_token``, ``auth.token_expired``.
        RateLimited: ``rate.key`` (after the tarpit delay).
    """
    if not auth.lower().startswith("bearer "):
        raise Unauthorized("auth.missing", "sign in first: send Authorization: Bearer <token>")
    key = rt.services.auth.check(auth[7:].strip(" \t"))
    wait = rt.key_buckets.take(key)
    if wait > 0:
        raise await throttled("rate.key", f"too many requests from key {key}; wait and retry", wait)
    return key


SignedIn = Annotated[KeyId, Depends(signed_in)]


def channel_member(channel_id: str, key: SignedIn, svc: Svc) -> Viewer:
    """The caller as an active member of ``channel_id``.

    Raises:
        NotFound: ``channel.not_found`` (no such channel, or not a member of it).
    """
    return svc.channels.viewer(channel_id, key)


ChannelMember = Annotated[Viewer, Depends(channel_member)]
