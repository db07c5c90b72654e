"""The server's connections answer the single entry route themselves when a request of it
arrives whole (``parley.api.connections``): only such requests, in order on their
connection, and with the answers the app gives through uvicorn's cycle, byte for byte.

Two parts: a real uvicorn server with Parley's protocol in front of a recording app (which
requests go which way), and a real ``parley serve`` process (the same answers either
way, for appends, replays and refusals)."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from parley.api.connections import DirectRoute, guarded_protocol
from parley.api.limits import Answer
from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient

ROUTE = "/v1/channels/ch-1/entries"


class Recorder(DirectRoute):
    """Answers "asgi" through the ASGI cycle and "direct:<body>" when called directly."""

    def __init__(self) -> None:
        super().__init__(self, None, None, 64)  # type: ignore[arg-type]
        self.asgi: list[tuple[str, str, bytes]] = []
        self.direct: list[tuple[str, str, bytes]] = []
        self.slow_first = False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.asgi.append((scope["method"], scope["path"], body))
        content = b"asgi:" + body
        headers = [(b"content-length", str(len(content)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": content})

    async def submit(
        self, address: str, channel_id: str, authorization: str, body: bytes
    ) -> Answer:
        self.direct.append((channel_id, authorization, body))
        if body == b"boom":
            raise RuntimeError("a bug")
        if self.slow_first and len(self.direct) == 1:
            await asyncio.sleep(0.2)
        content = b"direct:" + body
        return 200, [(b"content-length", str(len(content)).encode())], content


@pytest.fixture
def server() -> Iterator[tuple[int, Recorder]]:
    app = Recorder()
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        http=guarded_protocol(),
        lifespan="off",
        log_level="critical",
        access_log=False,
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.01)
    assert srv.started
    yield port, app
    srv.should_exit = True
    thread.join(10)


def post(body: bytes, path: str = ROUTE, extra: str = "", length: int | None = None) -> bytes:
    size = len(body) if length is None else length
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer tok\r\n"
        f"Content-Type: application/json\r\nContent-Length: {size}\r\n{extra}\r\n"
    )
    return head.encode() + body


def read_answers(sock: socket.socket, n: int) -> list[tuple[int, dict[bytes, bytes], bytes]]:
    """``n`` HTTP answers from ``sock`` (each with a Content-Length)."""
    data, answers = b"", []
    while len(answers) < n:
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            assert chunk, f"connection closed after {len(answers)} answers"
            data += chunk
        head, data = data.split(b"\r\n\r\n", 1)
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        if status == 100:
            continue  # "100 Continue" before the answer to an Expect
        headers = {}
        for line in lines[1:]:
            name, value = line.split(b":", 1)
            headers[name.strip().lower()] = value.strip()
        size = int(headers[b"content-length"])
        while len(data) < size:
            chunk = sock.recv(65536)
            assert chunk
            data += chunk
        answers.append((status, headers, data[:size]))
        data = data[size:]
    return answers


def ask(port: int, *requests: bytes, n: int | None = None) -> list[Any]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"".join(requests))
        return read_answers(sock, n or len(requests))


def test_a_plain_entry_request_is_answered_directly(server):
    port, app = server
    [(status, headers, body)] = ask(port, post(b'{"a":1}'))
    assert (status, body) == (200, b'direct:{"a":1}')
    assert b"date" in headers  # the server's default headers, as uvicorn sends them
    assert app.direct == [("ch-1", "Bearer tok", b'{"a":1}')] and app.asgi == []


@pytest.mark.parametrize(
    "request_bytes",
    [
        post(b"{}", extra="Expect: 100-continue\r\n"),
        post(b"{}", extra="X-Forwarded-For: 10.0.0.9\r\n"),
        post(b"x" * 65),  # longer than the route's body limit: the app's 413
        post(b"{}", path="/v1/channels/ch-1/entries/batch"),
        post(b"{}", path="/v1/channels/a/b/entries"),
        post(b"{}", path="/v1/channels//entries"),
        (
            b"POST /v1/channels/ch-1/entries HTTP/1.1\r\nHost: x\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
        ),
        b"GET /v1/channels/ch-1/entries HTTP/1.1\r\nHost: x\r\n\r\n",
    ],
    ids=["expect", "forwarded", "too-long", "batch", "two-segments", "empty", "chunked", "get"],
)
def test_anything_else_goes_through_the_app(server, request_bytes):
    port, app = server
    [(status, _, body)] = ask(port, request_bytes)
    assert status == 200 and body.startswith(b"asgi:")
    assert app.direct == [] and len(app.asgi) == 1


def test_connection_close_goes_through_the_app_and_closes(server):
    port, app = server
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(post(b"{}", extra="Connection: close\r\n"))
        [(status, _, body)] = read_answers(sock, 1)
        assert (status, body) == (200, b"asgi:{}")
        assert sock.recv(10) == b""
    assert app.direct == []


def test_a_body_still_on_its_way_goes_through_the_app_whole(server):
    port, app = server
    request = post(b'{"late":"body"}')
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request[:-8])
        time.sleep(0.3)
        sock.sendall(request[-8:])
        [(status, _, body)] = read_answers(sock, 1)
    assert (status, body) == (200, b'asgi:{"late":"body"}')
    assert app.direct == [] and app.asgi == [("POST", ROUTE, b'{"late":"body"}')]


def test_pipelined_requests_are_answered_in_order(server):
    """The first entry waits 0.2 s; the second and a GET, sent with it, come after it."""
    port, app = server
    app.slow_first = True
    answers = ask(
        port,
        post(b"1"),
        post(b"2"),
        b"GET /v1/server HTTP/1.1\r\nHost: x\r\n\r\n",
        post(b"3"),
    )
    assert [body for _, _, body in answers] == [b"direct:1", b"asgi:2", b"asgi:", b"asgi:3"]
    # behind one in flight, the rest queue in uvicorn's cycle; the next plain one after is direct
    assert [b for _, _, b in ask(port, post(b"4"))] == [b"direct:4"]


def test_keep_alive_serves_many_and_a_bug_is_a_500(server):
    port, _ = server
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        for i in range(5):
            sock.sendall(post(str(i).encode()))
            [(status, _, body)] = read_answers(sock, 1)
            assert (status, body) == (200, f"direct:{i}".encode())
        sock.sendall(post(b"boom"))
        [(status, _, body)] = read_answers(sock, 1)
        assert status == 500
        sock.sendall(post(b"after"))
        assert read_answers(sock, 1)[0][2] == b"direct:after"


def test_a_client_gone_before_its_answer_leaves_the_server_serving(server):
    port, app = server
    app.slow_first = True
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(post(b"gone"))
    time.sleep(0.4)
    assert [b for _, _, b in ask(port, post(b"next"))] == [b"direct:next"]


# --- a real parley serve process: the same answers either way -------------------------


def chunked(path: str, headers: dict[str, str], body: bytes) -> bytes:
    """The same request with its body chunked: it goes through uvicorn's cycle and the app."""
    head = f"POST {path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return head.encode() + b"\r\n" + f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"


