"""The outbox sends several pending entries of a channel in one batch request, and one
alone through the single route; each entry is settled by its own answer."""

from __future__ import annotations

from fastapi.testclient import TestClient

from parley.api import create_app
from parley.api.limits import Limits
from parley.cli import story
from parley.client import ApiError, Outbox, ParleyClient
from parley.model.relay import RelayReceipt
from parley.service import audit

CH = story.CHANNEL


def _posts(http: TestClient) -> list[str]:
    seen: list[str] = []
    http.event_hooks["request"].append(
        lambda r: seen.append(r.url.path) if r.method == "POST" else None
    )
    return seen


def test_flush_sends_a_channels_pending_entries_in_one_batch(
    tmp_path, http, member, active_channel, services
):
    head = member("artsakh-head")
    box = Outbox(tmp_path / "outbox.db")
    good = [head.message(CH, to="azerbaijan", subject=f"m{i}", text="t") for i in range(4)]
    bad = head.message(CH, to="nowhere", subject="?", text="?")  # refused by the rules
    for e in [good[0], good[1], bad, good[2], good[3]]:
        box.put(e)
    posts = _posts(http)
    settled = box.flush(head)
    # The server holds 4 entries of a key in flight by default: the fifth goes next.
    assert posts == [f"/v1/channels/{CH}/entries/batch"] * 2
    assert [i.state for i in settled] == ["sent", "sent", "failed", "sent", "sent"]
    assert [i.seq for i in settled if i.state == "sent"] == [4, 5, 6, 7]
    failed = [i for i in box.items() if i.state == "failed"]
    assert [i.entry_id for i in failed] == [bad.id] and failed[0].error
    assert box.items("pending") == []
    assert box.flush(head) == [] and len(posts) == 2
    one = head.message(CH, to="azerbaijan", subject="alone", text="t")
    box.put(one)
    assert [i.seq for i in box.flush(head)] == [8]
    assert posts[-1] == f"/v1/channels/{CH}/entries"
    assert audit(services.store, services.server_key.public).ok


def test_submit_many_resends_what_the_in_flight_limit_held_back(
    people, clock, member, active_channel, services
):
    limited = TestClient(
        create_app(services, limits=Limits(writes_per_key=2)), base_url="http://parley.test"
    )
    head = ParleyClient("http://parley.test", people["artsakh-head"], clock=clock, http=limited)
    posts = _posts(limited)
    entries = [head.message(CH, to="azerbaijan", subject=f"m{i}", text="t") for i in range(5)]
    entries.insert(2, head.message(CH, to="nowhere", subject="?", text="?"))
    answers = head.submit_many(entries)
    assert [type(a) for a in answers] == [RelayReceipt] * 2 + [ApiError] + [RelayReceipt] * 3
    assert [a.seq for a in answers if isinstance(a, RelayReceipt)] == [4, 5, 6, 7, 8]
    assert isinstance(answers[2], ApiError) and answers[2].status == 404
    batches = [p for p in posts if p.endswith("/batch")]
    assert len(batches) == 3  # 2 + 2 (one refused by the rules) + 2
    assert audit(services.store, services.server_key.public).ok
