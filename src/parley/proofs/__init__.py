"""Offline proof bundles: assembled by a party's client or the public API, checked by anyone."""

from parley.proofs.bundle import FORMAT, BundleReport, assemble, verify_bundle

__all__ = ["FORMAT", "BundleReport", "assemble", "verify_bundle"]
