"""Every entry type has every part: a body model that names it, a handler typed for
exactly the bodies it is registered for, a read rule, a JSON Schema and a row in
docs/entries.md. A type that lacks one fails here."""

from __future__ import annotations

import inspect
import re
import types
import typing
from pathlib import Path

import pytest

from parley.model import bodies, registry
from parley.model.feature import Act, Event, ReadRule
from parley.model.registry import FEATURES, RECORDS, ROWS, TYPES

DOCS = Path(__file__).parents[2] / "docs" / "entries.md"


def _body_classes() -> set[type[bodies.Body]]:
    out: set[type[bodies.Body]] = set()
    todo = [bodies.Body]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            out.add(sub)
            todo.append(sub)
    return out


def _flatten(t: object) -> set[object]:
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        return {x for a in typing.get_args(t) for x in _flatten(a)}
    return {t}


@pytest.mark.parametrize("name", sorted(TYPES))
def test_the_type_has_a_model_a_typed_handler_and_a_read_rule(name):
    t = TYPES[name]
    assert t.body.__dict__.get("TYPE") == name
    assert isinstance(t.read, ReadRule) and t.read.says
    params = list(inspect.signature(t.handler).parameters)
    assert len(params) == 2, f"{name}: handler(draft, entry)"
    hint = typing.get_type_hints(t.handler)[params[1]]
    context = Act if t.writer == "member" else Event
    assert typing.get_origin(hint) is context, f"{name}: the handler takes {context.__name__}"
    (arg,) = typing.get_args(hint)
    registered = {x.body for x in TYPES.values() if x.handler is t.handler}
    assert _flatten(arg) == registered, f"{name}: the handler's annotation is its bodies"


@pytest.mark.parametrize("name", sorted(TYPES))
def test_the_type_has_a_strict_json_schema(name):
    schema = registry.body_schemas()[name]
    assert schema["type"] == "object"
    assert schema.get("additionalProperties") is False


def test_every_body_model_that_names_a_type_is_registered():
    named = {c for c in _body_classes() if "TYPE" in c.__dict__}
    assert named == {t.body for t in TYPES.values()}


def test_docs_list_every_type_once():
    text = DOCS.read_text()
    documented = re.findall(r"^\| `([a-z_.]+)` \|", text, flags=re.M)
    assert sorted(documented) == sorted(TYPES), (
        f"undocumented: {sorted(set(TYPES) - set(documented))}; "
        f"documented but unknown: {sorted(set(documented) - set(TYPES))}"
    )


def test_tables_have_one_owner_and_projections_name_owned_tables():
    owned = [t.name for f in FEATURES for t in f.tables]
    assert len(owned) == len(set(owned))
    assert set(RECORDS) <= set(owned)
    assert set(ROWS) <= set(owned)
    assert not set(RECORDS) & set(ROWS)
