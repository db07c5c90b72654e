"""The one error hierarchy of Parley.

Every error carries a stable dotted ``code`` (``entry.bad_signature``) and a sentence a
person can act on. Domain errors carry no HTTP status: the API maps codes to statuses in
one table (``parley.api.errors``).
"""

from __future__ import annotations

from typing import Any


class ParleyError(Exception):
    """Base of every error Parley raises on purpose."""

    code: str = "parley.error"

    def __init__(self, code: str, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class InvalidInput(ParleyError):
    """The input is malformed: bad JSON, unknown fields, wrong types, too large."""


class VerificationError(ParleyError):
    """A signature, digest, hash or proof does not verify. Verifiers fail closed."""

    def __init__(self, message: str, code: str = "verify.failed", **detail: Any) -> None:
        super().__init__(code, message, **detail)


class Rejected(ParleyError):
    """A well-formed entry that the channel's rules do not allow (role, order, state)."""


class NotFound(ParleyError):
    """The thing asked for does not exist, or the caller may not know it exists."""


class Unauthorized(ParleyError):
    """The caller did not prove who they are (missing, expired or bad token)."""


class Forbidden(ParleyError):
    """The caller is known but may not do this."""


class Conflict(ParleyError):
    """The request conflicts with what is already recorded (e.g. an id reused)."""


class Unavailable(ParleyError):
    """The server could not do it now (a database write failed); nothing was recorded and
    the same request may be sent again."""


class RateLimited(ParleyError):
    """Too many requests from one key or one address; ``detail["retry_after"]`` says how
    many seconds to wait."""
