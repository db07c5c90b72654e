"""SDK for disclosure: joint consent to open entries, communiqués, unilateral statements,
and the public (unauthenticated) record."""

from __future__ import annotations

from typing import Any

from parley.client.talks import Section
from parley.errors import NotFound
from parley.model.bodies import parse_body
from parley.model.disclosure import (
    CommuniqueDrafted,
    CommuniqueSigned,
    DisclosureProposed,
    DisclosureSigned,
    StatementUnilateral,
)
from parley.model.relay import RelayReceipt


class Disclosures(Section):
    """Joint consent to open entries, communiqués, statements, and the public record."""

    def propose(
        self,
        channel: str,
        proposal: str,
        entries: list[str],
        level: str = "public",
        reason: str = "",
    ) -> RelayReceipt:
        """Propose opening exactly these entries to ``level``; it counts as your side's consent."""
        body = parse_body(
            DisclosureProposed,
            DisclosureProposed.TYPE,
            {"proposal": proposal, "entries": entries, "level": level, "reason": reason},
        )
        return self._do(channel, body)

    def status(self, channel: str, proposal: str) -> dict[str, Any]:
        for o in self._records(channel, "opening"):
            if o["id"] == proposal:
                return o
        raise NotFound("disclosure.unknown", f"there is no disclosure proposal {proposal!r}")

    def sign(self, channel: str, proposal: str) -> RelayReceipt:
        """Consent to a proposal: the signature names the digest of its exact list and level."""
        o = self.status(channel, proposal)
        body = DisclosureSigned(proposal=proposal, digest=o["digest"])
        return self._do(channel, body, (o["entry_id"],))

    def draft_communique(
        self,
        channel: str,
        communique: str,
        texts: dict[str, str],
        meeting: str | None = None,
        summarizes: list[str] | None = None,
        authentic: list[str] | None = None,
    ) -> tuple[int, RelayReceipt]:
        """Draft the next version of a communiqué, its text per language; ``authentic``
        names the authoritative languages (none: all equally authentic)."""
        try:
            version = len(self.communique(channel, communique)["versions"]) + 1
        except NotFound:
            version = 1
        body = CommuniqueDrafted(
            communique=communique,
            version=version,
            texts=texts,
            meeting=meeting,
            summarizes=summarizes or [],
            authentic=authentic or [],
        )
        return version, self._do(channel, body)

    def communique(self, channel: str, communique: str) -> dict[str, Any]:
        for c in self._records(channel, "communique"):
            if c["id"] == communique:
                return c
        raise NotFound("communique.unknown", f"there is no communiqué {communique!r}")

    def sign_communique(self, channel: str, communique: str, version: int) -> RelayReceipt:
        c = self.communique(channel, communique)
        if not 1 <= version <= len(c["versions"]):
            raise NotFound(
                "communique.unknown_version", f"communiqué {communique!r} has no version {version}"
            )
        v = c["versions"][version - 1]
        body = CommuniqueSigned(communique=communique, version=version, digest=v["digest"])
        return self._do(channel, body, (v["entry_id"],))

    def unilateral(
        self, channel: str, text: str, language: str = "en", source: str = ""
    ) -> RelayReceipt:
        body = StatementUnilateral(text=text, language=language, source=source)
        return self._do(channel, body)

    # --- the public record (no sign-in) ---------------------------------------------------

    def public(self, channel: str, what: str = "") -> Any:
        path = f"/public/v1/channels/{channel}" + (f"/{what}" if what else "")
        r = self.c._http.get(path)
        if r.headers.get("content-type", "").startswith("text/plain") and r.status_code == 200:
            return r.text
        return self.c._decode(r)

    def public_bundle(self, channel: str, entry_id: str) -> dict[str, Any]:
        return dict(self.public(channel, f"entries/{entry_id}/bundle"))
