"""Agreed names and translations from the command line (docs/glossary.md,
docs/translations.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from parley.cli.display import namer
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

glossary_app = command_group(
    help="Agreed names: each term's neutral name per language and each party's own form."
)
translation_app = command_group(
    help="Translations as signed entries beside the original; verified by the receiving side."
)


@glossary_app.command("show")
def glossary_show(channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY) -> None:
    """Every term, its names and forms, what your side sees, and proposals waiting."""
    with client(url, key, channel=channel) as c:
        g = c.languages.glossary(channel)
        name = namer(g, c.my_side(channel))
    for t in g["terms"]:
        neutral = "; ".join(f"{lang}: {n}" for lang, n in t["names"].items())
        console.print(
            f"[bold]{escape(t['id'])}[/] ({t['kind']}, v{t['version']}) — you see "
            f"“{escape(name(next(iter(t['names'].values()))))}”"
        )
        console.print(f"  neutral: {escape(neutral)}")
        for side, forms in t["forms"].items():
            shown = "; ".join(f"{lang}: {n}" for lang, n in forms.items())
            console.print(f"  {side}: {escape(shown)}")
    for p in g["proposals"]:
        console.print(
            f"[yellow]proposed[/] {escape(p['id'])} — signed by "
            f"{', '.join(sorted(p['signed_by'])) or 'nobody yet'}"
        )


@glossary_app.command("propose")
def glossary_propose(
    channel: Channel,
    file: Annotated[
        Path,
        typer.Option(
            "--file",
            help='JSON: {"id", "kind": place|side|role|topic|other, "names": {lang: name}, '
            '"forms": {side: {lang: name}}}',
        ),
    ],
    reason: Annotated[str, typer.Option("--reason")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Propose a term, or a new version of one; in effect once every party head signed it."""
    term = read_json(file, "term file")
    with client(url, key, channel=channel) as c:
        c.languages.propose_term(channel, term, reason)
    console.print(f"proposed {term.get('id')}: every party head must sign it")


@glossary_app.command("sign")
def glossary_sign(
    channel: Channel,
    term: Annotated[str, typer.Argument(help="The proposed term's id.")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Sign the proposed version of a term for your party (heads only)."""
    with client(url, key, channel=channel) as c:
        c.languages.sign_term(channel, term)
        waiting = [p for p in c.languages.glossary(channel)["proposals"] if p["id"] == term]
    console.print(f"signed {term}; " + ("waiting for the other head" if waiting else "in effect"))


@translation_app.command("add")
def translation_add(
    channel: Channel,
    of: Annotated[str, typer.Argument(help="The original entry's id.")],
    language: Annotated[str, typer.Option("--language", help="The translation's language.")],
    field: Annotated[
        str, typer.Option("--field", help="Which text: text, subject, items.0.summary, texts.ru…")
    ] = "text",
    text: Annotated[
        str | None,
        typer.Option("--text", help="Your translation. Without it: the server's machine draft."),
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Sign a translation of one field of an entry (a person's, or a labelled machine draft)."""
    with client(url, key, channel=channel) as c:
        tid, _ = c.languages.translate(channel, of, field, language, text)
    kind = "translation" if text is not None else "machine draft (labelled a draft)"
    console.print(f"{kind} {tid} signed; the receiving side can verify it")


@translation_app.command("verify")
def translation_verify(
    channel: Channel,
    translation: Annotated[str, typer.Argument(help="The translation's entry id.")],
    note: Annotated[str, typer.Option("--note")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Confirm for your side that a translation says what the original says."""
    with client(url, key, channel=channel) as c:
        c.languages.verify(channel, translation, note)
    console.print(f"verified {translation} for your side")


@translation_app.command("list")
def translation_list(
    channel: Channel,
    of: Annotated[str | None, typer.Option("--of", help="Only those of this entry.")] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Translations you may read: method, model, who verified."""
    with client(url, key, channel=channel) as c:
        found = c.languages.translations(channel, of)
    for t in found:
        how = "human" if t["method"] == "human" else f"MACHINE DRAFT ({t['engine']} {t['model']})"
        verified = ", ".join(sorted(t["verified_by"])) or "not verified"
        console.print(
            f"[dim]{t['id']}[/] {t['language']} of {t['of'][:8]}.{t['field']} — {how}; {verified}"
        )
        console.print(f"  {escape(t['text'])}")
