"""The checker's text rules: transliteration, places, dates, negation, the mediator,
splitting statements into claims."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.claims.text import (
    PLACES,
    dates_in,
    fold,
    negated,
    places_in,
    split_claims,
    without_mediator,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The next meeting may take place in Ganja or Aghdam", ["Ganja", "Aghdam"]),
        ("в Гяндже или Агдаме", ["Ganja", "Aghdam"]),
        ("Gəncədə", ["Ganja"]),
        ("in Gyanja", ["Ganja"]),
        ("in Ağdam", ["Aghdam"]),
        ("talks in Khankendi", ["Stepanakert"]),
        ("at the peacekeepers' headquarters", ["Mission HQ"]),
        ("в штабе российского миротворческого контингента", ["Mission HQ"]),
        ("The weather was fine", []),
        ("the gas supply", []),
    ],
)
def test_places_with_transliteration_variants(text, expected):
    assert places_in(text) == expected


@given(st.sampled_from([(c, v) for c, vs in PLACES.items() for v in vs if " " not in v]))
def test_every_single_word_variant_finds_its_place(pair):
    canon, variant = pair
    assert canon in places_in(f"They will meet in {variant} soon")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 1 March 2023 the groups met", [date(2023, 3, 1)]),
        ("on March 2", [date(2023, 3, 2)]),
        ("1 марта 2023 года", [date(2023, 3, 1)]),
        ("на 10 марта", [date(2023, 3, 10)]),
        ("held 2023-03-01", [date(2023, 3, 1)]),
        ("held 01.03.2023", [date(2023, 3, 1)]),
        ("no date here, only 11:00", []),
    ],
)
def test_dates(text, expected):
    assert dates_in(text, 2023) == expected


@pytest.mark.parametrize(
    ("text", "neg"),
    [
        ("The meeting did not discuss it", True),
        ("The sides didn't agree", True),
        ("It was never on the agenda", True),
        ("Это не обсуждалось", True),
        ("The meeting discussed gas", False),
        ("They met without the mediator", False),  # "without" negates only what follows
        ("Nobody objected", False),
    ],
)
def test_negation(text, neg):
    assert negated(text) is neg


@pytest.mark.parametrize(
    ("text", "without"),
    [
        ("may take place without the mediator", True),
        ("without the peacekeepers", True),
        ("без участия миротворцев", True),
        ("direct, bilateral talks", True),
        ("chaired by the commander of the peacekeeping troops", False),
    ],
)
def test_without_the_mediator(text, without):
    assert without_mediator(text) is without


def test_reporting_frames_are_stripped_and_kept_as_the_speaker():
    [c] = split_claims("The head told the press that the meeting discussed reintegration.")
    assert c.text == "the meeting discussed reintegration" and c.speaker == "The head"
    [c] = split_claims("According to the ministry, the talks were held in Baku.")
    assert c.speaker == "the ministry" and c.places == ["Baku"]
    [c] = split_claims("Глава группы заявил, что встреча прошла в Гяндже.")
    assert c.speaker == "Глава группы" and c.places == ["Ganja"]


def test_sentences_and_clauses_split_coordinated_objects_do_not():
    claims = split_claims(
        "The sides discussed gas; the next meeting will be in Ganja or Aghdam. "
        "They met on 1 March, and they agreed on the highway."
    )
    assert [c.text for c in claims] == [
        "The sides discussed gas",
        "the next meeting will be in Ganja or Aghdam",
        "They met on 1 March",
        "they agreed on the highway",
    ]
    assert claims[1].places == ["Ganja", "Aghdam"]


@given(st.text(max_size=300))
def test_splitting_never_fails_and_never_yields_empty_claims(text):
    for c in split_claims(text):
        assert c.text.strip() and len(c.text.split()) >= 2


@given(st.text(max_size=200))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
