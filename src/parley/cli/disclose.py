"""``parley disclose|communique|statement|public``: opening the record by joint consent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import httpx
import typer
from rich.markup import escape

from parley.cli.options import (
    DEFAULT_KEY,
    DEFAULT_URL,
    Channel,
    KeyPath,
    Url,
    client,
    command_group,
    console,
    read_json,
)
from parley.client import ParleyClient
from parley.proofs import TrustRoot, verify_bundle

ONCE_OPEN = "Once an entry is opened it can never be closed again."

disclose_app = command_group(help=f"Open entries to the public by joint consent. {ONCE_OPEN}")
communique_app = command_group(
    help="Joint communiqués: published when every side's head signed one version."
)
public_app = command_group(help="The public record (no key needed).")


def _sides(c: ParleyClient, channel: str) -> set[str]:
    return {s["id"] for s in c.channel(channel)["sides"]}


@disclose_app.command("propose")
def disclose_propose(
    channel: Channel,
    proposal: Annotated[str, typer.Argument(help="Proposal id.")],
    entry: Annotated[
        list[str],
        typer.Option(
            "--entry", help="Entry to open: its id or first 6+ characters (repeat).", metavar="ID"
        ),
    ],
    level: Annotated[str, typer.Option("--level", help="general or public.")] = "public",
    reason: Annotated[str, typer.Option("--reason")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Propose opening exactly these entries; your signature is your side's consent."""
    with client(url, key, channel=channel) as c:
        entry = [c.find_id(channel, e) for e in entry]
        c.disclosures.propose(channel, proposal, entry, level, reason)
    console.print(
        f"proposed {proposal}: {len(entry)} entr{'y' if len(entry) == 1 else 'ies'} → {level}; "
        f"takes effect when every side's head has signed. {ONCE_OPEN}"
    )


