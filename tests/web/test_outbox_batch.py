"""The pages' outbox sends what waited through the batch route, in Chromium against a real
server process (the browser is taken offline and back with Playwright):

- several entries of a channel signed offline go out in one batch request when the
  browser is back, and each reaches the log exactly once, in the order signed; one the
  rules refuse in the middle is marked refused and the ones after it still land;
- with the key's entries in flight limited (``--writes-per-key 2``) the server answers
  the entries over the limit 429, each in its place in the batch: they wait and go again,
  and all still land in order;
- one waiting entry goes through the single route;
- a server without the batch route (404) gets them one at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient
from parley.client.keystore import KeyFile, export_browser, write_private
from parley.crypto import SigningKey

pytestmark = pytest.mark.server
PASS = "correct horse battery staple"
CH = story.CHANNEL
ME = "artsakh-head"
BATCH = "/entries/batch"


@contextmanager
def serving(
    data: Path, people: dict[str, SigningKey], charter: dict[str, Any], extra: list[str]
) -> Iterator[tuple[str, dict[str, ParleyClient]]]:
    """``parley serve`` with the story's channel created and accepted by both heads."""
    port = free_port()
    proc = start_server(
        data, port, ["--creator", people["commander"].key_id, "--embedder", "none", *extra]
    )
    url = f"http://127.0.0.1:{port}"
    try:
        c = {stem: ParleyClient(url, key) for stem, key in people.items()}
        c["commander"].create_channel(CH, charter)
        for stem in ("artsakh-head", "azerbaijan-head"):
            c[stem].accept_charter(CH)
        yield url, c
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def served(tmp_path_factory, people, charter) -> Iterator[tuple[str, dict[str, ParleyClient]]]:
    """A server with the default limits (4 entries in flight per key)."""
    with serving(tmp_path_factory.mktemp("batch") / "server", people, charter, []) as s:
        yield s


@pytest.fixture(scope="module")
def tight(tmp_path_factory, people, charter) -> Iterator[tuple[str, dict[str, ParleyClient]]]:
    """A server that lets a key have only 2 entries in flight."""
    data = tmp_path_factory.mktemp("tight") / "server"
    with serving(data, people, charter, ["--writes-per-key", "2"]) as s:
        yield s


class Posts:
    """The page's POSTs of entries, by route, with the batch answers' per-entry statuses."""

    def __init__(self, page: Any) -> None:
        self.single: list[list[str]] = []
        self.batch: list[list[str]] = []
        self.statuses: list[list[int]] = []
        page.context.on("request", self._request)
        page.context.on("response", self._response)

    def clear(self) -> None:
        """Forget what was tried so far (offline: those never reached the server)."""
        self.single.clear()
        self.batch.clear()
        self.statuses.clear()

    def _request(self, req: Any) -> None:
        if req.method != "POST" or "/v1/channels/" not in req.url:
            return
        body = json.loads(req.post_data or "{}")
        if req.url.endswith(BATCH):
            self.batch.append([e["header"]["id"] for e in body["entries"]])
        elif req.url.endswith("/entries"):
            self.single.append([body["header"]["id"]])

    def _response(self, res: Any) -> None:
        if res.request.method == "POST" and res.url.endswith(BATCH) and res.status == 200:
            self.statuses.append([r["status"] for r in res.json()["results"]])


def sign_in(chromium: Any, url: str, key_dir: Path, key: SigningKey, errors: list[str]) -> Any:
    path = key_dir / "me.browser.json"
    write_private(path, export_browser(KeyFile("Me", "", key), PASS))
    page = chromium.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/app")
    page.locator("input[type=file]").set_input_files(str(path))
    page.locator("input[type=password]").fill(PASS)
    page.locator("form button[type=submit]").click()
    page.locator(f"main a[href='#/c/{CH}/overview']").wait_for()
    page.evaluate(f"location.hash = '#/c/{CH}/messages'")
    page.wait_for_selector("main[data-view='messages'] [data-live] > *")
    return page


def write_offline(page: Any, subjects: list[str]) -> None:
    """With the browser offline, sign one message per subject (each kept in the outbox)."""
    form = page.locator("#compose")
    for n, subject in enumerate(subjects, 1):
        form.get_by_label("To", exact=True).select_option("azerbaijan")
        form.get_by_label("Subject").fill(subject)
        form.get_by_label("Message", exact=True).fill(f"Signed offline: {subject}.")
        form.get_by_role("button", name="Sign and send").click()
        page.locator("#outbox-button", has_text=f"{n} waiting to send").wait_for()


def waiting(page: Any, me: str) -> list[str]:
    """The ids of the outbox's entries of ``me``, oldest first."""
    ids = page.evaluate(
        "async (me) => (await (await import('/assets/outbox.js')).list(me)).map((r) => r.id)", me
    )
    return list(ids)


