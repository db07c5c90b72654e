"""Offline proof bundles: assembled by a party's client or the public API, checked by anyone
against a trust root the checker already holds."""

from parley.proofs.bundle import FORMAT, BundleReport, assemble, verify_bundle
from parley.proofs.trust import TrustedKey, TrustRoot

__all__ = ["FORMAT", "BundleReport", "TrustRoot", "TrustedKey", "assemble", "verify_bundle"]
