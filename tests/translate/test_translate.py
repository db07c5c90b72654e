"""The machine-translation backend: the real CTranslate2 engine on a tiny random model
(conftest.py builds it), the test backend, and what both share (limits, sentences, line
breaks, errors)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.errors import InvalidInput, NotFound, ParleyError
from parley.translate import FixedTranslator, Limits, Translator, load, untranslate
from parley.translate.backend import discover, segment, split_sentences
from parley.translate.ct2 import chunk_tokens

TEXT = (
    "Стороны договорились провести встречу. Посредник предложил обмен списками!\n"
    "\n"
    "  Коммюнике подписано.\n"
)
ID = re.compile(r"^[\w.-]+@sha256:[0-9a-f]{16}$")


def shape(text: str) -> list[str]:
    """Where a text's line breaks and blank lines are: what a draft must keep."""
    return ["" if not line.strip() else "x" for line in text.split("\n")]


# ---- sentences and lines (no engine needed) -------------------------------------------


def test_sentences_in_the_four_languages() -> None:
    assert split_sentences("One. Two? Three! Four") == [
        "One.",
        " ",
        "Two?",
        " ",
        "Three!",
        " ",
        "Four",
    ]
    assert split_sentences("Встреча прошла. «Итог» ясен.") == [
        "Встреча прошла.",
        " ",
        "«Итог» ясен.",
    ]
    # The Armenian full stop ends a sentence; the question mark inside a word does not.
    assert split_sentences("Հանդիպումն ավարտվեց։ Ե՞րբ է հաջորդը։") == [
        "Հանդիպումն ավարտվեց։",
        " ",
        "Ե՞րբ է հաջորդը։",
    ]
    assert split_sentences("Görüş keçirildi. Növbəti görüş sabahdır.") == [
        "Görüş keçirildi.",
        " ",
        "Növbəti görüş sabahdır.",
    ]
    # Initials, 'г.' after a year, 'e.g. x': not ends of sentences.
    assert split_sentences("A. Mirzoyan spoke.") == ["A. Mirzoyan spoke."]
    assert split_sentences("1 марта 2023 г. Встреча.") == ["1 марта 2023 г. Встреча."]
    assert split_sentences("Lists, e.g. this one.") == ["Lists, e.g. this one."]
    assert split_sentences("He said: “Yes.” Then left.") == ["He said: “Yes.”", " ", "Then left."]


def test_segments_keep_line_breaks_and_spaces() -> None:
    pieces = segment(TEXT)
    assert "".join(p for p, _ in pieces) == TEXT
    assert [p for p, todo in pieces if todo] == [
        "Стороны договорились провести встречу.",
        "Посредник предложил обмен списками!",
        "Коммюнике подписано.",
    ]
    assert segment("") == []
    assert segment(" \n\r\n") == [(" ", False), ("\n", False), ("\r\n", False)]


@given(st.text(alphabet=st.sampled_from("ab .!?։\n\r\t "), max_size=40))
def test_segments_always_join_back(text: str) -> None:
    pieces = segment(text)
    assert "".join(p for p, _ in pieces) == text
    assert all(p.strip() == p and p for p, todo in pieces if todo)


def test_long_token_runs_are_cut_before_words() -> None:
    tokens = ["▁a", "b", "▁c", "d", "e", "▁f", "g", "▁h"]
    assert chunk_tokens(tokens, 4) == [["▁a", "b"], ["▁c", "d", "e"], ["▁f", "g", "▁h"]]
    assert chunk_tokens(["x"] * 5, 2) == [["x", "x"], ["x", "x"], ["x"]]
    assert chunk_tokens([], 3) == [[]]


# ---- the test backend -----------------------------------------------------------------


