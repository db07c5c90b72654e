"""The statement checker as a service: member and public mode, evidence with proofs."""

from __future__ import annotations

from typing import Any

from parley.claims import build_record, check_statement
from parley.claims.checker import content_words
from parley.claims.semantic import Embedder
from parley.crypto.keys import KeyId
from parley.errors import InvalidInput, NotFound
from parley.service.channels import ChannelService
from parley.service.public import PublicViews

MAX_STATEMENTS = 100
MAX_STATEMENT_CHARS = 5000


class ClaimsViews:
    def __init__(
        self, channels: ChannelService, public: PublicViews, embedder: Embedder | None = None
    ) -> None:
        self.channels = channels
        self.public = public
        self.embedder = embedder

    def check_local(
        self, channel: str, statements: list[str], public: bool
    ) -> list[dict[str, Any]]:
        """On the server's own database (``parley check --data-dir``): the operator's full
        view, or the public one."""
        return self._check(channel, statements, public, "public" if public else "operator")

    def check(self, channel: str, statements: list[str], key: KeyId | None) -> list[dict[str, Any]]:
        """Check each statement claim by claim. ``key=None`` is public mode: only what is
        public is used, and no disclosure verdict is given (it would need the rest).

        Raises:
            NotFound: no such channel (or, in member mode, the key is not a member).
            InvalidInput: ``check.too_long``.
        """
        if key is not None:
            self.channels.viewer(channel, key)
        return self._check(channel, statements, key is None, "public" if key is None else "member")

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
        # Existence first, from the small channels table: an unknown name must not reach
        # the append lock and the state cache (public requests choose the name).
        state = (
            None
            if self.channels.store.channel(channel) is None
            else self.channels.state_snapshot(channel)
        )
        if state is None:
            raise NotFound("channel.not_found", f"no channel {channel!r}")
        record = build_record(state, public_only=public)
        earlier = [
            (a, c, content_words(c["text"]))
            for a in state.assessments.values()
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
