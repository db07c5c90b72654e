"""Request and response models of the HTTP API (they define its OpenAPI document)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

MAX_SEQ = 2**53 - 1
"""Largest sequence number or tree size a request may name (what JSON numbers hold
exactly everywhere; the database's integers are larger)."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


KEY_ID = r"^k[0-9a-f]{24}$"
PUBLIC_KEY = r"^[A-Za-z0-9+/]{43}=$"
SIGNATURE = r"^[A-Za-z0-9+/]{86}==$"


class ChallengeIn(Strict):
    key_id: str = Field(pattern=KEY_ID, description="The member's key id (k + 24 hex digits)")


class ChallengeOut(BaseModel):
    nonce: str = Field(
        description="Sign parley/auth/v2 over {nonce, kid, server, origin, purpose} with your key"
    )
    expires_at: str
    server_key_id: str = Field(description="This server's key id (what you sign as `server`)")


class TokenIn(Strict):
    public_key: str = Field(pattern=PUBLIC_KEY, description="Base64 Ed25519 public key")
    nonce: str = Field(max_length=400)
    origin: str = Field(
        max_length=300,
        description="The origin you connected to (scheme://host[:port]), as you signed it",
    )
    signature: str = Field(
        pattern=SIGNATURE, description="Base64 Ed25519 signature of the auth message"
    )


class TokenOut(BaseModel):
    token: str
    key_id: str
    expires_at: str


class ServerInfo(BaseModel):
    name: str
    version: str
    server_key: str = Field(description="Base64 Ed25519 public key that signs relay receipts")
    server_key_id: str
    max_entry_bytes: int
    max_batch_entries: int = Field(description="Most entries in one batch submission")
    max_batch_bytes: int = Field(description="Largest batch submission (bytes of JSON)")


class RelayReceiptOut(BaseModel):
    channel: str
    seq: int
    id: str
    leaf: str
    received: str
    server_key: str
    signature: str


class SubmitOut(BaseModel):
    receipt: RelayReceiptOut
    replayed: bool = Field(description="True when this entry id was already in the log")


class EntryEnvelope(Strict):
    """A signed entry as the SDK builds it (see docs/entries.md)."""

    header: dict[str, Any]
    signature: str
    body: dict[str, Any]
    salt: str


MAX_BATCH = 256
"""Most entries in one ``POST /v1/channels/{id}/entries/batch``."""


class BatchIn(Strict):
    """Entries for one channel, appended in this order (each one as for the single route;
    a refused entry does not refuse the others)."""

    entries: list[EntryEnvelope] = Field(min_length=1, max_length=MAX_BATCH)


class BatchError(BaseModel):
    code: str
    message: str
    detail: dict[str, Any] = Field(default_factory=dict)


class BatchResultOut(BaseModel):
    """One entry's outcome: its receipt, or the error the single route would have given."""

    receipt: RelayReceiptOut | None = None
    replayed: bool | None = None
    error: BatchError | None = None
    status: int = Field(description="The HTTP status the single route would have answered")


class BatchOut(BaseModel):
    results: list[BatchResultOut] = Field(description="One per submitted entry, in order")


class LoggedEntryOut(BaseModel):
    seq: int
    entry: dict[str, Any]
    relay: RelayReceiptOut
    clock_skew_s: int = Field(
        description="Seconds the author's signed time was ahead of the server's receipt time"
    )
    clock_flagged: bool = Field(
        description="True when that skew is beyond the 5-minute window (docs/security.md)"
    )


class CosignatureIn(Strict):
    size: int = Field(ge=1, le=2**53 - 1, description="Tree size of the checkpoint being cosigned")
    cosignature: str = Field(description="One signature line: '— parley.witness/<key id> <base64>'")


class ErrorOut(BaseModel):
    error: dict[str, Any] = Field(description="{code, message, detail}")


ERROR_CODES = (400, 401, 403, 404, 408, 409, 413, 422, 429)
ERRORS: dict[int | str, dict[str, Any]] = {s: {"model": ErrorOut} for s in ERROR_CODES}
TEXT_ERRORS: dict[int | str, dict[str, Any]] = {
    s: {
        "description": "Error",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
    }
    for s in ERROR_CODES
}
"""For routes whose success is text: their errors are still JSON."""


class CheckIn(Strict):
    statements: list[str] = Field(
        min_length=1,
        max_length=100,
        description="Statements to check (an interview, a post, an article), each split into claims",
    )