def test_fixed_backend_is_deterministic_reversible_and_unmistakable() -> None:
    fixed = FixedTranslator([("ru", "en")])
    assert isinstance(fixed, Translator)
    out = fixed.translate([TEXT, "", "Мир сегодня."], "ru", "en")
    assert out[2] == "⟦en⟧ риМ яндогес."
    assert out[1] == ""
    assert shape(out[0]) == shape(TEXT)
    assert out[0].count("⟦en⟧ ") == 3
    assert [untranslate(o) for o in out] == [TEXT, "", "Мир сегодня."]
    assert fixed.translate([TEXT], "RU", "en") == out[:1]
    assert fixed.describe()["engine"] == "test"
    assert fixed.describe()["pairs"] == [
        {"source": "ru", "target": "en", "model": "parley-test-backend@reverse-words"}
    ]
    with pytest.raises(NotFound) as exc:
        fixed.translate(["x"], "en", "ru")
    assert exc.value.code == "translate.no_model"
    assert len(FixedTranslator().pairs()) == 12  # ru, hy, az, en both ways


def test_a_marker_file_selects_the_test_backend(tmp_path: Path) -> None:
    (tmp_path / "parley-test-backend.json").write_text('{"pairs": [["hy", "ru"]]}')
    translator = load(tmp_path)
    assert isinstance(translator, FixedTranslator)
    assert translator.pairs() == [("hy", "ru")]
    (tmp_path / "opus-mt-ru-en").mkdir()
    with pytest.raises(ParleyError) as exc:
        load(tmp_path)
    assert exc.value.code == "translate.bad_directory"
    assert "test backend" in exc.value.message
    shutil.rmtree(tmp_path / "opus-mt-ru-en")
    (tmp_path / "parley-test-backend.json").write_text('{"pairs": [["hy"]]}')
    with pytest.raises(ParleyError) as exc:
        load(tmp_path)
    assert exc.value.code == "translate.bad_directory"


def test_limits_and_bad_input() -> None:
    fixed = FixedTranslator(limits=Limits(max_texts=2, max_chars=10))
    for texts in (["a", "b", "c"], ["x" * 11], ["12345", "123456"]):
        with pytest.raises(InvalidInput) as exc:
            fixed.translate(texts, "ru", "en")
        assert exc.value.code == "translate.too_long"
    assert fixed.translate(["x" * 10], "ru", "en") == ["⟦en⟧ " + "x" * 10]
    with pytest.raises(InvalidInput) as exc:
        fixed.translate(["x"], "ru;drop", "en")
    assert exc.value.code == "translate.bad_language"
    with pytest.raises(InvalidInput) as exc:
        fixed.translate("text", "ru", "en")  # type: ignore[arg-type]
    assert exc.value.code == "translate.bad_input"


# ---- loading a directory (no engine needed) -------------------------------------------


def fake_opus(directory: Path) -> None:
    """The files discovery looks for, without a model in them."""
    directory.mkdir(parents=True)
    for name in ("model.bin", "config.json", "source.spm", "target.spm"):
        (directory / name).write_bytes(b"not a model")


def test_nothing_configured_is_none() -> None:
    assert load(None) is None


def test_directories_that_are_not_models(tmp_path: Path) -> None:
    def code(path: Path) -> str:
        with pytest.raises(ParleyError) as exc:
            load(path)
        assert str(path) in exc.value.message
        return exc.value.code

    assert code(tmp_path / "missing") == "translate.bad_directory"
    assert code(tmp_path) == "translate.no_models"  # empty
    (tmp_path / "README.txt").write_text("plain files and hidden directories are passed over")
    (tmp_path / ".cache").mkdir()
    assert code(tmp_path) == "translate.no_models"
    (tmp_path / "photos").mkdir()
    assert code(tmp_path) == "translate.bad_directory"
    shutil.rmtree(tmp_path / "photos")
    fake_opus(tmp_path / "opus-mt-ru-en (copy)")  # its name could not be a model id
    assert code(tmp_path) == "translate.bad_directory"
    shutil.rmtree(tmp_path / "opus-mt-ru-en (copy)")

    argos = tmp_path / "translate-ru_en"
    (argos / "model").mkdir(parents=True)
    (argos / "metadata.json").write_text("{not json")
    assert code(tmp_path) == "translate.bad_directory"
    (argos / "metadata.json").write_text('{"from_code": "ru", "to_code": "en"}')
    assert code(tmp_path) == "translate.bad_directory"  # no sentencepiece.model, no model.bin
    shutil.rmtree(argos)

    fake_opus(tmp_path / "my-model")  # no pair in its name nor in parley-pair.json
    assert code(tmp_path) == "translate.bad_directory"
    (tmp_path / "my-model" / "parley-pair.json").write_text('{"source": "ru", "target": "en"}')
    fake_opus(tmp_path / "opus-mt-ru-en")
    with pytest.raises(ParleyError, match="two models for ru→en"):
        load(tmp_path)


