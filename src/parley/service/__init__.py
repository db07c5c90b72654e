"""The application core: submit entries, read views, sign in, audit."""

from parley.service.audit import AuditReport, Problem, audit
from parley.service.bootstrap import Services, Settings, build, load_server_key, open_store
from parley.service.channels import MAX_ENTRY_BYTES, ChannelService

__all__ = [
    "MAX_ENTRY_BYTES",
    "AuditReport",
    "ChannelService",
    "Problem",
    "Services",
    "Settings",
    "audit",
    "build",
    "load_server_key",
    "open_store",
]
