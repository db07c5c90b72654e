"""The one place that builds a server's objects from settings."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from parley.claims.semantic import lazy as load_embedder
from parley.crypto.keys import KeyId, SigningKey
from parley.errors import InvalidInput
from parley.files import private_dir, private_file
from parley.model.clock import Clock, SystemClock
from parley.service.appender import Appender
from parley.service.auth import AuthService
from parley.service.channels import ChannelViews
from parley.service.claims import ClaimsViews
from parley.service.languages import LanguageViews
from parley.service.ledger_views import LedgerViews
from parley.service.public import PublicViews
from parley.service.snapshots import Snapshots
from parley.service.talks import TalksViews
from parley.service.timers import Timers
from parley.service.tree import TreeCache
from parley.service.witnessing import ExternalWitness, WitnessPusher
from parley.store import Store, database_url, make_engine, migrate
from parley.translate.backend import Translator

log = logging.getLogger("parley.server")


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db_url: str | None = None
    creators: frozenset[KeyId] = field(default_factory=frozenset)
    witnesses: tuple[ExternalWitness, ...] = ()
    """Third-party c2sp.org/tlog-witness witnesses the server pushes checkpoints to."""
    origin: str = "parley.local"
    """Prefix of every channel's log origin (c2sp.org/tlog-checkpoint): ORIGIN/CHANNEL."""
    embedder: str = "none"
    """The statement checker's sentence embeddings: none, use, e5 or auto (docs/claims.md)."""
    translation_models: Path | None = None
    """The operator's offline translation models (``parley.translate``, docs/languages.md);
    none: translation by people only."""
    public_urls: tuple[str, ...] = ()
    """Where members reach this server (``https://parley.example``); sign-ins must name
    one. Empty: the Host each sign-in request arrived for."""


@dataclass(frozen=True)
class Services:
    store: Store
    appender: Appender
    """The append path: ``submit`` (queue, group commit, the working state)."""
    snapshots: Snapshots
    """The channels' immutable states as readers see them."""
    channels: ChannelViews
    ledger: LedgerViews
    witnesses: WitnessPusher
    talks: TalksViews
    public: PublicViews
    timers: Timers
    claims: ClaimsViews
    languages: LanguageViews
    auth: AuthService
    server_key: SigningKey
    clock: Clock


def load_server_key(data_dir: Path, create: bool = True) -> SigningKey:
    """The server's Ed25519 key (relay receipts, tokens), kept in ``DATA_DIR/server.key``.

    Raises:
        InvalidInput: ``server.no_key`` when absent and ``create`` is false.
    """
    path = data_dir / "server.key"
    if path.exists():
        for note in private_file(path):
            log.warning(note)
        return SigningKey(bytes.fromhex(path.read_text().strip()))
    if not create:
        raise InvalidInput("server.no_key", f"no server key at {path}")
    for note in private_dir(data_dir):
        log.warning(note)
    key = SigningKey.generate()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key.seed.hex() + "\n")
    return key


def load_translator(directory: Path | None) -> Translator | None:
    """The operator's translation models, or None when none are configured."""
    if directory is None:
        return None
    from parley.translate import load  # only a server configured for it pays the import

    return load(directory)


def open_store(settings: Settings) -> Store:
    engine = make_engine(database_url(settings.db_url, settings.data_dir))
    migrate(engine)
    return Store(engine)


def build(
    settings: Settings,
    clock: Clock | None = None,
    witness_transport: httpx.BaseTransport | None = None,
) -> Services:
    clock = clock or SystemClock()
    store = open_store(settings)
    key = load_server_key(settings.data_dir)
    snapshots = Snapshots(store)
    trees = TreeCache(store)
    appender = Appender(store, snapshots, trees, key, clock, settings.creators, settings.origin)
    ledger = LedgerViews(store, trees, appender.origin, appender.cosigned)
    auth = AuthService(store, key, clock, settings.public_urls)
    public = PublicViews(store, trees, ledger, key.public, snapshots)
    return Services(
        store=store,
        appender=appender,
        snapshots=snapshots,
        channels=ChannelViews(store, snapshots, key.key_id, clock),
        ledger=ledger,
        witnesses=WitnessPusher(store, trees, settings.witnesses, witness_transport),
        talks=TalksViews(store, snapshots),
        public=public,
        claims=ClaimsViews(snapshots, public, clock, load_embedder(settings.embedder)),
        languages=LanguageViews(snapshots, load_translator(settings.translation_models)),
        timers=Timers(appender, snapshots, auth),
        auth=auth,
        server_key=key,
        clock=clock,
    )
