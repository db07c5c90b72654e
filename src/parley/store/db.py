"""Engines for SQLite (embedded default) and PostgreSQL, and Alembic migrations."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

from parley.errors import InvalidInput
from parley.files import private_dir, private_file
from parley.store.staged import driver_errors

log = logging.getLogger("parley.store")


def database_url(db: str | None, data_dir: Path | None) -> str:
    """Turn ``--db`` / ``--data-dir`` into an SQLAlchemy URL (SQLite in the data dir by default).

    Raises:
        InvalidInput: ``store.bad_url`` for a URL of a database Parley does not support.
    """
    if db:
        if db.startswith("postgresql://") or db.startswith("postgres://"):
            return "postgresql+psycopg://" + db.split("://", 1)[1]
        if db.startswith(("postgresql+psycopg://", "sqlite:///")):
            return db
        raise InvalidInput(
            "store.bad_url", f"unsupported database URL {db!r}; use sqlite:/// or postgresql://"
        )
    if data_dir is None:
        raise InvalidInput("store.bad_url", "give a data directory or a database URL")
    for note in private_dir(data_dir) + private_file(data_dir / "parley.db"):
        log.warning(note)
    return f"sqlite:///{data_dir / 'parley.db'}"


def make_engine(url: str) -> Engine:
    """Create an engine. SQLite runs in WAL mode with ``synchronous=FULL``: an entry a client
    has a receipt for survives power loss, not just a crash of the process."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" below issues BEGIN
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Writers take the lock up front so two writers never deadlock on upgrade.
            # On the DB-API connection: once per append group, and SQLAlchemy's execution
            # context would cost more than the statement (its errors are wrapped alike).
            begin = (
                "BEGIN IMMEDIATE" if conn.get_execution_options().get("parley_write") else "BEGIN"
            )
            with driver_errors(conn, begin) as raw:
                raw.execute(begin)

        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
