"""The Python SDK for a party's own machine: keystore, signing client, local verification."""

from parley.client.bundle import make_bundle
from parley.client.client import ApiError, ParleyClient, Unreachable
from parley.client.keystore import KeyFile, load_key, read_public, save_key
from parley.client.outbox import Outbox
from parley.client.verify import KeyRing, LogVerifier
from parley.client.witness import Observed, Witness, WitnessError
from parley.proofs import BundleReport, verify_bundle

__all__ = [
    "ApiError",
    "BundleReport",
    "KeyFile",
    "KeyRing",
    "LogVerifier",
    "Observed",
    "Outbox",
    "ParleyClient",
    "Unreachable",
    "Witness",
    "WitnessError",
    "load_key",
    "make_bundle",
    "read_public",
    "save_key",
    "verify_bundle",
]