def logged(client: ParleyClient, author: str) -> list[str]:
    """The ids of the author's entries in the channel's log, in log order."""
    return [
        e["entry"]["header"]["id"]
        for e in client.entries(CH)
        if e["entry"]["header"]["author"] == author
    ]


def sent_when_back(page: Any, posts: Posts) -> None:
    """Back online; waits until the outbox is empty."""
    posts.clear()
    page.context.set_offline(False)
    page.locator("#outbox-button").wait_for(state="hidden", timeout=40_000)


def test_several_waiting_go_in_one_batch_in_order(served, chromium, tmp_path, people):
    url, c = served
    me = people[ME].key_id
    errors: list[str] = []
    page = sign_in(chromium, url, tmp_path, people[ME], errors)
    posts = Posts(page)
    before = logged(c[ME], me)
    page.context.set_offline(True)
    write_offline(page, ["First", "Second", "Third", "Fourth"])
    signed = waiting(page, me)
    assert len(signed) == 4

    sent_when_back(page, posts)
    assert posts.batch == [signed]  # one request, the entries in the order signed
    assert posts.statuses == [[200, 200, 200, 200]]
    assert posts.single == []
    assert [i for i in logged(c[ME], me) if i not in before] == signed
    assert waiting(page, me) == []
    assert errors == []


def test_refused_in_the_middle_is_marked_and_the_rest_land(served, chromium, tmp_path, people):
    url, c = served
    me = people[ME].key_id
    _, asked = c["azerbaijan-head"].send(
        CH, to="artsakh", priority="routine", subject="Checkpoint hours", text="Please confirm."
    )
    errors: list[str] = []
    page = sign_in(chromium, url, tmp_path, people[ME], errors)
    card = page.locator(f"article[data-message='{asked.entry_id}']")
    card.wait_for()
    posts = Posts(page)
    before = logged(c[ME], me)
    page.context.set_offline(True)
    ack = card.get_by_role("button", name="Acknowledge “Checkpoint hours”")
    ack.click()
    page.locator("#outbox-button", has_text="1 waiting to send").wait_for()
    ack.click()  # the rules refuse the second acknowledgement of one message
    page.locator("#outbox-button", has_text="2 waiting to send").wait_for()
    form = page.locator("#compose")
    form.get_by_label("To", exact=True).select_option("azerbaijan")
    form.get_by_label("Subject").fill("After the acknowledgements")
    form.get_by_label("Message", exact=True).fill("Confirmed.")
    form.get_by_role("button", name="Sign and send").click()
    page.locator("#outbox-button", has_text="3 waiting to send").wait_for()
    signed = waiting(page, me)

    posts.clear()
    page.context.set_offline(False)
    outbox = page.locator("#outbox-button")
    outbox.filter(has_text="1 refused").wait_for(timeout=40_000)
    assert outbox.get_attribute("data-waiting") == "0"
    assert posts.batch[:1] == [signed]
    assert posts.statuses[:1] == [[200, 409, 200]]
    mine = [i for i in logged(c[ME], me) if i not in before]
    assert [i for i in mine if i in signed] == [signed[0], signed[2]]
    outbox.click()
    refused = page.locator("#outbox li[data-state=failed]")
    assert refused.get_attribute("data-outbox") == signed[1]
    assert "receipt.duplicate" in refused.inner_text()
    assert errors == []


def test_entries_over_the_in_flight_limit_wait_and_land_in_order(tight, chromium, tmp_path, people):
    url, c = tight
    me = people[ME].key_id
    errors: list[str] = []
    page = sign_in(chromium, url, tmp_path, people[ME], errors)
    posts = Posts(page)
    before = logged(c[ME], me)
    page.context.set_offline(True)
    write_offline(page, ["One", "Two", "Three", "Four", "Five"])
    signed = waiting(page, me)
    assert len(signed) == 5

    sent_when_back(page, posts)
    # The server took two at a time and answered the rest 429, each in its place: the
    # rest went again at once, in order, until one was left (the single route).
    assert posts.batch[0] == signed
    assert posts.statuses[0][:2] == [200, 200]
    assert 429 in posts.statuses[0]
    assert all(s == 429 for s in posts.statuses[0][posts.statuses[0].index(429) :])
    sent = [i for b in posts.batch for i in b] + [i for s in posts.single for i in s]
    assert set(sent) == set(signed)
    assert [i for i in logged(c[ME], me) if i not in before] == signed
    assert waiting(page, me) == []
    assert errors == []


def test_one_waiting_entry_goes_through_the_single_route(served, chromium, tmp_path, people):
    url, c = served
    me = people[ME].key_id
    errors: list[str] = []
    page = sign_in(chromium, url, tmp_path, people[ME], errors)
    posts = Posts(page)
    before = logged(c[ME], me)
    page.context.set_offline(True)
    write_offline(page, ["Alone"])
    signed = waiting(page, me)

    sent_when_back(page, posts)
    assert posts.batch == []
    assert posts.single == [signed]
    assert [i for i in logged(c[ME], me) if i not in before] == signed
    assert errors == []


