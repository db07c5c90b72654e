"""--lang and --tz (PARLEY_LANG, PARLEY_TZ): dates in the reader's zone and language and
the glossary's names as the reader's side says them — display only, nothing signed."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.cli import display
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient, save_key
from parley.crypto import SigningKey
from parley.service import load_server_key

PASS = "a long enough passphrase"
TOWN = {
    "id": "tarn-town",
    "kind": "place",
    "names": {"en": "the town at the Tarn mouth", "ru": "город в устье Тарна"},
    "forms": {"north": {"en": "Tarnmouth"}, "south": {"en": "Lower Tarn", "ru": "Нижний Тарн"}},
}
CITY = {
    "id": "stepanakert",
    "kind": "place",
    "names": {"en": "Stepanakert / Khankendi", "ru": "Степанакерт / Ханкенди"},
    "forms": {
        "artsakh": {"hy": "Ստեփանակերտ", "en": "Stepanakert"},
        "azerbaijan": {"az": "Xankəndi", "en": "Khankendi"},
    },
}


@pytest.fixture(autouse=True)
def plain_display():
    display.set_display(None, None)
    yield
    display.set_display(None, None)


def test_without_options_times_stay_as_scripts_know_them():
    assert display.when("2023-03-01T09:00:00+04:00") == "2023-03-01 05:00:00 UTC"
    assert display.as_written("2023-03-01T09:00:00+04:00") == "2023-03-01T09:00:00+04:00"
    assert display.when("not a time") == "not a time"


def test_a_zone_shows_local_time_with_its_offset_and_utc_beside_it():
    display.set_display(None, "Asia/Baku")
    assert display.when("2023-03-01T05:00:00+00:00") == "2023-03-01 09:00:00 +04 (05:00:00 UTC)"
    display.set_display("ru", "Asia/Yerevan")
    shown = display.when("2023-03-01T05:00:00+00:00")
    assert (
        "мар" in shown and "09:00:00" in shown and "GMT+04:00" in shown and "05:00:00 UTC" in shown
    )


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)))
def test_the_default_display_is_the_utc_time_to_the_second(at):
    display.set_display(None, None)
    stamp = at.replace(tzinfo=UTC, microsecond=0) + timedelta(0)
    back = datetime.strptime(display.when(stamp.isoformat()), "%Y-%m-%d %H:%M:%S UTC")
    assert back.replace(tzinfo=UTC) == stamp


@pytest.mark.parametrize(
    ("term", "side", "lang", "text", "expected"),
    [
        (CITY, "artsakh", "hy", "Khankendi", "Ստեփանակերտ"),
        (CITY, "azerbaijan", "az", "Stepanakert", "Xankəndi"),
        (CITY, "azerbaijan", "en", "stepanakert / khankendi", "Khankendi"),
        (CITY, "peacekeepers", "ru", "Khankendi", "Степанакерт / Ханкенди"),
        (CITY, None, "en", "Ստեփանակերտ", "Stepanakert / Khankendi"),
        (TOWN, "south", "ru", "Tarnmouth", "Нижний Тарн"),
        (TOWN, "north", "ru", "Lower Tarn", "город в устье Тарна"),
        (TOWN, "north", "en", "Moscow", "Moscow"),
    ],
)
def test_a_name_is_shown_as_the_readers_side_says_it(term, side, lang, text, expected):
    display.set_display(lang, None)
    assert display.namer({"terms": [term]}, side)(text) == expected


def test_bad_options_are_one_line_usage_errors():
    for args in (["--lang", "xx-nope"], ["--tz", "Mars/Base"]):
        out = subprocess.run(
            [sys.executable, "-m", "parley", *args, "inbox", "c"], capture_output=True, text=True
        )
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1 and "cli.bad_" in out.stderr


@pytest.mark.server
def test_meeting_show_in_each_sides_words_and_zone(tmp_path):
    people = {
        "chair": ("mission", "head", "Ilse Varga"),
        "north-head": ("north", "head", "Arvo Lind"),
        "south-head": ("south", "head", "Bera Holm"),
    }
    keys = {s: SigningKey.generate() for s in people}
    paths = {}
    for stem, k in keys.items():
        paths[stem] = tmp_path / f"{stem}.key"
        save_key(paths[stem], k, PASS, stem)
    server_key = load_server_key(tmp_path / "data")
    port = free_port()
    proc = start_server(tmp_path / "data", port, ["--creator", keys["chair"].key_id])
    url = f"http://127.0.0.1:{port}"
    sides = []
    for side, kind in (("mission", "mediator"), ("north", "party"), ("south", "party")):
        members = [
            {"key": keys[s].public.to_b64(), "name": n, "role": r}
            for s, (sd, r, n) in people.items()
            if sd == side
        ]
        sides.append({"id": side, "name": side.title(), "kind": kind, "members": members})
    charter = {
        "title": "Tarn basin water commission",
        "sides": sides,
        "mandate": [{"id": "dam-release", "title": "Dam release schedule"}],
        "ack_deadlines": {"flash": 600, "urgent": 7200, "routine": 86400},
        "glossary": [TOWN],
        "server_key": server_key.public.to_b64(),
    }

    def run(who, *args, env=None):
        out = subprocess.run(
            [sys.executable, "-m", "parley", *args, "--url", url, "--key", str(paths[who])],
            capture_output=True,
            text=True,
            env={**os.environ, "PARLEY_PASSPHRASE": PASS, "COLUMNS": "200", **(env or {})},
        )
        assert out.returncode == 0, out.stdout + out.stderr
        return out.stdout

    try:
        c = {s: ParleyClient(url, k) for s, k in keys.items()}
        c["chair"].create_channel("basin", charter)
        c["north-head"].accept_charter("basin")
        c["south-head"].accept_charter("basin")
        c["north-head"].talks.propose(
            "basin",
            "m-1",
            start="2031-05-10T10:00:00+04:00",
            venue="Tarnmouth",
            agenda=[{"id": "i-1", "topic": "dam-release", "title": "Release"}],
        )
        plain = run("south-head", "meeting", "show", "basin")
        assert "2031-05-10T10:00:00+04:00 at Lower Tarn" in plain
        assert "at Tarnmouth" in run("north-head", "meeting", "show", "basin")
        assert "at the town at the Tarn mouth" in run("chair", "meeting", "show", "basin")
        ru = run("south-head", "--lang", "ru", "--tz", "Asia/Baku", "meeting", "show", "basin")
        assert "Нижний Тарн" in ru and "10:00:00" in ru and "06:00:00 UTC" in ru
        env = run("south-head", "meeting", "show", "basin", env={"PARLEY_LANG": "ru"})
        assert "Нижний Тарн" in env
        # The record is unchanged: the proposal still says what its author signed.
        assert c["chair"].talks.meeting("basin", "m-1")["proposals"][0]["venue"] == "Tarnmouth"

        # The glossary, a translation and bilingual minutes through the commands.
        term = tmp_path / "weir.json"
        term.write_text(
            '{"id": "weir", "kind": "place", "names": {"en": "the weir"}, '
            '"forms": {"north": {"en": "Old Weir"}, "south": {"en": "Holm Weir"}}}'
        )
        run("chair", "glossary", "propose", "basin", "--file", str(term))
        assert "waiting for the other head" in run(
            "north-head", "glossary", "sign", "basin", "weir"
        )
        assert "in effect" in run("south-head", "glossary", "sign", "basin", "weir")
        shown = run("south-head", "glossary", "show", "basin")
        assert "weir (place, v1)" in shown and "you see “Holm Weir”" in shown
        entry, _ = c["north-head"].send(
            "basin",
            to="south",
            priority="urgent",
            subject="Gate",
            text="Open gate two.",
            language="en",
        )
        out = run(
            "north-head",
            "translation",
            "add",
            "basin",
            str(entry.header.id),
            "--language",
            "ru",
            "--text",
            "Откройте второй затвор.",
        )
        tid = out.split()[1]
        run("south-head", "translation", "verify", "basin", tid, "--note", "checked")
        listed = run("south-head", "translation", "list", "basin")
        assert "Откройте второй затвор." in listed and "human; south" in listed
        c["south-head"].talks.answer("basin", "m-1", True)
        en = tmp_path / "en.json"
        ru = tmp_path / "ru.json"
        en.write_text('[{"item": "i-1", "summary": "Release agreed.", "outcome": "Agreed."}]')
        ru.write_text(
            '[{"item": "i-1", "summary": "Сброс согласован.", "outcome": "Согласовано."}]'
        )
        run(
            "chair",
            "minutes",
            "draft",
            "basin",
            "m-1",
            "--file",
            str(en),
            "--parallel",
            f"ru={ru}",
            "--authentic",
            "en",
        )
        body = c["chair"].talks.minutes("basin", "m-1")["versions"][0]["body"]
        assert body["parallel"]["ru"]["items"][0]["summary"] == "Сброс согласован."
        assert body["authentic"] == ["en"]
        assert "Сброс согласован." in run("south-head", "minutes", "show", "basin", "m-1")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
