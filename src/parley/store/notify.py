"""Appends by other processes, heard through PostgreSQL LISTEN/NOTIFY.

Every committed append on PostgreSQL sends ``NOTIFY parley_entries, '<channel> <size>'``
in its own transaction (see ``WriteTx.append``), so a notification arrives only for
an append that is durable. Each server process listens on one dedicated connection and
passes what it hears on; a lost connection is re-opened, and the receiver's own poll
covers the gap.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from parley.store.log import NOTIFY_CHANNEL, Store

log = logging.getLogger(__name__)


class AppendListener(threading.Thread):
    """Calls ``on_append(channel, size)`` for each append announced on the database."""

    def __init__(self, store: Store, on_append: Callable[[str, int], None]) -> None:
        super().__init__(name="parley-listen", daemon=True)
        if not store.is_postgres:
            raise ValueError("LISTEN/NOTIFY needs PostgreSQL")
        url = store.engine.url.set(drivername="postgresql")
        self.dsn = url.render_as_string(hide_password=False)
        self.on_append = on_append
        self.stop = threading.Event()
        self.listening = threading.Event()

    def run(self) -> None:
        import psycopg  # the PostgreSQL extra; only a PostgreSQL server gets here

        while not self.stop.is_set():
            try:
                with psycopg.connect(self.dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.listening.set()
                    while not self.stop.is_set():
                        for n in conn.notifies(timeout=1.0):
                            channel, _, size = n.payload.rpartition(" ")
                            self.on_append(channel, int(size))
            except (psycopg.Error, OSError) as exc:
                self.listening.clear()
                log.warning("LISTEN connection lost (%s); reconnecting", exc)
                self.stop.wait(1.0)
