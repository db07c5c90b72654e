"""Parley: a mediated, verifiable two-way communication mechanism for parties in a conflict."""

__version__ = "0.1.0"

from parley.errors import ParleyError, VerificationError

__all__ = ["ParleyError", "VerificationError", "__version__"]
