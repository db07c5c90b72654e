"""Rate and connection limits: token buckets (a property test of what they let through),
and the API's answers — 429 with Retry-After, a typed code, nothing appended."""

from __future__ import annotations

from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from parley.api import create_app
from parley.api.limits import Buckets, Limits, Slots
from parley.cli import story


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


@given(
    rate=st.floats(0.5, 100),
    burst=st.integers(1, 50),
    gaps=st.lists(st.floats(0, 0.5), min_size=1, max_size=300),
)
def test_a_bucket_never_lets_through_more_than_its_burst_plus_its_rate(rate, burst, gaps):
    clock = Clock()
    b = Buckets(rate, burst, clock=clock)
    granted = 0
    for gap in gaps:
        clock.t += gap
        wait = b.take("k")
        assert wait >= 0
        if wait == 0:
            granted += 1
        else:  # told to wait: after that long, one more is granted
            assert wait <= 1 / rate + 1e-9
    assert granted <= burst + rate * clock.t + 1e-6
    assert b.take("other") == 0  # names are independent


def test_a_bucket_forgets_the_oldest_names_first():
    clock = Clock()
    b = Buckets(1, 1, size=2, clock=clock)
    assert b.take("a") == 0 and b.take("b") == 0 and b.take("c") == 0
    assert b.take("c") > 0 and b.take("a") == 0  # "a" was forgotten: let through


def test_slots_count_per_key():
    s = Slots(2)
    assert s.acquire("k") and s.acquire("k") and not s.acquire("k") and s.acquire("j")
    s.release("k")
    assert s.acquire("k")
    assert all(Slots(0).acquire("x") for _ in range(100))  # 0: no limit


def _app(services, **limits):
    return TestClient(create_app(services, limits=Limits(**limits)), base_url="http://parley.test")


def test_a_key_over_its_rate_gets_429_and_nothing_is_appended(services, people, member, charter):
    member("commander").create_channel(story.CHANNEL, charter)
    before = len(services.store.entries(story.CHANNEL))
    http = _app(services, key_rate=0.001, key_burst=2)
    token = member("commander")._ensure_token()
    auth = {"Authorization": f"Bearer {token}"}
    assert http.get(f"/v1/channels/{story.CHANNEL}", headers=auth).status_code == 200
    assert http.get(f"/v1/channels/{story.CHANNEL}", headers=auth).status_code == 200
    entry = member("commander").message(story.CHANNEL, to="artsakh", subject="s", text="t")
    r = http.post(f"/v1/channels/{story.CHANNEL}/entries", json=entry.to_json(), headers=auth)
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate.key"
    assert int(r.headers["retry-after"]) >= 1
    assert len(services.store.entries(story.CHANNEL)) == before
    # Another key is not slowed down by the first one's limit.
    other = {"Authorization": f"Bearer {member('duty-officer')._ensure_token()}"}
    assert http.get(f"/v1/channels/{story.CHANNEL}", headers=other).status_code == 200


def test_an_address_over_its_rate_gets_429_before_any_work(services):
    http = _app(services, address_rate=0.001, address_burst=3)
    assert [http.get("/v1/server").status_code for _ in range(3)] == [200, 200, 200]
    r = http.post("/v1/auth/challenge", json={"key_id": "k" + "0" * 24})
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate.address"
    assert int(r.headers["retry-after"]) >= 1


def test_push_streams_per_key_are_limited(services, member, charter):
    member("commander").create_channel(story.CHANNEL, charter)
    token = member("commander")._ensure_token()
    auth = {"Authorization": f"Bearer {token}"}
    path = f"/v1/channels/{story.CHANNEL}/events"
    with _app(services, streams_per_key=1) as c, c.stream("GET", path, headers=auth) as first:
        assert first.status_code == 200
        second = c.get(path, headers=auth)
        assert second.status_code == 429
        assert second.json()["error"]["code"] == "push.too_many_streams"


def test_a_body_that_trickles_in_is_cut_off_with_408():
    import asyncio

    from parley.api.limits import BodyLimit

    reached = []

    async def app(scope, receive, send):  # pragma: no cover - must not be reached
        reached.append(scope)

    sent: list[dict] = []

    async def slow_receive():
        await asyncio.sleep(10)
        return {"type": "http.request", "body": b"x", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "headers": [(b"content-length", b"10")]}
    asyncio.run(BodyLimit(app, seconds=0.05)(scope, slow_receive, send))
    assert sent[0]["status"] == 408 and b"request.timeout" in sent[1]["body"]
    assert reached == []


def test_a_body_the_server_says_arrived_is_still_limited_and_replayed():
    """With ``BODY_ARRIVED`` (the whole body came with the headers) BodyLimit reads it
    without a deadline, and still refuses it when it is over the limit."""
    import asyncio

    from parley.api.limits import BODY_ARRIVED, BodyLimit

    seen: list[bytes] = []

    async def app(scope, receive, send):
        seen.append((await receive())["body"])

    def run(body: bytes) -> list[dict]:
        sent: list[dict] = []

        async def receive():
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "path": "/x", "headers": [], BODY_ARRIVED: True}
        asyncio.run(BodyLimit(app, limit=10)(scope, receive, send))
        return sent

    assert run(b"0123456789") == [] and seen == [b"0123456789"]
    refused = run(b"0123456789!")
    assert refused[0]["status"] == 413 and b"request.too_large" in refused[1]["body"]
    assert seen == [b"0123456789"]


def test_the_server_marks_a_body_arrived_only_when_all_of_it_has():
    """uvicorn with Parley's protocol: a request whose body came with its headers is
    marked (no deadline needed to read it); one whose body is still on its way is not,
    so BodyLimit's deadline covers it, and it is read whole either way."""
    import socket
    import threading
    import time

    import uvicorn

    from parley.api.connections import uvicorn_options
    from parley.api.limits import BODY_ARRIVED, BodyLimit
    from parley.cli.demo import free_port

    marks: list[tuple[bool, bytes]] = []
    arrived: list[bool] = []

    async def app(scope, receive, send):
        marks.append((arrived[-1], (await receive())["body"]))
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    limited = BodyLimit(app)

    async def outer(scope, receive, send):
        if scope["type"] != "http":
            return
        arrived.append(bool(scope.get(BODY_ARRIVED)))  # as BodyLimit finds it
        await limited(scope, receive, send)

    port = free_port()
    config = uvicorn.Config(
        outer,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        **uvicorn_options(100, 10.0, 0),
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.01)
        head = b"POST /x HTTP/1.1\r\nhost: t\r\ncontent-length: 5\r\n\r\n"
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(head + b"hello")
            assert s.recv(1024).startswith(b"HTTP/1.1 200")
            s.sendall(head)
            time.sleep(0.3)
            s.sendall(b"later")
            assert s.recv(1024).startswith(b"HTTP/1.1 200")
    finally:
        server.should_exit = True
        thread.join(10)
    assert marks == [(True, b"hello"), (False, b"later")]
