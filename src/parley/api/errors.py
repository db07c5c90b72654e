"""One table from error codes to HTTP statuses, and one JSON error shape:

{"error": {"code": "entry.bad_signature", "message": "...", "detail": {...}}}
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    ParleyError,
    RateLimited,
    Rejected,
    Unauthorized,
    Unavailable,
    VerificationError,
)

BY_CLASS: dict[type[ParleyError], int] = {
    InvalidInput: 400,
    VerificationError: 400,
    Unauthorized: 401,
    Forbidden: 403,
    NotFound: 404,
    Conflict: 409,
    Rejected: 422,
    RateLimited: 429,
    Unavailable: 503,
}

BY_CODE: dict[str, int] = {
    "request.too_large": 413,
    "batch.too_large": 413,
    "entry.too_large": 413,
    "entry.not_member": 403,
    "charter.not_head": 403,
    "charter.not_mediator": 403,
    "member.not_head": 403,
    "receipt.not_recipient": 403,
    "message.relay_not_mediator": 403,
    "channel.not_active": 409,
    "channel.exists": 409,
    "charter.already_accepted": 409,
    "cosignature.not_yours": 403,
    # An installed model that cannot run: no draft from it (never a 5xx; the log notes it).
    "translate.model_broken": 404,
}


def status_for(exc: ParleyError) -> int:
    if exc.code in BY_CODE:
        return BY_CODE[exc.code]
    for cls in type(exc).__mro__:
        if cls in BY_CLASS:
            return BY_CLASS[cls]
    return 400


def error_body(code: str, message: str, detail: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "detail": detail or {}}}


def error_json(exc: ParleyError) -> dict[str, Any]:
    """The body every route answers a Parley error with (a batch: per entry)."""
    return error_body(exc.code, exc.message, _jsonable(exc.detail))


async def parley_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ParleyError)
    headers = {}
    if isinstance(exc, RateLimited):
        headers["Retry-After"] = str(exc.detail.get("retry_after", 1))
    return JSONResponse(error_json(exc), status_code=status_for(exc), headers=headers)


async def validation_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {"type": "invalid", "loc": (), "msg": "invalid request"}
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "request"
    if first.get("type") == "json_invalid":
        return JSONResponse(error_body("json.malformed", "the request body is not valid JSON"), 400)
    if first.get("type") == "extra_forbidden":
        return JSONResponse(error_body("request.unknown_field", f"unknown field: {where}"), 400)
    return JSONResponse(
        error_body("request.invalid", f"invalid request at {where}: {first.get('msg')}"), 400
    )


async def http_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = {404: "route.not_found", 405: "route.method_not_allowed"}.get(
        exc.status_code, "http.error"
    )
    return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code)


def _jsonable(detail: dict[str, Any]) -> dict[str, Any]:
    def one(v: Any) -> Any:
        if isinstance(v, str | int | float | bool | None):
            return v
        if isinstance(v, list | tuple) and all(isinstance(x, str) for x in v):
            return list(v)
        return str(v)

    return {k: one(v) for k, v in detail.items()}
