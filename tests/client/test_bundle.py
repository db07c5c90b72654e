"""Offline proof bundles and the server's proof endpoints."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.cli import story
from parley.client import ApiError, LogVerifier, Witness, make_bundle, verify_bundle
from parley.errors import VerificationError
from parley.ledger import consistency_proof, inclusion_proof, leaf_hash, root_hash
from parley.ledger.note import Checkpoint, split_note

CH = story.CHANNEL


@pytest.fixture
def cosigned(member, active_channel):
    a = member("artsakh-member")
    e, _ = a.send(
        CH, to="azerbaijan", subject="Gas", text="Uninterrupted gas supply", topic="gas-supply"
    )
    member("azerbaijan-member").mark_delivered(CH)
    for stem in ("artsakh-head", "azerbaijan-head"):
        Witness(member(stem), CH).observe()
    return e


def test_bundle_verifies_offline_and_names_what_it_checked(member, cosigned):
    bundle = json.loads(json.dumps(make_bundle(member("artsakh-head"), CH, cosigned.id)))
    report = verify_bundle(bundle)
    assert report.body_shown and report.entry_id == cosigned.id
    assert len(report.cosigned_by) == 2
    text = "\n".join(report.checks)
    assert "body and salt match" in text and "inclusion proof" in text and "cosigned by" in text


def test_bundle_of_an_entry_whose_body_the_holder_cannot_see(member, active_channel):
    e, _ = member("artsakh-head").send(
        CH, to="peacekeepers", subject="s", text="for the mediator only"
    )
    bundle = make_bundle(member("azerbaijan-head"), CH, e.id)
    assert bundle["entry"]["body"] is None and "mediator only" not in json.dumps(bundle)
    report = verify_bundle(bundle)
    assert not report.body_shown


def test_altered_body_by_one_character_is_rejected(member, cosigned):
    bundle = make_bundle(member("artsakh-head"), CH, cosigned.id)
    bad = copy.deepcopy(bundle)
    bad["entry"]["body"]["text"] = bad["entry"]["body"]["text"].replace("gas", "gaz")
    with pytest.raises(VerificationError) as exc:
        verify_bundle(bad)
    assert exc.value.code == "entry.body_mismatch"


def _leaves(bundle):
    """Every string leaf of the bundle, as a path."""
    out = []

    def walk(v, path):
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, (*path, k))
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, (*path, i))
        elif isinstance(v, str) and path[-1] not in ("name", "side", "title", "format"):
            out.append(path)

    walk(bundle, ())
    return out


_BUNDLES: dict[int, dict] = {}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_changed_character_fails_verification(member, cosigned, data):
    key = id(cosigned)
    if key not in _BUNDLES:
        _BUNDLES[key] = make_bundle(member("artsakh-head"), CH, cosigned.id)
    bundle = copy.deepcopy(_BUNDLES[key])
    paths = _leaves(bundle)
    path = data.draw(st.sampled_from(paths))
    target = bundle
    for p in path[:-1]:
        target = target[p]
    value = target[path[-1]]
    i = data.draw(st.integers(0, len(value) - 1))
    c = value[i]
    repl = data.draw(st.sampled_from([ch for ch in "AQgw019+/=-xz" if ch != c]))
    target[path[-1]] = value[:i] + repl + value[i + 1 :]
    with pytest.raises((VerificationError, ApiError)):
        verify_bundle(bundle)
        # Some characters carry no information (e.g. base64 padding bits); the verified
        # content must then be unchanged, which the canonical re-encoding shows.
        raise VerificationError("unchanged", "test.unchanged")


def test_proof_endpoints_equal_the_reference(member, active_channel):
    a = member("artsakh-head")
    for i in range(9):
        a.send(CH, to="azerbaijan", subject=f"m{i}", text="t")
    v = LogVerifier(CH, a.server_key())
    data = [e.leaf_data() for e in a.sync(CH, v)]
    n = len(data)
    for size in range(1, n + 1):
        root = Checkpoint.parse(split_note(a.checkpoint(CH, size))[0]).root
        assert root == root_hash(data[:size])
        for i in range(size):
            assert a.inclusion_proof(CH, size=size, index=i) == (i, inclusion_proof(data[:size], i))
        for m in range(1, size + 1):
            assert a.consistency_proof(CH, m, size) == consistency_proof(data[:size], m)
    assert a.inclusion_proof(CH, size=n, leaf_hash=leaf_hash(data[5]))[0] == 5
    with pytest.raises(ApiError) as exc:
        a.inclusion_proof(CH, size=n + 1, index=0)
    assert exc.value.code == "proof.size_unknown" and exc.value.status == 404
    with pytest.raises(ApiError) as exc:
        a.inclusion_proof(CH, size=n, leaf_hash=b"\x00" * 32)
    assert exc.value.code == "proof.leaf_unknown"
    with pytest.raises(ApiError) as exc:
        a.consistency_proof(CH, 5, 3)
    assert exc.value.code == "proof.bad_size"
