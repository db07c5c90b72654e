"""The HTTP API. Routes are thin: parse, authenticate, call the service, shape the answer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, PlainTextResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley import __version__
from parley.api.app_page import render as render_app_page
from parley.api.errors import http_error_handler, parley_error_handler, validation_error_handler
from parley.api.events import POLL_SECONDS, Notifier, stream
from parley.api.limits import (
    MAX_REQUEST_BYTES,
    AddressLimit,
    BodyLimit,
    Buckets,
    Limits,
    Slots,
    throttled,
)
from parley.api.public_page import render as render_public_page
from parley.api.schemas import (
    ERRORS,
    TEXT_ERRORS,
    ChallengeIn,
    ChallengeOut,
    CheckIn,
    CosignatureIn,
    EntryEnvelope,
    LoggedEntryOut,
    ServerInfo,
    SubmitOut,
    TokenIn,
    TokenOut,
)
from parley.crypto.canonical import parse_json
from parley.crypto.keys import KeyId
from parley.errors import NotFound, ParleyError, RateLimited, Rejected, Unauthorized
from parley.service import MAX_ENTRY_BYTES, Services
from parley.store.notify import AppendListener

ASSETS = {
    name: (Path(__file__).parent / "assets" / name).read_bytes()
    for name in (
        "check.js",
        "verify.js",
        "parley.js",
        "core.js",
        "app.js",
        "talks.js",
        "members.js",
    )
}
PAGE_HEADERS = {
    # Scripts only from this server, no inline script, no framing: a page that holds a
    # signing key must not run anyone else's code.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


MAX_SEQ = 2**53 - 1
"""Largest sequence number or tree size a request may name (what JSON numbers hold
exactly everywhere; the database's integers are larger)."""


async def _member(request: Request) -> KeyId:
    """The key id of the signed-in member (``Authorization: Bearer <token>``)."""
    services: Services = request.app.state.services
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        raise Unauthorized("auth.missing", "sign in first: send Authorization: Bearer <token>")
    key = services.auth.check(auth[7:].strip())
    wait = request.app.state.key_buckets.take(key)
    if wait > 0:
        raise await throttled("rate.key", f"too many requests from key {key}; wait and retry", wait)
    return key


Member = Annotated[KeyId, Depends(_member)]


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
        description=(
            "A mediated, verifiable two-way communication channel. Every write is an "
            "Ed25519-signed entry appended to the channel's Merkle log. Errors have the "
            'shape {"error": {"code", "message", "detail"}}.'
        ),
    )
    app.add_exception_handler(ParleyError, parley_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)

    app.state.services = services
    limits = limits or Limits()
    app.state.key_buckets = Buckets(limits.key_rate, limits.key_burst)
    streams = Slots(limits.streams_per_key)
    writes = Slots(limits.writes_per_key)
    notifier = Notifier()
    services.channels.listeners.append(notifier.notify_threadsafe)
    if services.store.is_postgres and listen:
        listener = AppendListener(services.store, notifier.notify_threadsafe)
        listener.start()
        app.state.listener = listener

    @app.get("/v1/server", response_model=ServerInfo, tags=["server"])
    def server_info() -> dict[str, Any]:
        """The server's identity: the public key that signs relay receipts."""
        return {
            "name": "parley",
            "version": __version__,
            "server_key": services.server_key.public.to_b64(),
            "server_key_id": services.server_key.key_id,
            "max_entry_bytes": MAX_ENTRY_BYTES,
        }

    @app.post("/v1/auth/challenge", response_model=ChallengeOut, responses=ERRORS, tags=["auth"])
    def challenge(req: ChallengeIn) -> dict[str, str]:
        """Step 1 of sign-in: a single-use nonce, valid for two minutes."""
        nonce, expires = services.auth.challenge(req.key_id)
        return {"nonce": nonce, "expires_at": expires}

    @app.post("/v1/auth/token", response_model=TokenOut, responses=ERRORS, tags=["auth"])
    def token(req: TokenIn) -> dict[str, str]:
        """Step 2: the nonce signed with the member's key buys a one-hour bearer token."""
        t = services.auth.token(req.public_key, req.nonce, req.signature)
        return {"token": t.token, "key_id": t.key_id, "expires_at": t.expires_at}

    @app.get("/v1/channels", tags=["channels"], responses=ERRORS)
    def my_channels(key: Member) -> list[dict[str, Any]]:
        """Channels the signed-in key is an active member of."""
        return services.channels.channels_of(key)

    @app.post(
        "/v1/channels/{channel_id}/entries",
        response_model=SubmitOut,
        responses=ERRORS,
        tags=["entries"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": EntryEnvelope.model_json_schema()}},
            }
        },
    )
    async def submit(channel_id: str, request: Request, key: Member) -> dict[str, Any]:
        """Append a signed entry. Idempotent on the entry id: a retry of the same entry
        returns the original receipt with ``replayed: true`` and appends nothing."""
        raw = parse_json(await request.body())
        header = raw.get("header") if isinstance(raw, dict) else None
        if isinstance(header, dict) and header.get("channel") != channel_id:
            raise Rejected(
                "entry.wrong_channel",
                f"the entry is signed for another channel than {channel_id!r}",
            )
        if not writes.acquire(key):
            raise await throttled(
                "rate.key_parallel",
                f"key {key} already has {limits.writes_per_key} entries in flight; wait for them",
                1.0,
            )
        try:
            receipt, replayed = await run_in_threadpool(services.channels.submit, raw, key)
        finally:
            writes.release(key)
        return {"receipt": receipt.to_json(), "replayed": replayed}

    @app.get(
        "/v1/channels/{channel_id}/events",
        tags=["entries"],
        responses={200: {"content": {"text/event-stream": {}}}, **ERRORS},
    )
    async def events(
        channel_id: str,
        request: Request,
        key: Member,
        after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
    ) -> StreamingResponse:
        """Server-Sent Events: every entry after ``after`` (or ``Last-Event-ID``), then new
        ones as they are appended. Event ids are sequence numbers."""
        last_id = request.headers.get("last-event-id", "")
        if last_id.isdigit():
            after = max(after, int(last_id))
        await run_in_threadpool(services.channels.viewer, channel_id, key)
        if not streams.acquire(key):
            raise RateLimited(
                "push.too_many_streams",
                f"key {key} already has {limits.streams_per_key} push streams open; close one",
                retry_after=5,
            )

        async def held() -> AsyncIterator[str]:
            try:
                async for chunk in stream(services, notifier, channel_id, key, after, push_poll):
                    yield chunk
            finally:
                streams.release(key)

        return StreamingResponse(
            held(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    @app.get("/v1/channels/{channel_id}", tags=["channels"], responses=ERRORS)
    def channel(channel_id: str, key: Member) -> dict[str, Any]:
        """The charter, sides, members, status and tree size of a channel."""
        return services.channels.channel_view(channel_id, key)

    @app.get("/v1/channels/{channel_id}/messages", tags=["messages"], responses=ERRORS)
    def messages(channel_id: str, key: Member) -> list[dict[str, Any]]:
        """Messages the caller's side may see, with receipt states and deadlines."""
        return services.channels.messages_view(channel_id, key)

    @app.get(
        "/v1/channels/{channel_id}/entries",
        response_model=list[LoggedEntryOut],
        tags=["entries"],
        responses=ERRORS,
    )
    def entries(
        channel_id: str,
        key: Member,
        after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> list[dict[str, Any]]:
        """Entries with sequence number greater than ``after``, oldest first."""
        return services.channels.entries_view(channel_id, key, after, limit)

    @app.get(
        "/v1/channels/{channel_id}/entries/{entry_id}",
        response_model=LoggedEntryOut,
        tags=["entries"],
        responses=ERRORS,
    )
    def entry(channel_id: str, entry_id: str, key: Member) -> dict[str, Any]:
        """One logged entry by its id (body withheld if the caller may not read it)."""
        return services.channels.entry_view(channel_id, key, entry_id)

    @app.get(
        "/v1/channels/{channel_id}/checkpoint",
        response_class=PlainTextResponse,
        tags=["ledger"],
        responses={200: {"content": {"text/plain": {}}}, **TEXT_ERRORS},
    )
    def checkpoint(
        channel_id: str, key: Member, size: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None
    ) -> PlainTextResponse:
        """The latest (or ``size``) checkpoint: a c2sp.org/tlog-checkpoint signed note by
        the server, followed by the parties' c2sp.org/tlog-cosignature lines."""
        note = services.ledger.checkpoint_note(channel_id, key, size)
        return PlainTextResponse(note, media_type="text/plain; charset=utf-8")

    @app.get("/v1/channels/{channel_id}/checkpoint.json", tags=["ledger"], responses=ERRORS)
    def checkpoint_json(
        channel_id: str, key: Member, size: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None
    ) -> dict[str, Any]:
        """The checkpoint note with who cosigned it and whether it is *agreed*
        (cosigned by a witness of every party)."""
        return services.ledger.checkpoint_info(channel_id, key, size)

    @app.get("/v1/channels/{channel_id}/proof/inclusion", tags=["ledger"], responses=ERRORS)
    def inclusion(
        channel_id: str,
        key: Member,
        index: Annotated[int | None, Query(ge=0, le=MAX_SEQ)] = None,
        leaf_hash: Annotated[str | None, Query(pattern="^[0-9a-fA-F]{64}$")] = None,
        size: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None,
    ) -> dict[str, Any]:
        """RFC 9162 §2.1.3 audit path of a leaf (by index or leaf hash) in the tree of
        ``size`` leaves (default: the current size). Hashes are base64."""
        return services.ledger.inclusion(channel_id, key, size, index, leaf_hash)

    @app.get("/v1/channels/{channel_id}/proof/consistency", tags=["ledger"], responses=ERRORS)
    def consistency(
        channel_id: str,
        key: Member,
        old: Annotated[int, Query(ge=0, le=MAX_SEQ)],
        new: Annotated[int | None, Query(ge=0, le=MAX_SEQ)] = None,
    ) -> dict[str, Any]:
        """RFC 9162 §2.1.4 consistency proof from tree size ``old`` to ``new``."""
        return services.ledger.consistency(channel_id, key, old, new)

    @app.post("/v1/channels/{channel_id}/cosignatures", tags=["ledger"], responses=ERRORS)
    def cosign(channel_id: str, req: CosignatureIn, key: Member) -> dict[str, Any]:
        """Add your witness's c2sp.org/tlog-cosignature (Ed25519, type 0x04) to the
        checkpoint at ``size``, after checking it extends the last one you cosigned."""
        return services.ledger.add_cosignature(channel_id, key, req.size, req.cosignature)

    @app.post("/v1/channels/{channel_id}/witnesses/push", tags=["ledger"], responses=ERRORS)
    def push_witnesses(channel_id: str, key: Member) -> list[dict[str, Any]]:
        """Send the latest checkpoint to the server's third-party witnesses
        (c2sp.org/tlog-witness ``add-checkpoint``) and store their cosignatures."""
        services.channels.viewer(channel_id, key)
        return services.witnesses.push(channel_id)

    @app.get("/v1/channels/{channel_id}/meetings", tags=["talks"], responses=ERRORS)
    def meetings(channel_id: str, key: Member) -> list[dict[str, Any]]:
        """Every meeting with all its proposals (versions), answers and agenda items."""
        return services.talks.meetings(channel_id, key)

    @app.get("/v1/channels/{channel_id}/meetings/next", tags=["talks"], responses=ERRORS)
    def next_meeting(
        channel_id: str, key: Member, after: Annotated[str | None, Query()] = None
    ) -> dict[str, Any]:
        """What the record says about the next meeting: ``agreed``, ``proposed_not_agreed``
        or ``never_proposed``, with a sentence saying why."""
        return services.talks.next_meeting(channel_id, key, after)

    @app.get("/v1/channels/{channel_id}/meetings/{meeting_id}", tags=["talks"], responses=ERRORS)
    def meeting(channel_id: str, meeting_id: str, key: Member) -> dict[str, Any]:
        return services.talks.meeting(channel_id, key, meeting_id)

    @app.get("/v1/channels/{channel_id}/minutes/{meeting_id}", tags=["talks"], responses=ERRORS)
    def minutes(channel_id: str, meeting_id: str, key: Member) -> dict[str, Any]:
        """Every version of a meeting's minutes, who signed which, and the agreed version."""
        return services.talks.minutes(channel_id, key, meeting_id)

    @app.get(
        "/v1/channels/{channel_id}/minutes/{meeting_id}/diff", tags=["talks"], responses=ERRORS
    )
    def minutes_diff(
        channel_id: str,
        meeting_id: str,
        key: Member,
        old: Annotated[int, Query(alias="from", ge=1, le=MAX_SEQ)],
        new: Annotated[int, Query(alias="to", ge=1, le=MAX_SEQ)],
    ) -> list[str]:
        """A unified diff between two versions of the minutes."""
        return services.talks.minutes_diff(channel_id, key, meeting_id, old, new)

    @app.get("/v1/channels/{channel_id}/records/{kind}", tags=["talks"], responses=ERRORS)
    def records(channel_id: str, kind: str, key: Member) -> list[dict[str, Any]]:
        """Projection records by kind: meeting, minutes, commitment, extension, opening
        (disclosure proposals), communique, level (opened entries)."""
        return services.talks.records(channel_id, key, kind)

    @app.get("/v1/channels/{channel_id}/health", tags=["channels"], responses=ERRORS)
    def health(
        channel_id: str, key: Member, days: Annotated[int | None, Query(ge=1, le=366)] = None
    ) -> dict[str, Any]:
        """Availability per party from the communication checks, with every missed check."""
        return services.talks.health(channel_id, key, services.clock.now(), days)

    @app.get("/v1/channels/{channel_id}/commitments", tags=["talks"], responses=ERRORS)
    def commitments(
        channel_id: str, key: Member, overdue: Annotated[bool, Query()] = False
    ) -> list[dict[str, Any]]:
        """Commitments with their state now (overdue first)."""
        return services.talks.commitments(channel_id, key, services.clock.now(), overdue)

    @app.post("/v1/channels/{channel_id}/check", tags=["claims"], responses=ERRORS)
    def check_statements(channel_id: str, body: CheckIn, key: Member) -> list[dict[str, Any]]:
        """Check public statements claim by claim against everything you may see:
        supported, contradicted or not in record, and whether a claim reveals what is
        confidential (docs/claims.md)."""
        return services.claims.check(channel_id, body.statements, key)

    # --- public: no sign-in; only what every side agreed to open ---------------------

    @app.post("/public/v1/channels/{channel_id}/check", tags=["public"], responses=ERRORS)
    def public_check(channel_id: str, body: CheckIn) -> list[dict[str, Any]]:
        """Check statements against the public record only (no disclosure verdicts)."""
        return services.claims.check(channel_id, body.statements, None)

    @app.get("/public/v1/channels/{channel_id}", tags=["public"], responses=ERRORS)
    def public_channel(channel_id: str) -> dict[str, Any]:
        """The public record: latest cosigned checkpoint, communiqués, published entries."""
        return services.public.summary(channel_id)

    @app.get(
        "/public/v1/channels/{channel_id}/checkpoint",
        response_class=PlainTextResponse,
        tags=["public"],
        responses={200: {"content": {"text/plain": {}}}, **TEXT_ERRORS},
    )
    def public_checkpoint(channel_id: str) -> PlainTextResponse:
        """The latest checkpoint with its cosignatures (it reveals the number of entries only)."""
        return PlainTextResponse(
            services.public.checkpoint(channel_id), media_type="text/plain; charset=utf-8"
        )

    @app.get("/public/v1/channels/{channel_id}/entries", tags=["public"], responses=ERRORS)
    def public_entries(channel_id: str) -> list[dict[str, Any]]:
        """Entries opened to the public by every side's consent, with body and salt."""
        return services.public.entries(channel_id)

    @app.get("/public/v1/channels/{channel_id}/communiques", tags=["public"], responses=ERRORS)
    def public_communiques(channel_id: str) -> list[dict[str, Any]]:
        """Communiqués every side signed, in every language version."""
        return services.public.communiques(channel_id)

    @app.get(
        "/public/v1/channels/{channel_id}/entries/{entry_id}/bundle",
        tags=["public"],
        responses=ERRORS,
    )
    def public_bundle(channel_id: str, entry_id: str) -> dict[str, Any]:
        """An offline proof bundle for a public entry (check it with `parley verify-bundle`)."""
        return services.public.bundle(channel_id, entry_id)

    @app.get("/assets/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        """The pages' hand-written scripts."""
        if name not in ASSETS:
            raise NotFound("asset.not_found", f"no asset {name!r}")
        return Response(
            ASSETS[name],
            media_type="text/javascript; charset=utf-8",
            headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
        )

    @app.get("/app", response_class=HTMLResponse, include_in_schema=False)
    def members_app() -> HTMLResponse:
        """The members' pages (console, messages, meetings, ...): a shell that
        ``assets/app.js`` fills from the API, signing in the browser."""
        return HTMLResponse(render_app_page(), headers=PAGE_HEADERS)

    @app.get(
        "/public/channels/{channel_id}",
        response_class=HTMLResponse,
        tags=["public"],
        responses=ERRORS,
    )
    def public_page(channel_id: str) -> HTMLResponse:
        """The channel's public page (HTML): communiqués, published entries, checkpoint."""
        summary = services.public.summary(channel_id)
        return HTMLResponse(
            render_public_page(channel_id, summary, services.public.entries(channel_id)),
            headers=PAGE_HEADERS,
        )

    return AddressLimit(
        BodyLimit(app, MAX_REQUEST_BYTES), Buckets(limits.address_rate, limits.address_burst)
    )


def fastapi_app(asgi: Any) -> FastAPI:
    """The FastAPI app inside ``create_app``'s middleware (for its routes and OpenAPI)."""
    while not isinstance(asgi, FastAPI):
        asgi = asgi.app
    return asgi


__all__ = ["create_app", "fastapi_app"]
