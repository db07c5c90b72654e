"""Storage: SQLAlchemy tables, the append transaction, projections and migrations."""

from parley.store.db import database_url, make_engine, migrate
from parley.store.log import EntryRow, Ledger, Store, WriteTx

__all__ = ["EntryRow", "Ledger", "Store", "WriteTx", "database_url", "make_engine", "migrate"]
