"""The SDK retries a lost answer with the same signed entry; the log has it once."""

from __future__ import annotations

import httpx

from parley.cli import story
from parley.client import ParleyClient


class LoseFirstAnswers(httpx.BaseTransport):
    """Forwards every request, but 'loses' the first N answers to entry submissions
    (the server did the work; the client never heard back), like a dropped connection."""

    def __init__(self, inner: httpx.BaseTransport, lose: int) -> None:
        self.inner = inner
        self.lose = lose
        self.submissions = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST" and request.url.path.endswith("/entries"):
            self.submissions += 1
            if self.lose > 0:
                self.lose -= 1
                response.read()
                raise httpx.ReadError("connection reset", request=request)
        return response


def test_lost_answers_are_retried_without_duplicates(http, people, active_channel, member, clock):
    flaky = LoseFirstAnswers(http._transport, lose=2)
    client = ParleyClient(
        "http://parley.test",
        people["artsakh-head"],
        clock=clock,
        retries=3,
        backoff=0.001,
        http=httpx.Client(base_url="http://parley.test", transport=flaky),
    )
    entry, receipt = client.send(story.CHANNEL, to="azerbaijan", subject="s", text="once")
    assert flaky.submissions == 3
    assert receipt.seq == 4
    view = member("azerbaijan-head").channel(story.CHANNEL)
    assert view["tree_size"] == 4
    assert [m["id"] for m in member("azerbaijan-head").messages(story.CHANNEL)] == [entry.id]