def test_models_without_the_extra_say_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_opus(tmp_path / "opus-mt-ru-en")
    assert [(m.source, m.target, m.layout) for m in discover(tmp_path)] == [("ru", "en", "opus-mt")]
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # import ctranslate2 fails
    with pytest.raises(ParleyError) as exc:
        load(tmp_path)
    assert exc.value.code == "translate.not_installed"
    assert "parley[translate]" in exc.value.message


# ---- CTranslate2 on a real (tiny, random) model ---------------------------------------


@pytest.fixture(scope="module")
def translator(models_root: Path) -> Translator:
    loaded = load(models_root)
    assert loaded is not None
    return loaded


def test_pairs_are_discovered_in_both_layouts(translator: Translator) -> None:
    assert translator.pairs() == [("az", "en"), ("hy", "en"), ("ru", "en")]
    described = translator.describe()
    assert described["engine"] == "ctranslate2"
    assert described["device"] == "cpu"
    layouts = {(p["source"], p["target"]): p["layout"] for p in described["pairs"]}
    assert layouts == {("az", "en"): "opus-mt", ("hy", "en"): "opus-mt", ("ru", "en"): "argos"}
    models = {(p["source"], p["target"]): p["model"] for p in described["pairs"]}
    assert all(ID.match(m) for m in models.values())
    assert models["ru", "en"].startswith("translate-ru_en-1_0@sha256:")
    assert models["hy", "en"].startswith("opus-mt-hy-en@sha256:")
    assert models["az", "en"].startswith("local-az-en@sha256:")


def test_one_draft_per_text_deterministic_with_line_breaks(
    translator: Translator, models_root: Path
) -> None:
    texts = [TEXT, "", "Посредник предложил обмен.", "   "]
    out = translator.translate(texts, "ru", "en")
    assert len(out) == 4
    assert all(isinstance(o, str) for o in out)
    assert out[1] == "" and out[3] == "   "
    assert out[0] != TEXT and out[2]
    assert shape(out[0]) == shape(TEXT)  # line breaks, the blank line, the final newline
    assert out[0].startswith("  ") is False and out[0].split("\n")[2].startswith("  ")
    assert translator.translate(texts, "ru", "en") == out
    fresh = load(models_root)
    assert fresh is not None and fresh.translate(texts, "ru", "en") == out
    # A sentence is translated the same alone or among others.
    assert translator.translate(["Посредник предложил обмен."], "ru", "en") == [out[2]]
    for source in ("hy", "az"):
        drafts = translator.translate(["Կողմերը։\nTərəflər."], source, "en")
        assert len(drafts) == 1 and drafts[0].count("\n") == 1


def test_unknown_pair_is_not_found(translator: Translator) -> None:
    with pytest.raises(NotFound) as exc:
        translator.translate(["x"], "en", "ru")
    assert exc.value.code == "translate.no_model"
    assert exc.value.detail["available"] == [["az", "en"], ["hy", "en"], ["ru", "en"]]
    with pytest.raises(NotFound):
        translator.model_id("en", "hy")


def test_long_sentences_are_cut_and_long_requests_refused(models_root: Path) -> None:
    small = load(models_root, limits=Limits(max_segment_tokens=8, max_chars=2000))
    assert small is not None
    long_sentence = " ".join(["Посредник предложил обмен списками задержанных"] * 10)
    (draft,) = small.translate([long_sentence], "ru", "en")
    assert draft
    with pytest.raises(InvalidInput) as exc:
        small.translate(["x" * 2001], "ru", "en")
    assert exc.value.code == "translate.too_long"


