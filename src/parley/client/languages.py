"""SDK for names and languages: the glossary, translations and machine drafts."""

from __future__ import annotations

from typing import Any

from parley.client.talks import Section
from parley.crypto.digest import text_digest
from parley.errors import NotFound, VerificationError
from parley.model.glossary import GlossaryProposed, GlossarySigned, TermSpec, term_digest
from parley.model.relay import RelayReceipt
from parley.model.translations import TranslationAdded, TranslationVerified, field_text


class Languages(Section):
    """Agreed names per language and side; translations as signed entries."""

    # --- the glossary ---------------------------------------------------------------

    def glossary(self, channel: str) -> dict[str, Any]:
        """``terms`` in effect and ``proposals`` waiting for the heads' signatures."""
        return dict(self.c._request("GET", f"/v1/channels/{channel}/glossary"))

    def propose_term(self, channel: str, term: dict[str, Any], reason: str = "") -> RelayReceipt:
        """Propose a new term, or a new version of one (in effect once every party head
        signed it)."""
        spec = TermSpec.model_validate(term)
        return self._do(channel, GlossaryProposed(term=spec, reason=reason))

    def sign_term(self, channel: str, term: str) -> RelayReceipt:
        """Sign the proposed version of ``term``: the signature names the digest of the
        proposal, recomputed here from what the server shows."""
        for p in self.glossary(channel)["proposals"]:
            if p["id"] == term:
                digest = term_digest(p["term"])
                if digest != p["digest"]:
                    raise VerificationError(
                        "the server's copy of the proposal does not match its digest",
                        "glossary.digest_mismatch",
                    )
                return self._do(channel, GlossarySigned(term=term, digest=digest))
        raise NotFound("glossary.unknown_proposal", f"no proposed term {term!r} to sign")

    # --- translations -------------------------------------------------------------------

    def translations(self, channel: str, of: str | None = None) -> list[dict[str, Any]]:
        query = "" if of is None else f"?of={of}"
        return list(self.c._request("GET", f"/v1/channels/{channel}/translations{query}"))

    def engines(self, channel: str) -> dict[str, Any]:
        """The language pairs the server's offline models translate (none: people only)."""
        return dict(self.c._request("GET", f"/v1/channels/{channel}/translate"))

    def machine_draft(
        self, channel: str, texts: list[str], source: str, target: str
    ) -> dict[str, Any]:
        """A machine draft from the server's model: not signed, not recorded."""
        return dict(
            self.c._request(
                "POST",
                f"/v1/channels/{channel}/translate",
                json={"texts": texts, "source": source, "target": target},
            )
        )

    def translate(
        self,
        channel: str,
        of: str,
        field: str,
        language: str,
        text: str | None = None,
    ) -> tuple[str, RelayReceipt]:
        """Sign a translation of ``field`` of entry ``of`` into ``language``: ``text`` is
        a person's translation; without it, the server's machine draft is signed as
        method ``machine`` (still a draft until the receiving side verifies it). The
        original's text is read from the entry and its digest recomputed here."""
        entry = self.c.entry(channel, of)
        body = entry["entry"].get("body")
        if body is None:
            raise NotFound("translation.unknown_original", f"entry {of} is not readable here")
        source = field_text(body, field)
        if source is None:
            raise NotFound("translation.unknown_field", f"entry {of} has no text at {field!r}")
        fields: dict[str, Any] = {
            "of": of,
            "field": field,
            "source_digest": text_digest(source),
            "language": language,
        }
        if text is not None:
            fields.update(text=text, method="human")
        else:
            lang = source_language(body, field)
            draft = self.machine_draft(channel, [source], lang, language)
            fields.update(
                text=draft["texts"][0],
                method="machine",
                engine=draft["engine"],
                model=draft["model"],
            )
        built = TranslationAdded.model_validate(fields)
        entry_out = self.c.build(channel, built, refs=(of,))
        return str(entry_out.header.id), self.c.submit(entry_out)

    def verify(self, channel: str, translation: str, note: str = "") -> RelayReceipt:
        """Confirm, for your side, that a translation says what the original says."""
        return self._do(
            channel, TranslationVerified(translation=translation, note=note), (translation,)
        )


def source_language(body: dict[str, Any], field: str) -> str:
    """The language a field of an entry is written in: a communiqué's ``texts.ru`` and
    minutes' ``parallel.ru.…`` say it in the path; otherwise the body's ``language``."""
    parts = field.split(".")
    if parts[0] in ("texts", "parallel") and len(parts) > 1:
        return parts[1]
    return str(body.get("language", "en"))
