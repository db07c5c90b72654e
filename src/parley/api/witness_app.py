"""A standalone c2sp.org/tlog-witness server (``parley witness-serve``).

Anyone — a third party the parties both trust, an embassy, a newsroom — can run one.
It answers ``POST /add-checkpoint`` for the logs it is told about and keeps the latest
checkpoint per origin in a JSON file, written before it answers.
"""

from __future__ import annotations

import base64
import json
import os
import time
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from parley.ledger.witness_protocol import Witness, WitnessRefusal


def create_witness_app(witness: Witness, state_file: Path) -> Any:
    if state_file.exists():
        saved = json.loads(state_file.read_text())
        witness.state = {o: (int(v[0]), base64.b64decode(v[1])) for o, v in saved.items()}

    def save() -> None:
        tmp = state_file.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(
                {o: [n, base64.b64encode(r).decode()] for o, (n, r) in witness.state.items()}
            )
        )
        os.replace(tmp, state_file)

    async def add_checkpoint(request: Request) -> PlainTextResponse:
        body = (await request.body())[:1_000_000].decode("utf-8", "replace")
        try:
            line = witness.add_checkpoint(body, int(time.time()))
        except WitnessRefusal as exc:
            media = "text/x.tlog.size" if exc.body else "text/plain"
            return PlainTextResponse(
                exc.body or exc.message + "\n", status_code=exc.status, media_type=media
            )
        save()
        return PlainTextResponse(line)

    return Starlette(routes=[Route("/add-checkpoint", add_checkpoint, methods=["POST"])])
