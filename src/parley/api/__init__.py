"""HTTP API (FastAPI): thin routes over ``parley.service``."""

from parley.api.app import create_app, fastapi_app

__all__ = ["create_app", "fastapi_app"]
