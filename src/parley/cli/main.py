"""The ``parley`` command.

Exit codes (the README says the same, word for word): 0 success; 1 `verify`,
`verify-bundle` or `check` found a problem; 2 usage error: a bad option, argument or
input file, or no passphrase to be had; 3 Parley refused the request or could not do
it; 130 interrupted.

Every error is one line on standard error, ending with its stable code in parentheses;
never a traceback.

Commands are listed in the order of the work: run a server, make keys, open a channel,
exchange messages, then the negotiation record, publication, and proofs.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.markup import escape
from typer.core import TyperGroup

from parley.cli import channels, keys, messages, proofs, server
from parley.cli.claims import check as check_statements
from parley.cli.disclose import communique_app, disclose_app, public_app, statement
from parley.cli.display import set_display
from parley.cli.languages import glossary_app, translation_app
from parley.cli.members import member_app
from parley.cli.options import err
from parley.cli.talks import agenda_app, commitment_app, mandate_app, meeting_app, minutes_app
from parley.client import ApiError
from parley.errors import InvalidInput, ParleyError

ORDER = (
    "serve",
    "keygen",
    "key",
    "channel",
    "member",
    "send",
    "inbox",
    "ack",
    "outbox",
    "checks",
    "health",
    "meeting",
    "agenda",
    "mandate",
    "minutes",
    "commitment",
    "disclose",
    "communique",
    "glossary",
    "translation",
    "statement",
    "check",
    "public",
    "log",
    "witness",
    "proof",
    "verify-bundle",
    "trust",
    "verify",
    "witness-serve",
    "demo",
)


class InWorkOrder(TyperGroup):
    """Lists the commands in the order of the work (:data:`ORDER`), not A to Z."""

    def list_commands(self, ctx: Any) -> list[str]:
        known = super().list_commands(ctx)
        return [c for c in ORDER if c in known] + [c for c in known if c not in ORDER]


app = typer.Typer(
    cls=InWorkOrder,
    no_args_is_help=True,
    help="Parley: a mediated, verifiable two-way channel between parties in a conflict.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def display_options(
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="PARLEY_LANG",
            help="Show dates and the glossary's agreed names in this language (en, ru, hy, "
            "az). Messages and help stay English; nothing signed changes.",
        ),
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz",
            envvar="PARLEY_TZ",
            help="Show times in this zone (e.g. Asia/Baku), with the UTC time beside them.",
        ),
    ] = None,
) -> None:
    """Parley: a mediated, verifiable two-way channel between parties in a conflict."""
    set_display(lang, tz)


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
app.add_typer(glossary_app, name="glossary")
app.add_typer(translation_app, name="translation")
app.command("statement")(statement)
app.command("check")(check_statements)
app.add_typer(public_app, name="public")
app.command("log")(channels.log_cmd)
app.command()(proofs.witness)
app.command()(proofs.proof)
app.command("verify-bundle")(proofs.verify_bundle_cmd)
app.add_typer(proofs.trust_app, name="trust")
app.command()(server.verify)
app.command("witness-serve")(server.witness_serve)
app.command()(server.demo)


def fail(message: str, code: str, status: int) -> None:
    """Print one error line and exit with ``status``."""
    err.print(f"[red]error[/]: {escape(message)} [dim]({code})[/]", soft_wrap=True)
    sys.exit(status)


def _usage(exc: typer.TyperException) -> None:
    """A usage error as one line; for a bare group (``parley meeting``), its help."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError":
        print(exc.format_message())  # the help of the command given no arguments
        sys.exit(2)
    where = ctx.command_path if ctx is not None else "parley"
    fail(f"{exc.format_message()} (see `{where} --help`)", "cli.usage", 2)


def main(argv: list[str] | None = None) -> None:
    try:
        # Not standalone: click hands back what it would have printed and exited with, and
        # it is printed here, one line each. An Exit comes back as its code.
        code = app(args=argv, standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        fail("stopped: nothing more to read from the terminal", "cli.aborted", 2)
    except typer.TyperException as exc:  # the command line's own errors: usage
        _usage(exc)
    except KeyboardInterrupt:
        fail("interrupted", "cli.interrupted", 130)
    except ApiError as exc:
        fail(exc.message, exc.code, 3)
    except InvalidInput as exc:
        fail(exc.message, exc.code, 2)
    except ParleyError as exc:
        fail(exc.message, exc.code, 3)
    except ValidationError as exc:  # a body the SDK built from what was typed: usage
        from parley.model.bodies import problems

        fail(f"{exc.title}: " + "; ".join(problems(exc)), "entry.invalid_body", 2)
    except OSError as exc:
        fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), "cli.os_error", 3)
    except Exception as exc:  # a bug: still one line, and where to report it
        fail(
            f"unexpected {type(exc).__name__}: {exc} — please report this with the command you ran",
            "cli.unexpected",
            3,
        )


if __name__ == "__main__":
    main()
