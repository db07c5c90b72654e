"""Property-based tests of the HTTP API against its own OpenAPI document (schemathesis):
for every operation, a bounded number of generated requests — valid and invalid — sent
by a signed-in member of the story's channel (path ids pointed at that channel half the
time, so the member routes reach real data). No answer may be a 5xx, every answer must
match the schema the API publishes, and the log must still verify afterwards."""

from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from parley.api import create_app
from parley.cli import story
from parley.service import audit

# Per operation. CI runs the same examples every time (derandomized); set
# PARLEY_FUZZ_EXAMPLES=500 PARLEY_FUZZ_RANDOM=1 to search further.
EXAMPLES = int(os.environ.get("PARLEY_FUZZ_EXAMPLES", "20"))
RANDOM = os.environ.get("PARLEY_FUZZ_RANDOM") == "1"
# Requests whose validity rests on a signature over server-issued or logged data: a
# schema cannot say which are valid, so "a schema-valid request must be accepted" does
# not apply (every other check does).
SIGNED = {
    ("POST", "/v1/auth/token"),
    ("POST", "/v1/channels/{channel_id}/entries"),
    ("POST", "/v1/channels/{channel_id}/entries/batch"),
    ("POST", "/v1/channels/{channel_id}/cosignatures"),
    # Rules across parameters OpenAPI cannot state: "exactly one of index and leaf_hash",
    # "old <= new".
    ("GET", "/v1/channels/{channel_id}/proof/inclusion"),
    ("GET", "/v1/channels/{channel_id}/proof/consistency"),
}
EXCLUDED = {
    # An endless Server-Sent Events stream; tested in tests/test_push.py.
    ("GET", "/v1/channels/{channel_id}/events"),
}


def test_every_operation_holds_its_own_schema(services, member, charter, play_story):
    play_story(member, charter)
    app = create_app(services)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    token = member("artsakh-head")._ensure_token()
    tested: list[str] = []
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        key = (operation.method.upper(), operation.path)
        if key in EXCLUDED:
            continue

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=not RANDOM,
        )
        @given(case=operation.as_strategy())
        def holds(case: schemathesis.Case) -> None:
            params = case.path_parameters or {}
            if "channel_id" in params and len(str(case.query or "")) % 2 == 0:
                params["channel_id"] = story.CHANNEL
            excluded = [positive_data_acceptance] if key in SIGNED else []
            response = case.call_and_validate(
                headers={"Authorization": f"Bearer {token}"}, excluded_checks=excluded
            )
            assert response.status_code < 500, (operation.label, response.text[:300])

        try:
            holds()
        except BaseException as exc:  # every operation's failure, reported together
            failures.append(f"{operation.label}: {exc}")
        tested.append(operation.label)
    assert not failures, "\n\n".join(failures)
    assert len(tested) >= 30, tested
    report = audit(services.store, services.server_key.public)
    assert report.ok, str(report)
