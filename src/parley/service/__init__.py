"""The application core: submit entries, read views, sign in, audit."""

from parley.service.appender import MAX_ENTRY_BYTES, Appender
from parley.service.audit import AuditReport, Problem, audit
from parley.service.bootstrap import Services, Settings, build, load_server_key, open_store
from parley.service.channels import ChannelViews, Viewer

__all__ = [
    "MAX_ENTRY_BYTES",
    "Appender",
    "AuditReport",
    "ChannelViews",
    "Problem",
    "Services",
    "Settings",
    "Viewer",
    "audit",
    "build",
    "load_server_key",
    "open_store",
]
