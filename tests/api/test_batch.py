"""Many entries per request: each gets its own answer, in order, and a malformed batch
changes nothing."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from tests.api.test_bad_input import assert_unchanged, check, token

from parley.api import create_app
from parley.api.limits import Limits
from parley.api.schemas import MAX_BATCH
from parley.cli import story
from parley.model.clock import parse_time
from parley.model.entry import make_entry

CH = story.CHANNEL


def post_batch(http, headers, payload, channel=CH):
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return http.post(
        f"/v1/channels/{channel}/entries/batch",
        content=data,
        headers={**headers, "content-type": "application/json"},
    )


def messages(client, n, tag="m"):
    return [
        client.message(CH, to="azerbaijan", subject=f"{tag}{i}", text="x" * 64) for i in range(n)
    ]


def test_results_in_order_with_a_bad_entry_among_good_ones(
    http, member, active_channel, people, services
):
    head = member("artsakh-head")
    h = token(http, people["artsakh-head"])
    good = messages(head, 5)
    bad_sig = good[2].to_json()
    bad_sig = {**bad_sig, "signature": good[1].to_json()["signature"]}
    outsider = member("azerbaijan-head").message(CH, to="artsakh", subject="s", text="t")
    other_channel = head.message(CH, to="azerbaijan", subject="o", text="o").to_json()
    other_channel["header"] = {**other_channel["header"], "channel": "elsewhere"}
    entries = [
        good[0].to_json(),
        bad_sig,
        good[1].to_json(),
        outsider.to_json(),  # signed by another key than the caller's
        other_channel,
        {"header": "nonsense"},
        good[3].to_json(),
    ]
    r = post_batch(_app(services, writes_per_key=0), h, {"entries": entries})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert len(results) == len(entries)
    codes = [x.get("error", {}).get("code") for x in results]
    assert codes[0] is None and codes[2] is None and codes[6] is None
    assert codes[1] == "entry.bad_signature" and results[1]["status"] == 400
    assert codes[3] == "auth.not_author" and results[3]["status"] == 403
    assert codes[4] == "entry.wrong_channel" and results[4]["status"] == 422
    assert results[5]["status"] == 400 and codes[5].startswith("entry.")
    seqs = [results[i]["receipt"]["seq"] for i in (0, 2, 6)]
    assert seqs == [4, 5, 6]  # appended in the order sent
    ids = [results[i]["receipt"]["id"] for i in (0, 2, 6)]
    assert ids == [good[0].id, good[1].id, good[3].id]
    assert all(results[i]["replayed"] is False for i in (0, 2, 6))
    assert_unchanged(http, services, h, 6)


def test_replay_within_and_across_batches(http, member, active_channel, people, services):
    head = member("artsakh-head")
    h = token(http, people["artsakh-head"])
    a, b = messages(head, 2)
    r = post_batch(http, h, {"entries": [a.to_json(), a.to_json(), b.to_json()]})
    first = r.json()["results"]
    assert [x["replayed"] for x in first] == [False, True, False]
    assert first[0]["receipt"] == first[1]["receipt"]
    r = post_batch(http, h, {"entries": [b.to_json(), a.to_json()]})
    again = r.json()["results"]
    assert [x["replayed"] for x in again] == [True, True]
    assert again[0]["receipt"] == first[2]["receipt"]
    assert again[1]["receipt"] == first[0]["receipt"]
    clash = make_entry(  # well signed, but under a's id
        head.key,
        channel=CH,
        type=b.header.type,
        body=dict(b.body or {}),
        time=parse_time(b.header.time),
        entry_id=a.id,
        disclosure=b.header.disclosure,
        salt=b.salt,
    )
    r = post_batch(http, h, {"entries": [clash.to_json()]})
    assert r.json()["results"][0]["error"]["code"] == "entry.id_reused"
    assert r.json()["results"][0]["status"] == 409
    assert_unchanged(http, services, h, 5)


def test_malformed_batches_change_nothing(http, member, active_channel, people, services):
    head = member("artsakh-head")
    h = token(http, people["artsakh-head"])
    one = messages(head, 1)[0].to_json()
    check(post_batch(http, h, b"{nope"), 400, "json.malformed")
    check(post_batch(http, h, [one]), 400, "batch.invalid")
    check(post_batch(http, h, {"entries": []}), 400, "batch.invalid")
    check(post_batch(http, h, {"entries": one}), 400, "batch.invalid")
    check(post_batch(http, h, {"entries": [one], "more": 1}), 400, "batch.invalid")
    check(post_batch(http, h, {"entries": [one] * (MAX_BATCH + 1)}), 413, "batch.too_large")
    check(post_batch(http, {}, {"entries": [one]}), 401, "auth.missing")
    huge = b'{"entries": [' + b'"' + b"x" * (2 * 1024 * 1024) + b'"]}'
    check(post_batch(http, h, huge), 413, "request.too_large")
    assert_unchanged(http, services, h, 3)


def test_an_oversized_entry_is_refused_alone(http, member, active_channel, people, services):
    head = member("artsakh-head")
    h = token(http, people["artsakh-head"])
    ok = messages(head, 1)[0].to_json()
    big = messages(head, 1, "big")[0].to_json()
    big["body"] = {**big["body"], "text": "y" * (70 * 1024)}
    r = post_batch(http, h, {"entries": [big, ok]})
    results = r.json()["results"]
    assert results[0]["error"]["code"] == "entry.too_large" and results[0]["status"] == 413
    assert results[1]["receipt"]["seq"] == 4
    assert_unchanged(http, services, h, 4)


def _app(services, **limits):
    return TestClient(create_app(services, limits=Limits(**limits)), base_url="http://parley.test")


def test_the_in_flight_limit_counts_each_entry(http, member, active_channel, people, services):
    head = member("artsakh-head")
    h = token(http, people["artsakh-head"])
    limited = _app(services, writes_per_key=3)
    batch = messages(head, 5)
    r = post_batch(limited, h, {"entries": [e.to_json() for e in batch]})
    results = r.json()["results"]
    assert [x["status"] for x in results] == [200, 200, 200, 429, 429]
    assert results[3]["error"]["code"] == "rate.key_parallel"
    assert results[3]["error"]["detail"]["retry_after"] >= 1
    # Nothing is held once answered: the refused ones go through now.
    r = post_batch(limited, h, {"entries": [e.to_json() for e in batch[3:]]})
    assert [x["status"] for x in r.json()["results"]] == [200, 200]
    assert_unchanged(http, services, h, 8)


def test_the_key_rate_counts_each_entry(http, member, active_channel, people, services):
    head = member("artsakh-head")
    h = token(http, people["artsakh-head"])
    limited = _app(services, key_rate=0.001, key_burst=4)
    r = post_batch(limited, h, {"entries": [e.to_json() for e in messages(head, 8)]})
    results = r.json()["results"]
    assert [x["status"] for x in results] == [200] * 4 + [429] * 4
    assert {x["error"]["code"] for x in results[4:]} == {"rate.key"}
    assert results[4]["error"]["detail"]["retry_after"] >= 1
    # Out of tokens altogether: the whole request is refused, as on the single route.
    r = post_batch(limited, h, {"entries": [e.to_json() for e in messages(head, 2, "n")]})
    check(r, 429, "rate.key")
    assert_unchanged(http, services, h, 7)


def test_openapi_documents_the_batch_route(http):
    doc = http.get("/openapi.json").json()
    op = doc["paths"]["/v1/channels/{channel_id}/entries/batch"]["post"]
    body = op["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"]["entries"]["maxItems"] == MAX_BATCH
    ok = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/BatchOut")
    assert "413" in op["responses"]


def test_a_failed_write_answers_503_append_failed_and_the_resend_lands(
    http, member, active_channel, people, services, monkeypatch
):
    """A database write that fails is the server's fault, not the caller's: a typed 503
    (`append.failed`, which clients resend), nothing logged, and the same entry sent again
    is appended once — on the single route and in a batch."""
    from tests.service.test_writer import _FailingStore

    head = member("artsakh-head")
    h = token(http, people["artsakh-head"])
    failing = _FailingStore(services.store)
    monkeypatch.setattr(services.appender, "store", failing)
    one, two = messages(head, 2, tag="f")
    before = len(services.store.entries(CH))

    failing.fail = 1
    r = http.post(
        f"/v1/channels/{CH}/entries",
        content=json.dumps(one.to_json()).encode(),
        headers={**h, "content-type": "application/json"},
    )
    assert r.status_code == 503 and r.json()["error"]["code"] == "append.failed", r.text
    failing.fail = 1
    r = post_batch(http, h, {"entries": [two.to_json()]})
    assert r.status_code == 200
    [res] = r.json()["results"]
    assert res["status"] == 503 and res["error"]["code"] == "append.failed"
    assert len(services.store.entries(CH)) == before

    r = http.post(
        f"/v1/channels/{CH}/entries",
        content=json.dumps(one.to_json()).encode(),
        headers={**h, "content-type": "application/json"},
    )
    assert r.status_code == 200 and not r.json()["replayed"]
    r = post_batch(http, h, {"entries": [two.to_json()]})
    assert r.json()["results"][0]["status"] == 200
    assert len(services.store.entries(CH)) == before + 2
