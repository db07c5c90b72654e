"""A standalone c2sp.org/tlog-witness server (``parley witness-serve``).

Anyone — a third party the parties both trust, an embassy, a newsroom — can run one.
It answers ``POST /add-checkpoint`` for the logs it is told about and keeps the latest
checkpoint per origin in a JSON file, written before it answers.
"""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from parley.api.limits import AddressLimit, BodyLimit, Buckets
from parley.files import write_private_text
from parley.ledger.witness_protocol import Witness, WitnessRefusal

MAX_ADD_CHECKPOINT = 16 * 1024
"""Largest add-checkpoint request: 63 proof hashes and a checkpoint with its signatures
fit in a few kilobytes. A larger body is refused as it arrives (413), never buffered."""


def create_witness_app(
    witness: Witness, state_file: Path, rate: float = 5.0, burst: int = 20
) -> Any:
    """The witness's ASGI app: ``rate`` requests a second per client address (a log
    pushes a checkpoint every few seconds at most), ``burst`` at once."""
    if state_file.exists():
        saved = json.loads(state_file.read_text())
        witness.state = {o: (int(v[0]), base64.b64decode(v[1])) for o, v in saved.items()}

    def save() -> None:
        write_private_text(
            state_file,
            json.dumps(
                {o: [n, base64.b64encode(r).decode()] for o, (n, r) in witness.state.items()}
            ),
        )

    async def add_checkpoint(request: Request) -> Response:
        body = (await request.body()).decode("utf-8", "replace")  # bounded by BodyLimit
        try:
            line = witness.add_checkpoint(body, int(time.time()))
        except WitnessRefusal as exc:
            if exc.body:  # c2sp.org/tlog-witness: exactly this content type
                return Response(
                    exc.body.encode(),
                    status_code=exc.status,
                    headers={"Content-Type": "text/x.tlog.size"},
                )
            return PlainTextResponse(exc.message + "\n", status_code=exc.status)
        save()
        return PlainTextResponse(line)

    app = Starlette(routes=[Route("/add-checkpoint", add_checkpoint, methods=["POST"])])
    return AddressLimit(BodyLimit(app, MAX_ADD_CHECKPOINT), Buckets(rate, burst))
