"""The Python SDK: sign in with a key, build and sign entries, submit with safe retries,
read and verify the channel."""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx

from parley.client import batch
from parley.client.disclosure import Disclosures
from parley.client.languages import Languages
from parley.client.members import Members
from parley.client.talks import Talks
from parley.client.verify import LogVerifier
from parley.crypto.digest import new_salt
from parley.crypto.keys import KeyId, SigningKey, VerifyKey, b64
from parley.errors import InvalidInput, NotFound, ParleyError, VerificationError
from parley.ledger import leaf_hash
from parley.model.assessments import ClaimAssessment, StatementAssessed
from parley.model.auth import auth_message, origin_of
from parley.model.bodies import Body, parse_body
from parley.model.channel import ChannelCreated, CharterAccepted, charter_digest
from parley.model.clock import Clock, SystemClock
from parley.model.entry import Disclosure, Entry, make_entry
from parley.model.ids import ChannelId, EntryId, check_entry_id, new_entry_id
from parley.model.messages import MessageSent, ReceiptAcknowledged, ReceiptDelivered
from parley.model.relay import RelayReceipt


def _why(exc: httpx.TransportError) -> str:
    text = str(exc)
    if "Connection refused" in text or "Errno 111" in text:
        return "connection refused"
    if isinstance(exc, httpx.TimeoutException):
        return "no answer in time"
    return text or type(exc).__name__


MIN_ID_PREFIX = 6
"""Shortest start of an id the client looks up (tables show 8 characters)."""


class ApiError(ParleyError):
    """An error answered by the server, with its code, sentence and HTTP status."""

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(code, message, status=status)
        self.status = status


class Unreachable(ParleyError):
    """The server could not be reached after all retries."""


MAX_THROTTLED = 100
"""Rate-limit answers (429) a request waits out before giving up."""