def test_a_server_without_the_batch_route_gets_them_one_at_a_time(
    served, chromium, tmp_path, people
):
    url, c = served
    me = people[ME].key_id
    errors: list[str] = []
    page = sign_in(chromium, url, tmp_path, people[ME], errors)
    posts = Posts(page)
    page.context.route(
        f"**{BATCH}",
        lambda route: route.fulfill(
            status=404,
            content_type="application/json",
            body='{"error": {"code": "route.not_found", "message": "no such route"}}',
        ),
    )
    before = logged(c[ME], me)
    page.context.set_offline(True)
    write_offline(page, ["Old one", "Old two", "Old three"])
    signed = waiting(page, me)
    # (The route answers even offline: the page asked the batch route once, with the
    # second entry signed, and was told there is none.)
    assert posts.batch == [signed[:2]]

    sent_when_back(page, posts)
    assert posts.batch == []
    assert posts.single == [[i] for i in signed]
    assert [i for i in logged(c[ME], me) if i not in before] == signed
    assert errors == []


SCRIPTED = """async ({ script, count }) => {
  // The outbox alone, its server scripted: `script` is the answers, in turn, to the
  // requests the flush makes (a list of per-entry answers for a batch, one answer for
  // a single entry, or a number: the request as a whole fails with that status).
  const o = await import('/assets/outbox.js');
  const author = 'k' + crypto.randomUUID().replaceAll('-', '').slice(0, 24);
  const ids = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    ids.push(id);
    await o.keep({ header: { id, author, channel: 'c', type: 'message.sent', time: '' } });
  }
  const calls = [];
  const answer = (a, entry) => {
    if (typeof a === 'number') throw Object.assign(new Error('whole'), { status: a, code: 'x.' + a });
    if (a === 'ok') return { receipt: { id: entry.header.id } };
    if (a === 'other') return { receipt: { id: 'another' } };
    return { error: Object.assign(new Error(a), { status: Number(a), code: 'x.' + a }) };
  };
  const next = () => script.shift();
  const send = async (entry) => {
    calls.push(['one', ids.indexOf(entry.header.id)]);
    const a = answer(next(), entry);
    if (a.error) throw a.error;
    return a.receipt;
  };
  const sendMany = async (entries) => {
    calls.push(['many', ...entries.map((e) => ids.indexOf(e.header.id))]);
    const a = next();
    if (typeof a === 'number') answer(a);
    return a.map((x, i) => answer(x, entries[i]));
  };
  const outs = [];
  for (let round = 0; round < 3 && script.length; round++) outs.push(await o.flush(author, send, sendMany));
  const left = (await o.list(author)).map((r) => [ids.indexOf(r.id), r.state, r.tries, r.error && r.error.code]);
  return { calls, outs, left };
}"""


@pytest.mark.parametrize(
    ("script", "count", "calls", "outs", "left"),
    [
        pytest.param(  # a refusal in the middle: marked failed, the rest go on
            [["ok", "422", "ok"]],
            3,
            [["many", 0, 1, 2]],
            [{"sent": 2, "refused": 1, "away": False}],
            [[1, "failed", 1, "x.422"]],
            id="refused",
        ),
        pytest.param(  # over the limits from the third on: those again at once, in order
            [["ok", "ok", "429", "429", "429"], ["ok", "429", "429"], ["ok", "ok"]],
            5,
            [["many", 0, 1, 2, 3, 4], ["many", 2, 3, 4], ["many", 3, 4]],
            [{"sent": 5, "refused": 0, "away": False}],
            [],
            id="rate-limited",
        ),
        pytest.param(  # none through: wait (the page tries again later)
            [["429", "429"], ["ok", "ok"]],
            2,
            [["many", 0, 1], ["many", 0, 1]],
            [{"sent": 0, "refused": 0, "away": True}, {"sent": 2, "refused": 0, "away": False}],
            [],
            id="none-through",
        ),
        pytest.param(  # unavailable in the middle: it and what was refused after it wait;
            # one accepted after it is in the log, so it leaves the outbox
            [["ok", "503", "ok", "422"], ["ok", "ok"]],
            4,
            [["many", 0, 1, 2, 3], ["many", 1, 3]],
            [{"sent": 2, "refused": 0, "away": True}, {"sent": 2, "refused": 0, "away": False}],
            [],
            id="unavailable",
        ),
        pytest.param(  # a receipt for another entry is not taken: the entry waits
            [["ok", "other", "ok"]],
            3,
            [["many", 0, 1, 2]],
            [{"sent": 2, "refused": 0, "away": True}],
            [[1, "pending", 1, "relay.mismatch"]],
            id="wrong-receipt",
        ),
        pytest.param(  # no answer at all: the first waits, marked with the error
            [0],
            2,
            [["many", 0, 1]],
            [{"sent": 0, "refused": 0, "away": True}],
            [[0, "pending", 1, "x.0"], [1, "pending", 0, None]],
            id="unreachable",
        ),
        pytest.param(  # the batch refused as a whole: the first alone, then a batch again
            [400, "ok", ["ok", "ok"]],
            3,
            [["many", 0, 1, 2], ["one", 0], ["many", 1, 2]],
            [{"sent": 3, "refused": 0, "away": False}],
            [],
            id="batch-refused",
        ),
        pytest.param(  # one waiting: the single route
            ["ok"],
            1,
            [["one", 0]],
            [{"sent": 1, "refused": 0, "away": False}],
            [],
            id="one",
        ),
        pytest.param(  # no batch route: one at a time, from then on
            [404, "ok", "ok", "ok"],
            3,
            [["many", 0, 1, 2], ["one", 0], ["one", 1], ["one", 2]],
            [{"sent": 3, "refused": 0, "away": False}],
            [],
            id="no-route",
        ),
    ],
)
def test_batch_answers_settle_each_entry_in_order(
    served, chromium, script, count, calls, outs, left
):
    url, _ = served
    page = chromium.new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/public/nothing")  # any page of the origin: outbox.js imports nothing
    got = page.evaluate(SCRIPTED, {"script": script, "count": count})
    assert got["calls"] == calls
    assert got["outs"] == outs
    assert got["left"] == left
    assert errors == []
    page.context.close()


