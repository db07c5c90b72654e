"""Connections that cost an attacker nothing, against a real ``parley serve``: sockets
that never send a byte, headers sent a byte at a time. Each attacker is at 127.0.0.2,
the member at 127.0.0.1 (Linux answers all of 127/8 on the loopback)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from parley.cli.demo import free_port, start_server

pytestmark = pytest.mark.server

ATTACKER = "127.0.0.2"


def _serve(tmp_path, limits: list[str]) -> Iterator[str]:
    port = free_port()
    proc = start_server(tmp_path, port, ["--embedder", "none", *limits])
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def guarded(tmp_path) -> Iterator[str]:
    yield from _serve(tmp_path, ["--connections-per-address", "8", "--header-seconds", "1"])


@pytest.fixture
def unguarded(tmp_path) -> Iterator[str]:
    yield from _serve(tmp_path, ["--connections-per-address", "0", "--header-seconds", "0"])


def _connect(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    s = socket.create_connection((host, int(port)), timeout=10, source_address=(ATTACKER, 0))
    s.settimeout(10)
    return s


def _closed_within(s: socket.socket, seconds: float) -> bool:
    """Whether the server closed ``s`` (EOF or reset) within ``seconds``."""
    s.settimeout(seconds)
    try:
        return s.recv(1) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def _member_served(url: str) -> bool:
    r = httpx.get(url + "/v1/server", timeout=10)
    return r.status_code == 200


def test_an_address_over_its_connection_cap_is_refused_and_others_are_served(guarded):
    held = [_connect(guarded) for _ in range(8)]
    try:
        extra = _connect(guarded)
        assert _closed_within(extra, 5), "the ninth connection from one address stayed open"
        assert _member_served(guarded)
    finally:
        for s in held:
            s.close()


def test_a_connection_that_never_finishes_its_headers_is_closed(guarded):
    silent = _connect(guarded)
    trickle = _connect(guarded)
    trickle.sendall(b"GET /v1/server HTTP/1.1\r\n")
    started = time.monotonic()
    closed = False
    while time.monotonic() - started < 8 and not closed:  # a byte every 0.2 s, never done
        try:
            trickle.sendall(b"X")
        except (BrokenPipeError, ConnectionResetError):
            closed = True
        closed = closed or _closed_within(trickle, 0.2)
    assert closed, "headers sent a byte at a time kept the connection for 8 s (deadline 1 s)"
    assert _closed_within(silent, 5), "a connection that sent nothing was kept"
    assert _member_served(guarded)


def test_without_the_guards_the_same_sockets_are_kept(unguarded):
    """The control: what the guards change is observable (so the tests above can fail)."""
    held = [_connect(unguarded) for _ in range(9)]
    try:
        assert not _closed_within(held[-1], 2)
        assert _member_served(unguarded)
    finally:
        for s in held:
            s.close()
