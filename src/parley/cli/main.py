"""The ``parley`` command.

Exit codes: 0 success; 1 ``verify`` found a problem; 2 usage error; 3 Parley refused
the request or could not do it (the message names the error code).

Commands are listed in the order of the work: run a server, make keys, open a channel,
exchange messages, then the negotiation record, publication and proofs.
"""

from __future__ import annotations

import sys

import typer
from rich.markup import escape

from parley.cli import channels, keys, messages, proofs, server
from parley.cli.claims import check as check_statements
from parley.cli.disclose import communique_app, disclose_app, public_app, statement
from parley.cli.members import member_app
from parley.cli.options import err
from parley.cli.talks import agenda_app, commitment_app, mandate_app, meeting_app, minutes_app
from parley.errors import ParleyError

app = typer.Typer(
    no_args_is_help=True,
    help="Parley: a mediated, verifiable two-way channel between parties in a conflict.",
    pretty_exceptions_enable=False,
)
app.command()(server.serve)
app.command()(keys.keygen)
app.add_typer(keys.key_app, name="key")
app.add_typer(channels.channel_app, name="channel")
app.add_typer(member_app, name="member")
app.command()(messages.send)
app.command()(messages.inbox)
app.command()(messages.ack)
app.add_typer(messages.outbox_app, name="outbox")
app.add_typer(channels.check_app, name="checks")
app.command()(channels.health)
app.add_typer(meeting_app, name="meeting")
app.add_typer(agenda_app, name="agenda")
app.add_typer(mandate_app, name="mandate")
app.add_typer(minutes_app, name="minutes")
app.add_typer(commitment_app, name="commitment")
app.add_typer(disclose_app, name="disclose")
app.add_typer(communique_app, name="communique")
app.command("statement")(statement)
app.command("check")(check_statements)
app.add_typer(public_app, name="public")
app.command("log")(channels.log_cmd)
app.command()(proofs.witness)
app.command()(proofs.proof)
app.command("verify-bundle")(proofs.verify_bundle_cmd)
app.command()(server.verify)
app.command("witness-serve")(server.witness_serve)
app.command()(server.demo)


def main() -> None:
    try:
        app()
    except ParleyError as exc:
        err.print(f"[red]error[/]: {escape(exc.message)} [dim]({exc.code})[/]")
        sys.exit(3)


if __name__ == "__main__":
    main()