MODELLED = """async ({ count, bad, choices }) => {
  // The outbox against a model of the server that appends whatever it is sent, as the
  // real one does: a batch's first `held` entries are taken in order (each appended,
  // replayed when already in the log, or refused when it is one of `bad`), the rest
  // answered 429; a request may get no answer, or lose its answer after the server acted.
  // `choices` decide, in turn; once they run out every request is answered in full.
  const o = await import('/assets/outbox.js');
  const author = 'k' + crypto.randomUUID().replaceAll('-', '').slice(0, 24);
  const ids = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    ids.push(id);
    await o.keep({ header: { id, author, channel: 'c', type: 'message.sent', time: '' } });
  }
  const log = [];
  let k = 0;
  const take = (entry) => {
    const id = entry.header.id;
    if (bad.includes(ids.indexOf(id))) {
      return { error: Object.assign(new Error('no'), { status: 422, code: 'rule.no' }) };
    }
    if (!log.includes(id)) log.push(id);
    return { receipt: { id, seq: log.indexOf(id) + 1 } };
  };
  const request = (entries) => {
    const c = k < choices.length ? choices[k++] : -1;
    if (c >= 0 && c % 5 === 0) throw Object.assign(new Error('away'), { status: 0 });
    const held = c < 0 ? entries.length : 1 + (c % entries.length);
    const out = entries.map((e, i) => (i < held ? take(e)
      : { error: Object.assign(new Error('slow'), { status: 429, code: 'rate.key_parallel' }) }));
    if (c >= 0 && c % 5 === 1) throw Object.assign(new Error('lost'), { status: 0 });
    return out;
  };
  const send = async (entry) => {
    const [a] = request([entry]);
    if (a.error) throw a.error;
    return a.receipt;
  };
  const sendMany = async (entries) => request(entries);
  for (let round = 0; round < choices.length + 5; round++) {
    const out = await o.flush(author, send, sendMany);
    if (!out.away) break;
  }
  const left = (await o.list(author)).map((r) => [ids.indexOf(r.id), r.state]);
  return { log: log.map((id) => ids.indexOf(id)), left };
}"""


@pytest.fixture(scope="module")
def blank_page(served, chromium) -> Iterator[Any]:
    """A page of the server's origin, for scripts that import the pages' modules."""
    page = chromium.new_context().new_page()
    page.goto(f"{served[0]}/public/nothing")
    yield page
    page.context.close()


def test_whatever_the_server_answers_each_entry_lands_once_in_order(blank_page):
    @settings(max_examples=60, deadline=None)
    @given(
        st.integers(1, 9).flatmap(
            lambda n: st.tuples(
                st.just(n),
                st.sets(st.integers(0, n - 1), max_size=2),
                st.lists(st.integers(0, 1000), max_size=12),
            )
        )
    )
    def lands(case: tuple[int, set[int], list[int]]) -> None:
        count, bad, choices = case
        got = blank_page.evaluate(
            MODELLED, {"count": count, "bad": sorted(bad), "choices": choices}
        )
        assert got["log"] == [i for i in range(count) if i not in bad]
        assert got["left"] == [[i, "failed"] for i in sorted(bad)]

    lands()
