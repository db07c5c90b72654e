"""The statement checker: public claims against the signed record (docs/claims.md)."""

from parley.claims.checker import Verdict, check_statement
from parley.claims.record import Fact, Record, build_record

__all__ = ["Fact", "Record", "Verdict", "build_record", "check_statement"]