def plain(path: str, headers: dict[str, str], body: bytes) -> bytes:
    head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return head.encode() + b"\r\n" + body


def test_a_real_server_answers_alike_either_way(tmp_path, people, charter):
    port = free_port()
    proc = start_server(tmp_path, port, ["--creator", people["commander"].key_id])
    try:
        url = f"http://127.0.0.1:{port}"
        c = {k: ParleyClient(url, key) for k, key in people.items()}
        c["commander"].create_channel(story.CHANNEL, charter)
        c["artsakh-head"].accept_charter(story.CHANNEL)
        c["azerbaijan-head"].accept_charter(story.CHANNEL)
        head = c["artsakh-head"]
        auth = {"Authorization": f"Bearer {head._ensure_token()}"}
        json_auth = {**auth, "Content-Type": "application/json"}
        path = f"/v1/channels/{story.CHANNEL}/entries"

        def entry(subject: str) -> bytes:
            e = head.message(story.CHANNEL, to="azerbaijan", subject=subject, text="t")
            return json.dumps(e.to_json()).encode()

        def both(headers: dict[str, str], body: bytes, p: str = path) -> list[Any]:
            return ask(port, plain(p, headers, body), chunked(p, headers, body))

        first = entry("first")
        appended, replayed = both(json_auth, first)
        assert appended[0] == 200 and json.loads(appended[2])["replayed"] is False
        assert replayed[0] == 200 and json.loads(replayed[2])["replayed"] is True
        # a replay answered directly is the replay the app answers, byte for byte
        direct, through_app = both(json_auth, first)
        assert direct[0] == 200 and (direct[0], direct[2]) == (through_app[0], through_app[2])

        refusals = [
            (json_auth, b"{not json"),
            ({"Content-Type": "application/json"}, first),  # not signed in
            ({**json_auth, "Authorization": "Bearer nonsense"}, first),
            (json_auth, b"[]"),
            (json_auth, json.dumps({"header": {"channel": "other"}}).encode()),
        ]
        for headers, body in refusals:
            direct, through_app = both(headers, body)
            assert 400 <= direct[0] < 500, direct
            assert (direct[0], direct[2]) == (through_app[0], through_app[2])
            for name in (b"content-type", b"content-length", b"retry-after"):
                assert direct[1].get(name) == through_app[1].get(name), name
        # another member's entry: not the author
        other = {"Authorization": f"Bearer {c['azerbaijan-head']._ensure_token()}",
                 "Content-Type": "application/json"}  # fmt: skip
        direct, through_app = both(other, entry("someone else's"))
        assert direct[0] == 403 and direct[2] == through_app[2]

        # a body that arrives late is appended through the app's cycle
        late = plain(path, json_auth, entry("late"))
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(late[:-5])
            time.sleep(0.3)
            sock.sendall(late[-5:])
            [(status, _, body)] = read_answers(sock, 1)
        assert status == 200 and json.loads(body)["receipt"]["seq"] == 5
        assert [m["subject"] for m in head.messages(story.CHANNEL)] == ["first", "late"]
    finally:
        proc.terminate()
        proc.wait(10)
