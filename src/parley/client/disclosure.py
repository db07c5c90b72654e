"""SDK for disclosure: joint consent to open entries, communiqués, unilateral statements,
and the public (unauthenticated) record."""

from __future__ import annotations

from typing import Any

from parley.client.talks import Section
from parley.errors import NotFound
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
        return self._do(
            channel,
            "disclosure.proposed",
            {"proposal": proposal, "entries": entries, "level": level, "reason": reason},
        )

    def status(self, channel: str, proposal: str) -> dict[str, Any]:
        for o in self._records(channel, "opening"):
            if o["id"] == proposal:
                return o
        raise NotFound("disclosure.unknown", f"there is no disclosure proposal {proposal!r}")

    def sign(self, channel: str, proposal: str) -> RelayReceipt:
        """Consent to a proposal: the signature names the digest of its exact list and level."""
        o = self.status(channel, proposal)
        return self._do(
            channel,
            "disclosure.signed",
            {"proposal": proposal, "digest": o["digest"]},
            (o["entry_id"],),
        )

    def draft_communique(
        self,
        channel: str,
        communique: str,
        texts: dict[str, str],
        meeting: str | None = None,
        summarizes: list[str] | None = None,
    ) -> tuple[int, RelayReceipt]:
        try:
            version = len(self.communique(channel, communique)["versions"]) + 1
        except NotFound:
            version = 1
        body: dict[str, Any] = {"communique": communique, "version": version, "texts": texts}
        if meeting:
            body["meeting"] = meeting
        if summarizes:
            body["summarizes"] = summarizes
        return version, self._do(channel, "communique.drafted", body)

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
        return self._do(
            channel,
            "communique.signed",
            {"communique": communique, "version": version, "digest": v["digest"]},
            (v["entry_id"],),
        )

    def unilateral(
        self, channel: str, text: str, language: str = "en", source: str = ""
    ) -> RelayReceipt:
        return self._do(
            channel, "statement.unilateral", {"text": text, "language": language, "source": source}
        )

    # --- the public record (no sign-in) ---------------------------------------------------

    def public(self, channel: str, what: str = "") -> Any:
        path = f"/public/v1/channels/{channel}" + (f"/{what}" if what else "")
        r = self.c._http.get(path)
        if r.headers.get("content-type", "").startswith("text/plain") and r.status_code == 200:
            return r.text
        return self.c._decode(r)

    def public_bundle(self, channel: str, entry_id: str) -> dict[str, Any]:
        return dict(self.public(channel, f"entries/{entry_id}/bundle"))
