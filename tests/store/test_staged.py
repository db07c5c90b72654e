"""The append transaction's rows as driver SQL (``parley.store.staged``): a driver error
comes out as SQLAlchemy's, nothing of the transaction lands, and the store appends
again afterwards — through ``COPY`` (more than one row on PostgreSQL) and ``execute``."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from parley.service.audit import audit


@pytest.mark.parametrize("rows", [1, 2])
def test_a_driver_error_is_sqlalchemys_and_the_transaction_leaves_nothing(
    services: Any, member: Any, active_channel: str, rows: int
) -> None:
    ch = active_channel
    logged = services.store.entries(ch)
    before = services.store.channel(ch)
    assert before is not None and len(logged) >= rows
    with pytest.raises(IntegrityError), services.store.write_all([ch]) as txs:
        # Rows already in the log: the entries' primary key refuses them.
        txs[ch].append(
            logged[:rows],
            {**before, "title": "never written"},
            {},
            [],
            (before["tree_size"] + 1, "never written"),
        )
    assert services.store.channel(ch) == before
    assert services.store.checkpoint(ch, before["tree_size"] + 1) is None
    a = member("artsakh-head")
    receipt, replayed = services.appender.submit(
        a.message(ch, to="azerbaijan", subject="after", text="t").to_json(), a.key.key_id
    )
    assert not replayed and receipt.seq == before["tree_size"] + 1
    assert audit(services.store, services.server_key.public).ok