class ParleyClient:
    """One member's connection to one server.

    ``submit`` retries on network errors and 5xx answers with exponential backoff, and
    waits out rate limits (429, ``Retry-After``),
    resending the *same* signed entry: the server's idempotency on entry ids makes the
    retry safe, so an entry is in the log once however often it was sent.
    """

    def __init__(
        self,
        url: str,
        key: SigningKey,
        *,
        clock: Clock | None = None,
        transport: httpx.BaseTransport | None = None,
        http: httpx.Client | None = None,
        retries: int = 5,
        backoff: float = 0.2,
        timeout: float = 15.0,
        expect_server: VerifyKey | None = None,
    ) -> None:
        self.key = key
        self.expect_server = expect_server
        """The server key this client must find (from a trust root); None: whatever the
        server says (trust on first use)."""
        self.clock = clock or SystemClock()
        self.retries = retries
        self.backoff = backoff
        # ``http`` lets tests pass an in-process client (Starlette's TestClient).
        self._http = http or httpx.Client(
            base_url=url.rstrip("/"), transport=transport, timeout=timeout
        )
        self._token: str | None = None
        self._server_key: VerifyKey | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ParleyClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- transport -----------------------------------------------------------------

    def _request(self, method: str, path: str, *, auth: bool = True, **kw: Any) -> Any:
        attempt = 0
        throttled = 0
        while True:
            headers = {}
            if auth:
                headers["Authorization"] = f"Bearer {self._ensure_token()}"
            try:
                r = self._http.request(method, path, headers=headers, **kw)
            except httpx.TransportError as exc:
                if attempt >= self.retries:
                    raise Unreachable(
                        "client.unreachable",
                        f"cannot reach the server at {self._http.base_url}: {_why(exc)} "
                        "(is it running? the URL comes from --url or PARLEY_URL)",
                    ) from exc
            else:
                if r.status_code == 429 and throttled < MAX_THROTTLED:
                    # Slowed down by the server's rate limit: wait as told, then resend
                    # (the same signed entry: safe, it is idempotent on its id).
                    throttled += 1
                    time.sleep(min(30.0, float(r.headers.get("retry-after", "1") or 1)))
                    continue
                if r.status_code < 500:
                    if r.status_code == 401 and auth and attempt == 0:
                        self._token = None  # expired: sign in again once
                        attempt += 1
                        continue
                    return self._decode(r)
                if attempt >= self.retries:
                    self._decode(r)
            time.sleep(self.backoff * (2**attempt))
            attempt += 1

    @staticmethod
    def _decode(r: httpx.Response) -> Any:
        try:
            data = r.json()
        except ValueError:
            data = None
        if r.status_code >= 400:
            err = (data or {}).get("error", {}) if isinstance(data, dict) else {}
            raise ApiError(
                err.get("code", "http.error"),
                err.get("message", f"HTTP {r.status_code}"),
                r.status_code,
            )
        return data

    @property
    def disclosures(self) -> Disclosures:
        """Joint consent to open entries, communiqués, statements, the public record."""
        return Disclosures(self)

    @property
    def members(self) -> Members:
        """Adding, removing and rotating keys; replacing a lost head."""
        return Members(self)

    @property
    def languages(self) -> Languages:
        """The glossary of agreed names, translations and machine drafts."""
        return Languages(self)

    @property
    def talks(self) -> Talks:
        """Meetings, agenda, mandate, minutes and commitments."""
        return Talks(self)

    # --- identity ------------------------------------------------------------------

    @property
    def key_id(self) -> KeyId:
        return self.key.key_id

    def server_key(self) -> VerifyKey:
        """The server's key, as it says (``GET /v1/server``) — checked against the key this
        client was told to expect (``expect_server``), if any.

        Raises:
            VerificationError: ``server.bad_key``, or ``server.unexpected_key`` when the
                server is not the one expected.
        """
        if self._server_key is None:
            info = self._request("GET", "/v1/server", auth=False)
            key = VerifyKey.from_b64(info["server_key"])
            if key.key_id != info["server_key_id"]:
                raise VerificationError("server key id does not match its key", "server.bad_key")
            if self.expect_server is not None and key != self.expect_server:
                raise VerificationError(
                    f"the server at {self.origin} signs with {key.key_id}, not "
                    f"{self.expect_server.key_id} as expected: another server",
                    "server.unexpected_key",
                )
            self._server_key = key
        return self._server_key

    @property
    def origin(self) -> str:
        """Where this client connects (``scheme://host[:port]``): what sign-ins are bound to."""
        return origin_of(str(self._http.base_url))

    def _ensure_token(self) -> str:
        if self._token is None:
            server = self.server_key()
            ch = self._request(
                "POST", "/v1/auth/challenge", auth=False, json={"key_id": self.key_id}
            )
            if ch.get("server_key_id", server.key_id) != server.key_id:
                raise VerificationError(
                    "the challenge names another server key than the server's",
                    "server.unexpected_key",
                )
            origin = self.origin
            sig = self.key.sign(auth_message(ch["nonce"], self.key_id, server.key_id, origin))
            tok = self._request(
                "POST",
                "/v1/auth/token",
                auth=False,
                json={
                    "public_key": self.key.public.to_b64(),
                    "nonce": ch["nonce"],
                    "signature": b64(sig),
                    "origin": origin,
                },
            )
            self._token = str(tok["token"])
        return self._token

    # --- writing -------------------------------------------------------------------

    def build(
        self,
        channel: str,
        body: Body,
        *,
        refs: tuple[str, ...] = (),
        disclosure: Disclosure = Disclosure.CONFIDENTIAL,
    ) -> Entry:
        """Sign a typed body (its model names the entry type) as an entry of ``channel``.
        No network: the entry can wait in an outbox."""
        return self.build_unchecked(
            channel, body.TYPE, body.dump(), refs=refs, disclosure=disclosure
        )

    def build_unchecked(
        self,
        channel: str,
        type: str,
        body: dict[str, Any],
        *,
        refs: tuple[str, ...] = (),
        disclosure: Disclosure = Disclosure.CONFIDENTIAL,
    ) -> Entry:
        """Sign ``body`` as given, not checked against its type's model (the server still
        checks it): for tools and tests that must send what the model would refuse."""
        return make_entry(
            self.key,
            channel=ChannelId(channel),
            type=type,
            body=body,
            time=self.clock.now(),
            entry_id=new_entry_id(),
            refs=tuple(EntryId(r) for r in refs),
            disclosure=disclosure,
            salt=new_salt(),
        )

    def submit(self, entry: Entry) -> RelayReceipt:
        """Submit a signed entry and check the server's relay receipt.

        Raises:
            ApiError: the server refused the entry (its code says why).
            Unreachable: no answer after all retries.
            VerificationError: the receipt is not for this entry or not signed by the server.
        """
        data = self._request(
            "POST", f"/v1/channels/{entry.header.channel}/entries", json=entry.to_json()
        )
        return self._receipt_for(entry, data["receipt"])

    def submit_many(self, entries: list[Entry]) -> list[RelayReceipt | ApiError]:
        """Submit entries of one channel through the batch route, in order, and return
        for each its checked receipt or the server's error for it (a refused entry does
        not stop the others; entries slowed down by the server's limits are resent).

        Raises:
            InvalidInput: the entries are not all of one channel.
            ApiError: the batch as a whole was refused.
            Unreachable: no answer after all retries.
            VerificationError: a receipt is not for its entry or not signed by the server.
        """
        channels = {e.header.channel for e in entries}
        if len(channels) > 1:
            raise InvalidInput("batch.mixed_channels", "a batch holds entries of one channel")
        out: list[RelayReceipt | ApiError] = []
        for chunk in batch.chunks(entries):
            channel = chunk[0].header.channel

            def post(raws: list[dict[str, Any]], channel: str = channel) -> Any:
                path = f"/v1/channels/{channel}/entries/batch"
                return self._request("POST", path, json={"entries": raws})

            for r in batch.submit_batch(post, self._receipt_for, chunk):
                out.append(r if isinstance(r, RelayReceipt) else ApiError(*r))
        return out

    def _receipt_for(self, entry: Entry, raw: dict[str, Any]) -> RelayReceipt:
        receipt = RelayReceipt.from_json(raw)
        if receipt.entry_id != entry.id or receipt.leaf_hash != leaf_hash(entry.leaf_data()):
            raise VerificationError("the server's receipt is for another entry", "relay.mismatch")
        receipt.verify(self.server_key())
        return receipt

    def create_channel(self, channel: str, charter: dict[str, Any]) -> tuple[Entry, RelayReceipt]:
        """Create a channel from a charter (the ``channel.created`` body). A charter that
        names no ``server_key`` gets this server's (it signs the escalations of missed
        deadlines; the server refuses a charter without it).

        Raises:
            InvalidInput: the charter does not match its model (checked before signing).
        """
        if isinstance(charter, dict) and charter.get("server_key") is None:
            charter = {**charter, "server_key": self.server_key().to_b64()}
        body = parse_body(ChannelCreated, ChannelCreated.TYPE, charter)
        assert isinstance(body, ChannelCreated)
        entry = self.build(channel, body, disclosure=Disclosure(body.default_disclosure))
        return entry, self.submit(entry)

    def accept_charter(self, channel: str) -> RelayReceipt:
        """Accept the charter as logged: fetched, verified, and its digest signed."""
        entries = self.sync(channel, limit=1)
        created = entries[0]
        assert created.body is not None
        entry = self.build(
            channel,
            CharterAccepted(charter_digest=charter_digest(created.body)),
            refs=(created.id,),
            disclosure=created.header.disclosure,
        )
        return self.submit(entry)

    def message(
        self,
        channel: str,
        *,
        to: str,
        subject: str,
        text: str,
        priority: str = "routine",
        language: str = "en",
        topic: str | None = None,
        reply_to: str | None = None,
        relay_of: str | None = None,
    ) -> Entry:
        """Build and sign a message entry (no network: it can go to the outbox).

        Raises:
            InvalidInput: a field does not fit the message model (before signing).
        """
        body = parse_body(
            MessageSent,
            MessageSent.TYPE,
            {
                "to": to,
                "priority": priority,
                "subject": subject,
                "text": text,
                "language": language,
                "topic": topic,
                "reply_to": reply_to,
                "relay_of": relay_of,
            },
        )
        refs = [r for r in (reply_to, relay_of) if r is not None]
        return self.build(channel, body, refs=tuple(dict.fromkeys(refs)))

    def send(self, channel: str, **fields: Any) -> tuple[Entry, RelayReceipt]:
        """Build, sign and submit a message (see :meth:`message` for the fields)."""
        entry = self.message(channel, **fields)
        return entry, self.submit(entry)

    def receipt(self, channel: str, message_id: str, kind: str, note: str = "") -> RelayReceipt:
        body: Body = (
            ReceiptAcknowledged(message=message_id, note=note)
            if kind == "acknowledged"
            else ReceiptDelivered(message=message_id)
        )
        return self.submit(self.build(channel, body, refs=(message_id,)))

    def acknowledge(self, channel: str, message_id: str, note: str = "") -> RelayReceipt:
        return self.receipt(channel, message_id, "acknowledged", note)

    def mark_delivered(self, channel: str) -> list[str]:
        """Send a delivered receipt for every message to this member's side that this
        member has not yet marked; return their ids."""
        me = self.key_id
        side = self.my_side(channel)
        done = []
        for m in self.messages(channel):
            if m["to"] != side:
                continue
            if any(r["member"] == me and r["kind"] == "delivered" for r in m["receipts"]):
                continue
            self.receipt(channel, m["id"], "delivered")
            done.append(m["id"])
        return done

    # --- reading -------------------------------------------------------------------

    def channels(self) -> list[dict[str, Any]]:
        return list(self._request("GET", "/v1/channels"))

    def channel(self, channel: str) -> dict[str, Any]:
        return dict(self._request("GET", f"/v1/channels/{channel}"))

    def my_side(self, channel: str) -> str:
        for side in self.channel(channel)["sides"]:
            if any(m["key_id"] == self.key_id for m in side["members"]):
                return str(side["id"])
        raise ParleyError("client.not_member", f"this key is not a member of {channel}")

    def check_statements(self, channel: str, statements: list[str]) -> list[dict[str, Any]]:
        """Check statements claim by claim against what you may see (docs/claims.md)."""
        return list(
            self._request("POST", f"/v1/channels/{channel}/check", json={"statements": statements})
        )

    def assess(
        self,
        channel: str,
        assessment: str,
        *,
        source: str,
        speaker: str,
        said_on: str,
        text: str,
        claims: list[dict[str, Any]],
        language: str = "en",
        publish: bool = False,
    ) -> RelayReceipt:
        """Sign a reviewed check into the record (``statement.assessed``): the verdicts
        you endorse, each with its evidence entry ids. ``publish`` makes it public at once
        (refused unless every cited entry is already public)."""
        body = StatementAssessed(
            assessment=assessment,
            source=source,
            speaker=speaker,
            said_on=said_on,
            text=text,
            language=language,
            claims=[
                ClaimAssessment(
                    text=c["text"],
                    verdict=c["verdict"],
                    disclosure_breach=bool(c.get("disclosure_breach", False)),
                    evidence=list(dict.fromkeys(e["entry"] for e in c.get("evidence", []))),
                    explanation=c.get("explanation", "")[:4000],
                )
                for c in claims
            ],
            publish=publish,
        )
        return self.submit(self.build(channel, body))

    def messages(self, channel: str) -> list[dict[str, Any]]:
        return list(self._request("GET", f"/v1/channels/{channel}/messages"))

    def entry(self, channel: str, entry_id: str) -> dict[str, Any]:
        return dict(self._request("GET", f"/v1/channels/{channel}/entries/{entry_id}"))

    def entries(self, channel: str, after: int = 0, limit: int = 500) -> list[dict[str, Any]]:
        return list(
            self._request(
                "GET", f"/v1/channels/{channel}/entries", params={"after": after, "limit": limit}
            )
        )

    def entry_at(self, channel: str, seq: int) -> dict[str, Any]:
        """The logged entry at sequence number ``seq`` (1 is the charter).

        Raises:
            NotFound: ``entry.unknown`` beyond the log.
        """
        found = self.entries(channel, seq - 1, 1) if seq >= 1 else []
        if not found:
            raise NotFound("entry.unknown", f"channel {channel} has no entry number {seq}")
        return found[0]

    def find_id(self, channel: str, text: str, *, messages: bool = False) -> str:
        """The full id of the entry — or, with ``messages``, of the message this member
        can see — whose id is ``text`` or starts with it (at least 6 characters, as the
        tables show them).

        Raises:
            InvalidInput: ``id.too_short``, ``entry.bad_id``, ``id.ambiguous`` (naming the
                candidates).
            NotFound: ``id.unknown``.
        """
        t = text.strip().lower()
        if len(t) == 36:
            return check_entry_id(t)
        if len(t) < MIN_ID_PREFIX:
            raise InvalidInput(
                "id.too_short", f"{text!r}: give at least {MIN_ID_PREFIX} characters of the id"
            )
        if not re.fullmatch(r"[0-9a-f-]+", t):
            raise InvalidInput("entry.bad_id", f"{text!r} is not (the start of) an entry id")
        if messages:
            ids = [str(m["id"]) for m in self.messages(channel)]
        else:
            ids, after = [], 0
            while batch := self.entries(channel, after, 1000):
                ids += [str(i["entry"]["header"]["id"]) for i in batch]
                after = int(batch[-1]["seq"])
        found = [i for i in ids if i.startswith(t)]
        what = "message" if messages else "entry"
        if not found:
            raise NotFound("id.unknown", f"no {what} whose id starts with {text} in {channel}")
        if len(found) > 1:
            raise InvalidInput(
                "id.ambiguous",
                f"{text} could be any of {len(found)} {what} ids ({', '.join(f[:13] for f in found[:4])}…); "
                "give more characters",
            )
        return found[0]

    def iter_verified(
        self, channel: str, verifier: LogVerifier, page: int = 500
    ) -> Iterator[Entry]:
        """Fetch the log from where ``verifier`` stopped, page by page, verifying each entry;
        memory stays flat however long the log is.

        Raises:
            VerificationError: any entry, signature, body or receipt that does not verify.
        """
        while True:
            items = self.entries(channel, verifier.size, page)
            for item in items:
                yield verifier.add(item)
            if len(items) < page:
                return

    def follow(
        self, channel: str, verifier: LogVerifier, *, limit: int | None = None, reconnects: int = 10
    ) -> Iterator[Entry]:
        """Follow the channel live (Server-Sent Events), verifying every entry; after a
        disconnect, reconnect from the last verified sequence number — no gap, no repeat.

        Raises:
            VerificationError: an entry that does not verify, or a gap in the sequence.
            Unreachable: the server stayed away for ``reconnects`` attempts.
        """
        got, failures = 0, 0
        while limit is None or got < limit:
            try:
                headers = {
                    "Authorization": f"Bearer {self._ensure_token()}",
                    "Accept": "text/event-stream",
                }
                with self._http.stream(
                    "GET",
                    f"/v1/channels/{channel}/events",
                    params={"after": verifier.size},
                    headers=headers,
                    timeout=httpx.Timeout(15.0, read=60.0),
                ) as r:
                    if r.status_code != 200:
                        r.read()
                        self._decode(r)
                    failures = 0
                    for line in r.iter_lines():
                        if not line.startswith("data: "):
                            continue
                        item = json.loads(line[6:])
                        if int(item["seq"]) <= verifier.size:
                            continue  # already verified (a replay after reconnecting)
                        yield verifier.add(item)
                        got += 1
                        if limit is not None and got >= limit:
                            return
            except httpx.TransportError as exc:
                failures += 1
                if failures > reconnects:
                    raise Unreachable(
                        "client.unreachable", f"lost the event stream: {exc}"
                    ) from exc
                time.sleep(min(5.0, self.backoff * (2**failures)))

    def sync(
        self, channel: str, verifier: LogVerifier | None = None, limit: int | None = None
    ) -> list[Entry]:
        """Like :meth:`iter_verified`, collected into a list (at most ``limit`` entries)."""
        v = verifier or LogVerifier(channel, self.server_key())
        out: list[Entry] = []
        for entry in self.iter_verified(channel, v, 500 if limit is None else min(500, limit)):
            out.append(entry)
            if limit is not None and len(out) >= limit:
                break
        return out

    # --- ledger --------------------------------------------------------------------

    def checkpoint(self, channel: str, size: int | None = None) -> str:
        """The signed checkpoint note (with cosignature lines), exactly as served."""
        params = {} if size is None else {"size": size}
        headers = {"Authorization": f"Bearer {self._ensure_token()}"}
        r = self._http.get(f"/v1/channels/{channel}/checkpoint", params=params, headers=headers)
        if r.status_code != 200:
            self._decode(r)
        return r.text

    def checkpoint_info(self, channel: str, size: int | None = None) -> dict[str, Any]:
        params = {} if size is None else {"size": size}
        return dict(self._request("GET", f"/v1/channels/{channel}/checkpoint.json", params=params))

    def consistency_proof(self, channel: str, old: int, new: int) -> list[bytes]:
        data = self._request(
            "GET", f"/v1/channels/{channel}/proof/consistency", params={"old": old, "new": new}
        )
        return [base64.b64decode(p) for p in data["proof"]]

    def inclusion_proof(
        self, channel: str, *, size: int, index: int | None = None, leaf_hash: bytes | None = None
    ) -> tuple[int, list[bytes]]:
        params: dict[str, Any] = {"size": size}
        if index is not None:
            params["index"] = index
        if leaf_hash is not None:
            params["leaf_hash"] = leaf_hash.hex()
        data = self._request("GET", f"/v1/channels/{channel}/proof/inclusion", params=params)
        return int(data["index"]), [base64.b64decode(p) for p in data["proof"]]

    def add_cosignature(self, channel: str, size: int, line: str) -> dict[str, Any]:
        return dict(
            self._request(
                "POST",
                f"/v1/channels/{channel}/cosignatures",
                json={"size": size, "cosignature": line},
            )
        )

    def push_witnesses(self, channel: str) -> list[dict[str, Any]]:
        """Ask the server to send its latest checkpoint to its third-party witnesses."""
        return list(self._request("POST", f"/v1/channels/{channel}/witnesses/push"))

    def verify_root(self, channel: str, verifier: LogVerifier) -> None:
        """Compare the locally rebuilt root with the server's, at the same size.

        Raises:
            VerificationError: the server reports another root for the size we hold.
        """
        view = self.channel(channel)
        if (
            int(view["tree_size"]) == verifier.size
            and bytes.fromhex(view["root_hash"]) != verifier.tree.root()
        ):
            raise VerificationError(
                "the server's tree root differs from the log it served", "sync.root_mismatch"
            )


__all__ = ["ApiError", "ParleyClient", "Unreachable"]
