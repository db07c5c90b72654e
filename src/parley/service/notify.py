"""Escalation notices to the mediator's contacts outside Parley (a pager, SMS or mail
gateway) as signed webhooks.

``parley serve --notify-url URL`` POSTs each escalation the timer writes, as JSON, to
every URL, after the escalation entry is durable. The body holds ids, sides, times and
whom to notify, never message or commitment text. ``Parley-Signature`` carries the
server key's Ed25519 signature over ``parley/notify/v1\n`` followed by the exact body
(base64; the prefix keeps it from ever reading as another of the key's signatures), and
``Parley-Key`` the server key id, so a gateway can check where a notice came from. Each POST is retried
with backoff on failure; a notice that still fails is logged — the escalation itself is
in the log regardless and pushed to every member's client.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from typing import Any

import httpx

from parley.crypto.keys import SigningKey, b64

NOTIFY_PREFIX = b"parley/notify/v1\n"

log = logging.getLogger("parley.notify")


class Webhooks(threading.Thread):
    def __init__(
        self,
        urls: list[str],
        key: SigningKey,
        *,
        attempts: int = 4,
        backoff: float = 1.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(name="parley-notify", daemon=True)
        self.urls = urls
        self.key = key
        self.attempts = attempts
        self.backoff = backoff
        self.http = httpx.Client(timeout=10, transport=transport)
        self.queue: queue.Queue[tuple[str, bytes]] = queue.Queue()
        self.delivered = 0
        self.failed = 0
        self.stopped = threading.Event()

    def __call__(self, event: dict[str, Any]) -> None:
        """Queue one notice for every URL (called by the timer, returns at once)."""
        body = json.dumps({"type": "parley.escalation", **event}, sort_keys=True).encode()
        for url in self.urls:
            self.queue.put((url, body))

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                url, body = self.queue.get(timeout=0.5)
            except queue.Empty:
                continue
            self._post(url, body)
            self.queue.task_done()

    def _post(self, url: str, body: bytes) -> None:
        headers = {
            "Content-Type": "application/json",
            "Parley-Key": self.key.key_id,
            "Parley-Signature": b64(self.key.sign(NOTIFY_PREFIX + body)),
        }
        for attempt in range(self.attempts):
            try:
                r = self.http.post(url, content=body, headers=headers)
                if r.status_code < 300:
                    self.delivered += 1
                    return
                problem = f"HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                problem = str(exc)
            log.warning("notice to %s failed (%s), attempt %d", url, problem, attempt + 1)
            if self.stopped.wait(self.backoff * 2**attempt):
                break
        self.failed += 1
        log.error("notice to %s not delivered after %d attempts", url, self.attempts)
