"""The statement checker as a service: member and public mode, evidence with proofs."""

from __future__ import annotations

import threading
from typing import Any

from parley.claims import build_record, check_statement
from parley.claims.checker import content_words
from parley.claims.record import Record
from parley.claims.semantic import Embedder
from parley.errors import InvalidInput, NotFound
from parley.model.assessments import ASSESSMENTS
from parley.model.clock import Clock
from parley.model.state import ChannelState
from parley.service.channels import Viewer
from parley.service.public import PublicViews
from parley.service.snapshots import Snapshots

MAX_STATEMENTS = 100
MAX_STATEMENT_CHARS = 5000
PUBLIC_MAX_STATEMENTS = 20
PUBLIC_MAX_STATEMENT_CHARS = 1000
"""Anyone may ask for a public check: it gets less per request than a member."""


class ClaimsViews:
    def __init__(
        self,
        snapshots: Snapshots,
        public: PublicViews,
        clock: Clock,
        embedder: Embedder | None = None,
    ) -> None:
        self.snapshots = snapshots
        self.public = public
        self.clock = clock
        self.embedder = embedder
        self._records: dict[tuple[str, bool], tuple[tuple[int, str], Record]] = {}
        self._lock = threading.Lock()

    def check_local(
        self, channel: str, statements: list[str], public: bool
    ) -> list[dict[str, Any]]:
        """On the server's own database (``parley check --data-dir``): the operator's full
        view, or the public one."""
        return self._check(channel, statements, public, "public" if public else "operator")

    def check(self, v: Viewer, statements: list[str]) -> list[dict[str, Any]]:
        """Check each statement claim by claim against everything the member may see,
        with disclosure verdicts.

        Raises:
            InvalidInput: ``check.too_long``.
        """
        return self._check(v.channel, statements, False, "member")

    def check_public(self, channel: str, statements: list[str]) -> list[dict[str, Any]]:
        """Check each statement against the public record only; no disclosure verdict is
        given (it would need the rest).

        Raises:
            NotFound: no such channel.
            InvalidInput: ``check.too_long``.
        """
        if len(statements) > PUBLIC_MAX_STATEMENTS or any(
            len(s) > PUBLIC_MAX_STATEMENT_CHARS for s in statements
        ):
            raise InvalidInput(
                "check.too_long",
                f"a public check takes at most {PUBLIC_MAX_STATEMENTS} statements of "
                f"{PUBLIC_MAX_STATEMENT_CHARS} characters each",
            )
        self.public.visible(channel)  # the same answer as for no channel at all
        return self._check(channel, statements, True, "public")

    def _check(
        self, channel: str, statements: list[str], public: bool, mode: str
    ) -> list[dict[str, Any]]:
        if len(statements) > MAX_STATEMENTS or any(
            len(s) > MAX_STATEMENT_CHARS for s in statements
        ):
            raise InvalidInput(
                "check.too_long",
                f"at most {MAX_STATEMENTS} statements of {MAX_STATEMENT_CHARS} characters each",
            )
        # A snapshot: never the appender's lock or working state. An unknown name is
        # answered from the small channels table (public requests choose the name).
        state = self.snapshots.current(channel)
        if state is None or state.size == 0:
            raise NotFound("channel.not_found", f"no channel {channel!r}")
        record = self._record(state, public)
        earlier = [
            (a, c, content_words(c["text"]))
            for a in state[ASSESSMENTS].values()
            if a.published or not public
            for c in a.claims
        ]
        out = []
        for statement in statements:
            claims = []
            for v in check_statement(statement, record, self.embedder):
                item = v.to_json()
                for ev in item["evidence"]:
                    ev["bundle"] = self._bundle(channel, ev["entry"]) if ev["public"] else None
                item["repeat_of"] = _repeat(content_words(v.text), earlier)
                claims.append(item)
            out.append(
                {
                    "statement": statement,
                    "mode": mode,
                    "claims": claims,
                }
            )
        return out

    def _record(self, state: ChannelState, public: bool) -> Record:
        """The checker's view of a state as of now (which meetings are past, which
        commitments overdue), built once per (channel, size, view, minute) and kept for
        the requests that follow."""
        now = self.clock.now()
        version = (state.size, now.strftime("%Y-%m-%dT%H:%M"))
        key = (state.channel_id, public)
        with self._lock:
            cached = self._records.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
        record = build_record(state, public_only=public, as_of=now)
        with self._lock:
            self._records[key] = (version, record)
        return record

    def _bundle(self, channel: str, entry_id: str) -> dict[str, Any] | None:
        try:
            return self.public.bundle(channel, entry_id)
        except NotFound:
            return None


REPEAT_OVERLAP = 0.6
"""Share of content words two claims must have in common to count as the same claim."""


def _repeat(
    words: set[str], earlier: list[tuple[Any, dict[str, Any], set[str]]]
) -> dict[str, Any] | None:
    """The earlier assessed claim this one repeats, if any (the closest, by shared words)."""
    best: tuple[float, Any, dict[str, Any]] | None = None
    for a, c, w in earlier:
        if not words or not w:
            continue
        overlap = len(words & w) / len(words | w)
        if overlap >= REPEAT_OVERLAP and (best is None or overlap > best[0]):
            best = (overlap, a, c)
    if best is None:
        return None
    _, a, c = best
    return {
        "assessment": a.id,
        "entry": a.entry_id,
        "speaker": a.speaker,
        "said_on": a.said_on,
        "source": a.source,
        "claim": c["text"],
        "verdict": c["verdict"],
    }
