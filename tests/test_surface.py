"""The public surface, the error shape, the OpenAPI document and the schema are contracts."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import parley
import parley.ledger
from parley.api.errors import BY_CLASS, status_for
from parley.errors import ParleyError, Rejected
from parley.store import make_engine, migrate
from parley.store.tables import metadata


def test_exported_members():
    assert sorted(parley.__all__) == ["ParleyError", "VerificationError", "__version__"]
    assert set(parley.ledger.__all__) >= {
        "leaf_hash",
        "node_hash",
        "root_hash",
        "inclusion_proof",
        "consistency_proof",
        "verify_inclusion",
        "verify_consistency",
        "VerificationError",
    }


def test_error_shape(http):
    r = http.get("/v1/channels")
    assert r.status_code == 401
    assert r.json() == {
        "error": {"code": "auth.missing", "message": r.json()["error"]["message"], "detail": {}}
    }


def test_status_table():
    assert status_for(Rejected("entry.not_member", "x")) == 403
    assert status_for(Rejected("channel.not_active", "x")) == 409
    assert status_for(Rejected("whatever", "x")) == 422
    assert all(issubclass(c, ParleyError) for c in BY_CLASS)


def test_openapi_documents_every_route(services):
    from parley.api import create_app, fastapi_app

    spec = fastapi_app(create_app(services)).openapi()
    paths = spec["paths"]
    for p in [
        "/v1/server",
        "/v1/auth/challenge",
        "/v1/auth/token",
        "/v1/channels",
        "/v1/channels/{channel_id}",
        "/v1/channels/{channel_id}/messages",
        "/v1/channels/{channel_id}/entries",
    ]:
        assert p in paths
    post = paths["/v1/channels/{channel_id}/entries"]["post"]
    assert "header" in post["requestBody"]["content"]["application/json"]["schema"]["properties"]
    assert "409" in post["responses"] and "413" in post["responses"]


def test_migrations_match_the_tables(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    migrate(engine)  # idempotent
    assert "entries" in sa.inspect(engine).get_table_names()


def test_entry_row_fields_follow_the_table():
    from parley.store import EntryRow
    from parley.store.tables import entries

    assert list(EntryRow.__dataclass_fields__) == [c.name for c in entries.columns]