def test_a_corrupt_model_is_a_typed_error_at_first_use(own_models: Path) -> None:
    model_bin = own_models / "opus-mt-hy-en" / "model.bin"
    model_bin.write_bytes(model_bin.read_bytes()[:200])  # truncated
    translator = load(own_models)  # lazy: the other pairs still work
    assert translator is not None
    with pytest.raises(ParleyError) as exc:
        translator.translate(["Կողմերը։"], "hy", "en")
    assert exc.value.code == "translate.model_broken"
    assert "opus-mt-hy-en" in exc.value.message and "\n" not in exc.value.message
    assert translator.translate(["Стороны."], "ru", "en")[0]
    (own_models / "local-az-en" / "source.spm").write_bytes(b"not a sentencepiece model")
    with pytest.raises(ParleyError) as exc:
        translator.translate(["Tərəflər."], "az", "en")
    assert exc.value.code == "translate.model_broken"


def test_the_model_id_names_the_weights(
    own_models: Path, spm_model: bytes, model_builder: Callable[..., None], tmp_path: Path
) -> None:
    model_bin = own_models / "opus-mt-hy-en" / "model.bin"
    digest = hashlib.sha256(model_bin.read_bytes()).hexdigest()
    translator = load(own_models)
    assert translator is not None
    assert translator.model_id("hy", "en") == f"opus-mt-hy-en@sha256:{digest[:16]}"
    first = translator.translate(["Կողմերը։"], "hy", "en")

    other = tmp_path / "other"
    model_builder(other, spm_model, seed=1)
    shutil.copy(other / "model.bin", model_bin)
    # The model loaded is the model named, until the server starts again...
    assert translator.model_id("hy", "en") == f"opus-mt-hy-en@sha256:{digest[:16]}"
    assert translator.translate(["Կողմերը։"], "hy", "en") == first
    # ...which names (and uses) the new one.
    again = load(own_models)
    assert again is not None
    new_id = again.model_id("hy", "en")
    assert new_id != translator.model_id("hy", "en")
    assert (
        new_id == "opus-mt-hy-en@sha256:" + hashlib.sha256(model_bin.read_bytes()).hexdigest()[:16]
    )
    assert {p["model"] for p in again.describe()["pairs"]} >= {new_id}


def test_eos_is_added_for_models_that_expect_it(own_models: Path) -> None:
    config = own_models / "opus-mt-hy-en" / "config.json"
    translator = load(own_models)
    assert translator is not None
    plain = translator.translate(["Կողմերը։"], "hy", "en")
    loaded = translator._loaded  # type: ignore[attr-defined]
    assert loaded["hy", "en"].source_suffix == ("</s>",)  # converted from Transformers
    translator.translate(["Стороны."], "ru", "en")
    assert loaded["ru", "en"].source_suffix == ()  # argostranslate (OpenNMT-py)
    data = json.loads(config.read_text())
    data["add_source_eos"] = True  # converted from Marian: CTranslate2 adds it itself
    config.write_text(json.dumps(data))
    marian = load(own_models)
    assert marian is not None
    assert marian.translate(["Կողմերը։"], "hy", "en") == plain
    assert marian._loaded["hy", "en"].source_suffix == ()  # type: ignore[attr-defined]


def test_concurrent_calls_from_threads(models_root: Path) -> None:
    translator = load(models_root)  # nothing loaded yet: the threads race to load
    assert translator is not None
    jobs = [([f"Стороны {i}. Посредник.\nКоммюнике."], "ru", "en") for i in range(8)] + [
        ([f"Կողմերը {i}։"], "hy", "en") for i in range(8)
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda job: translator.translate(*job), jobs))
    alone = [translator.translate(*job) for job in jobs]
    assert together == alone
    assert all(len(out) == 1 and out[0].count("\n") == 1 for out in together[:8])


def test_the_check_command(
    models_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from parley.translate.__main__ import main

    assert main([str(models_root)]) == 0
    out = capsys.readouterr().out
    assert "engine: ctranslate2" in out
    assert "ru→en  translate-ru_en-1_0@sha256:" in out and "hy→en  opus-mt-hy-en@sha256:" in out
    assert main([str(models_root), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["engine"] == "ctranslate2"
    assert main([str(tmp_path)]) == 1
    assert "[translate.no_models]" in capsys.readouterr().err