@disclose_app.command("sign")
def disclose_sign(
    channel: Channel,
    proposal: Annotated[str, typer.Argument()],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Consent to a disclosure proposal (your signature names its exact list and level)."""
    with client(url, key, channel=channel) as c:
        c.disclosures.sign(channel, proposal)
        o = c.disclosures.status(channel, proposal)
        sides = _sides(c, channel)
    state = (
        "in effect"
        if o["done_seq"]
        else "waiting for " + ", ".join(sorted(sides - set(o["signed_by"])))
    )
    console.print(f"signed {proposal}; {state}. {ONCE_OPEN}")


@disclose_app.command("status")
def disclose_status(
    channel: Channel,
    proposal: Annotated[str, typer.Argument()],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Who consented to a disclosure proposal, and whether it took effect."""
    with client(url, key, channel=channel) as c:
        o = c.disclosures.status(channel, proposal)
    console.print(
        f"{proposal}: {len(o['entries'])} entries → {o['level']}; signed by {', '.join(sorted(o['signed_by']))}; "
        f"{'in effect since entry ' + str(o['done_seq']) if o['done_seq'] else 'not in effect'}"
    )


@communique_app.command("draft")
def communique_draft(
    channel: Channel,
    communique: Annotated[str, typer.Argument(help="Communiqué id.")],
    text: Annotated[
        list[str],
        typer.Option("--text", help="LANG=TEXT, one per language (repeat).", metavar="LANG=TEXT"),
    ],
    meeting: Annotated[str | None, typer.Option("--meeting")] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Draft (the next version of) a communiqué, with one text per language."""
    texts = dict(t.split("=", 1) for t in text)
    with client(url, key, channel=channel) as c:
        version, _ = c.disclosures.draft_communique(channel, communique, texts, meeting)
    console.print(
        f"communiqué {communique} version {version} drafted; published when every side's head signs it"
    )


@communique_app.command("sign")
def communique_sign(
    channel: Channel,
    communique: Annotated[str, typer.Argument()],
    version: Annotated[int, typer.Option("--version")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Sign one version for your side. When the last side signs, it is public — for good."""
    with client(url, key, channel=channel) as c:
        c.disclosures.sign_communique(channel, communique, version)
        published = c.disclosures.communique(channel, communique)["published"]
    console.print(
        f"signed version {version}; "
        + (f"PUBLISHED (version {published})" if published else "not published yet")
    )


@communique_app.command("publish")
def communique_publish(
    channel: Channel,
    communique: Annotated[str, typer.Argument()],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Check a communiqué is published (every side signed one version) and show its public address."""
    from parley.errors import ParleyError

    with client(url, key, channel=channel) as c:
        cq = c.disclosures.communique(channel, communique)
        sides = _sides(c, channel)
    if cq["published"] is None:
        last = cq["versions"][-1]
        missing = sorted(sides - set(last["signed_by"]))
        raise ParleyError(
            "communique.not_signed", f"version {last['version']} still needs: {', '.join(missing)}"
        )
    console.print(
        f"published: {url}/public/v1/channels/{channel}/communiques (version {cq['published']})",
        soft_wrap=True,  # a URL to copy
    )


@communique_app.command("show")
def communique_show(
    channel: Channel,
    communique: Annotated[str, typer.Argument()],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Each version, its texts and who signed it."""
    with client(url, key, channel=channel) as c:
        cq = c.disclosures.communique(channel, communique)
    for v in cq["versions"]:
        mark = " [green]PUBLISHED[/]" if v["version"] == cq["published"] else ""
        console.print(
            f"[bold]version {v['version']}[/]{mark} — signed by {', '.join(sorted(v['signed_by'])) or 'nobody'}"
        )
        for lang, t in v["texts"].items():
            console.print(f"  [{lang}] {escape(t)}")


def statement(
    channel: Channel,
    text: Annotated[str, typer.Option("--text")],
    language: Annotated[str, typer.Option("--language")] = "en",
    source: Annotated[str, typer.Option("--source", help="Where it was said.")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Log your party's own public statement, marked unilateral (public at once)."""
    with client(url, key, channel=channel) as c:
        c.disclosures.unilateral(channel, text, language, source)
    console.print("logged as a unilateral statement")


@public_app.command("export")
def public_export(
    channel: Channel,
    out: Annotated[Path, typer.Argument(help="Directory to write.")],
    trust: Annotated[
        Path | None,
        typer.Option(
            "--trust",
            help="The channel's public trust root (`parley trust export --public`): every "
            "bundle is checked against it, and it is shipped with them as trust.json.",
            metavar="FILE",
        ),
    ] = None,
    url: Url = DEFAULT_URL,
) -> None:
    """Write everything public about a channel as plain files, each entry with its proof bundle, checked before writing — against the trust root given, which is shipped with them. Host the directory anywhere."""
    root = None if trust is None else TrustRoot.from_json(read_json(trust, "trust root"))
    base = f"{url.rstrip('/')}/public/v1/channels/{channel}"
    with httpx.Client(timeout=30) as http:
        summary = http.get(base).raise_for_status().json()
        entries = http.get(f"{base}/entries").raise_for_status().json()
        (out / "entries").mkdir(parents=True, exist_ok=True)
        if root is not None:
            (out / "trust.json").write_text(
                json.dumps(root.to_json(), indent=2, ensure_ascii=False) + "\n"
            )
        for e in entries:
            eid = e["entry"]["header"]["id"]
            bundle = http.get(f"{base}/entries/{eid}/bundle").raise_for_status().json()
            verify_bundle(bundle, root)
            (out / "entries" / f"{eid}.json").write_text(
                json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"
            )
    (out / "checkpoint.txt").write_text(summary["checkpoint"])
    (out / "index.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    (out / "README.txt").write_text(
        f"Public record of Parley channel {channel}.\n"
        "index.json lists the published communiqués and entries; entries/<id>.json is an offline proof bundle:\n"
        "check one with `parley verify-bundle entries/<id>.json --trust trust.json` (no server,\n"
        "no database); trust.json is the channel's trust root, as a party published it.\n"
        "checkpoint.txt is the latest checkpoint, signed by the server and cosigned by the parties' witnesses.\n"
    )
    console.print(f"wrote {len(entries)} verified bundle(s) and the checkpoint to {out}")
