"""Read views of names and languages: the glossary, translations a member may read, and
machine drafts from the operator's offline translation models.

A machine draft is an answer, not an entry: the server signs nothing and records
nothing. A member who wants it in the record signs it as a ``translation.added`` with
method ``machine`` and the engine and model this view names, and it stays labelled a
draft; the signed original is never replaced.
"""

from __future__ import annotations

import threading
from typing import Any

from parley.errors import NotFound, RateLimited
from parley.model.glossary import GLOSSARY, PENDING, proposal_view, term_view
from parley.model.ids import EntryId
from parley.model.translations import TRANSLATIONS, translation_view
from parley.service.channels import Viewer, may_read
from parley.service.snapshots import Snapshots
from parley.translate.backend import Translator

DRAFT_WAIT_SECONDS = 20.0
"""How long a request waits for the translation engine while another one uses it."""


class LanguageViews:
    def __init__(self, snapshots: Snapshots, translator: Translator | None = None) -> None:
        self.snapshots = snapshots
        self.translator = translator
        # One draft at a time: a model uses the CPU fully, and the hot path shares it.
        self._engine = threading.BoundedSemaphore(1)

    def glossary(self, v: Viewer) -> dict[str, Any]:
        """The terms in effect and the proposals waiting for heads' signatures."""
        state = self.snapshots.current(v.channel)
        if state is None:
            return {"terms": [], "proposals": []}
        return {
            "terms": [term_view(state, k) for k in state[GLOSSARY]],
            "proposals": [proposal_view(state, k) for k, p in state[PENDING].items() if not p.done],
        }

    def translations(self, v: Viewer, of: str | None = None) -> list[dict[str, Any]]:
        """Translations whose body ``v`` may read (those of a message: its two sides and
        the mediator), oldest first; only those of entry ``of`` when given."""
        state = self.snapshots.current(v.channel)
        if state is None:
            return []
        out = []
        for tid, t in state[TRANSLATIONS].items():
            if of is not None and t.of != of:
                continue
            if may_read(state, v, tid, "translation.added"):
                out.append(translation_view(state, EntryId(tid)))
        return out

    def engines(self) -> dict[str, Any]:
        """What machine drafts this server can make: language pairs, engine and models.
        No pairs: the operator installed no model, and translation is by people only."""
        if self.translator is None:
            return {"engine": None, "pairs": [], "models": {}}
        pairs = self.translator.pairs()
        return {
            "engine": self.translator.describe().get("engine"),
            "pairs": [list(p) for p in pairs],
            "models": {f"{s}-{t}": self.translator.model_id(s, t) for s, t in pairs},
        }

    def machine_draft(self, texts: list[str], source: str, target: str) -> dict[str, Any]:
        """A machine translation of ``texts``, labelled a draft, naming its engine and
        model (what a ``translation.added`` with method ``machine`` must name).

        Raises:
            NotFound: ``translate.no_model`` (none installed, or none for this pair).
            InvalidInput: ``translate.too_long`` (``parley.translate.Limits``).
            RateLimited: ``translate.busy`` (the engine stayed busy for too long).
        """
        if self.translator is None:
            raise NotFound(
                "translate.no_model",
                "this server has no translation model installed; translate by hand",
            )
        # The translator itself refuses an unknown pair (translate.no_model) and input
        # beyond its limits (translate.too_long, translate.bad_input).
        if not self._engine.acquire(timeout=DRAFT_WAIT_SECONDS):
            raise RateLimited(
                "translate.busy", "the translation engine is busy; retry", retry_after=5
            )
        try:
            out = self.translator.translate(texts, source, target)
        finally:
            self._engine.release()
        return {
            "texts": out,
            "source": source,
            "target": target,
            "engine": self.translator.describe().get("engine"),
            "model": self.translator.model_id(source, target),
            "draft": True,
        }
