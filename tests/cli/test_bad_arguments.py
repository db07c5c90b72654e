"""Every command, given bad arguments, answers with one line naming a stable code and the
exit code the README documents — never a traceback. Walked from the app itself, so a new
command cannot escape it; run in-process, with no server and no key file around."""

from __future__ import annotations

import json
import re
import socket

import pytest
import typer.main

from parley.cli.main import app, main

LINE = re.compile(r"^error: .+ \(([a-z_]+\.[a-z_.]+)\)$")


def _paths(cmd, prefix=()):
    subs = getattr(cmd, "commands", None)
    if subs:
        for name, sub in subs.items():
            yield from _paths(sub, (*prefix, name))
    else:
        yield list(prefix), cmd


PATHS = list(_paths(typer.main.get_command(app)))


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)  # always exits, with the command's code
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out, out.err


def _bad_variants(path: list[str], cmd) -> list[list[str]]:
    """No arguments; an unknown option; nonsense for every positional argument; an option
    of each kind given a value it cannot take."""
    params = [p for p in cmd.params if p.name not in ("help",)]
    positional = [p for p in params if p.param_type_name == "argument"]
    out = [[*path], [*path, "--no-such-option"]]
    out.append([*path, *["Not An Id!" for _ in positional or [None]]])
    for p in params:
        if p.param_type_name == "option" and not getattr(p, "is_flag", False):
            out.append([*path, *["x1" for _ in positional], p.opts[0], "Not:A:Valid::Value!"])
    return out


@pytest.mark.parametrize("path", [p for p, _ in PATHS], ids=lambda p: " ".join(p))
def test_bad_arguments_get_one_line_and_a_documented_exit_code(path, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no parley.key, no parley-data here
    for var in ("PARLEY_KEY", "PARLEY_URL", "PARLEY_DB", "PARLEY_PASSPHRASE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PARLEY_URL", "http://127.0.0.1:9")  # nothing listens there
    cmd = dict((tuple(p), c) for p, c in PATHS)[tuple(path)]
    if path in (["serve"], ["witness-serve"], ["demo"]):
        pytest.skip("starts a server or plays the demo; covered by their own tests")
    for argv in _bad_variants(path, cmd):
        code, out, err = run(argv, capsys)
        assert "Traceback" not in out + err, (argv, err)
        assert code in (0, 1, 2, 3), (argv, code, err)
        if code in (2, 3) and err.strip():
            last = err.strip().splitlines()[-1]
            assert LINE.match(last), (argv, err)
            assert len(err.strip().splitlines()) == 1, (argv, err)


def test_the_known_crashes_are_one_line_errors(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARLEY_PASSPHRASE", "a long enough passphrase")
    (tmp_path / "bad.json").write_text('{"title": ')
    code, _, err = run(["channel", "create", "ch", "--charter", "bad.json"], capsys)
    assert code == 2 and "file.not_json" in err and "line 1" in err
    code, _, err = run(["channel", "create", "ch", "--charter", "none.json"], capsys)
    assert code == 2 and "file.not_found" in err
    code, _, err = run(
        ["meeting", "propose", "ch", "m1", "--start", "2023-03-01T11:00:00+04:00", "--venue", "v",
         "--item", "gas-supply"], capsys)  # fmt: skip
    assert code == 2 and "ID:TOPIC:Title" in err and "cli.usage" in err
    code, _, err = run(["send", "ch", "--to", "x", "--subject", "s", "--text", "t",
                        "--priority", "bogus"], capsys)  # fmt: skip
    assert code == 2 and "cli.usage" in err
    (tmp_path / "charter.json").write_text(json.dumps({"title": "t", "sides": [], "mandate": []}))
    code, _, err = run(["send", "ch", "--to", "x", "--subject", "s", "--text", "t",
                        "--key", "charter.json"], capsys)  # fmt: skip
    assert code == 3 and "keystore.malformed" in err and "charter" in err
    code, _, err = run(["verify"], capsys)
    assert code == 2 and "--data-dir" in err and "--url" in err
    monkeypatch.delenv("PARLEY_PASSPHRASE")
    code, _, err = run(["keygen", "--out", "k.key", "--name", "n"], capsys)
    assert code == 2 and "cli.no_passphrase" in err  # no terminal here, no "Aborted."


def _one_line(code: int, err: str, status: int, stable: str) -> str:
    """The error is one line with the code ``stable``, and the exit code ``status``."""
    lines = err.strip().splitlines()
    assert code == status, err
    assert len(lines) == 1 and LINE.match(lines[0]), err
    assert f"({stable})" in lines[0], err
    return lines[0]


def test_serve_refuses_bad_options_before_it_makes_anything(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARLEY_URL", raising=False)
    (tmp_path / "charter.json").write_text(json.dumps({"title": "t"}))
    for argv, words in [
        (["--port", "0"], "--port"),
        (["--port", "65536"], "--port"),
        (["--timer-interval", "0.5"], "at least 1 second"),
        (["--timer-interval", "0"], "--timer-interval"),
        (["--creator", "boss"], "neither a key id"),
        (["--creator", "k" + "0" * 23], "neither a key id"),
        (["--creator", "charter.json"], "holds no public key"),
        (["--public-url", "127.0.0.1:8000"], "add http://"),
        (["--notify-url", "pager.example/escalations"], "add http://"),
        (["--clock-start", "yesterday"], "ISO time"),
    ]:
        code, _, err = run(["serve", "--data-dir", "d", *argv], capsys)
        assert words in _one_line(code, err, 2, "cli.usage"), (argv, err)
    assert not (tmp_path / "d").exists()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = run(["serve", "--data-dir", "d", "--port", str(port)], capsys)
        assert f"port {port}" in _one_line(code, err, 3, "server.port_in_use")
        code, _, err = run(["witness-serve", "--key", "w.key", "--name", "w", "--log",
                            f"o={'A' * 43}=", "--port", str(port)], capsys)  # fmt: skip
        _one_line(code, err, 3, "server.port_in_use")
    assert not (tmp_path / "d").exists(), "a refused serve left a data directory behind"


def test_a_url_without_its_scheme_is_a_usage_error(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARLEY_URL", "127.0.0.1:8470")
    for argv in (["inbox", "ch"], ["verify", "--key", "k.key"], ["check", "x", "--public"]):
        code, _, err = run(argv, capsys)
        assert "add http:// (http://127.0.0.1:8470)" in _one_line(code, err, 2, "cli.usage")
    code, _, err = run(["log", "ch", "--url", "parley.example"], capsys)
    assert "add http://" in _one_line(code, err, 2, "cli.usage")
    # --data-dir wins over PARLEY_URL, which is then not read at all.
    code, _, err = run(["verify", "--data-dir", "nothing-here"], capsys)
    assert "http://" not in err


def test_member_add_names_the_roles_the_missing_file_and_a_bad_body(capsys, monkeypatch, tmp_path):
    from parley.client import save_key
    from parley.crypto import SigningKey

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARLEY_URL", "http://127.0.0.1:9")  # nothing listens there
    new = SigningKey.generate().public.to_b64()
    code, _, err = run(["member", "add", "ch", "--side", "s", "--new-key", new, "--name", "N",
                        "--role", "boss"], capsys)  # fmt: skip
    line = _one_line(code, err, 2, "cli.usage")
    assert "'boss'" in line and "'member'" in line and "'head'" in line
    code, _, err = run(["member", "add", "ch", "--side", "s", "--new-key", "gone/new.key"], capsys)
    assert "gone/new.key" in _one_line(code, err, 2, "file.not_found")
    code, _, err = run(["member", "rotate", "ch", "k" + "0" * 24, "--side", "s", "--new-key",
                        "k" + "1" * 24], capsys)  # fmt: skip
    assert "is a key id" in _one_line(code, err, 2, "member.bad_key")
    code, _, err = run(["member", "add", "ch", "--side", "s", "--new-key", new], capsys)
    assert "--name" in _one_line(code, err, 2, "member.no_name")  # a bare key has no name
    # What the SDK's model refuses is said in words, as a usage error, before any request.
    save_key(tmp_path / "head.key", SigningKey.generate(), "a long enough passphrase", "Head")
    monkeypatch.setenv("PARLEY_PASSPHRASE", "a long enough passphrase")
    code, _, err = run(["member", "add", "ch", "--side", "Not A Side", "--new-key", new,
                        "--name", "N", "--key", "head.key"], capsys)  # fmt: skip
    assert "side must be 2 to 63 lowercase" in _one_line(code, err, 2, "entry.invalid_body")


def test_channel_init_checks_the_charter_as_the_server_would(capsys, monkeypatch, tmp_path):
    from parley.client import save_key
    from parley.crypto import SigningKey

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARLEY_URL", "http://127.0.0.1:9")  # no server: no server key
    for stem in ("m", "a", "b"):
        save_key(tmp_path / f"{stem}.key", SigningKey.generate(), "a long enough passphrase", stem)
    base = ["channel", "init", "--title", "T", "--mediator", "med:Mission",
            "--party", "pa:Party A", "--party", "pb:Party B", "--topic", "gas:Gas"]  # fmt: skip
    heads = ["--member", "med:head:m.key", "--member", "pa:head:a.key", "--member", "pb:head:b.key"]

    def init(*extra: str) -> tuple[int, str]:
        out = tmp_path / "charter.json"
        out.unlink(missing_ok=True)
        code, _, err = run([*base, "--out", str(out), *extra], capsys)
        return code, err

    code, err = init(*heads, "--party", "pc:Party C")
    assert "exactly two parties" in _one_line(code, err, 2, "charter.bad_option")
    code, err = init("--member", "med:head:m.key", "--member", "pa:head:gone.key")
    assert "gone.key" in _one_line(code, err, 2, "file.not_found")
    code, err = init(*heads, "--contact", "lost.key")
    assert "lost.key" in _one_line(code, err, 2, "file.not_found")
    code, err = init(*heads, "--deadlines", "flash=60,asap=10")
    assert "flash, urgent, routine" in _one_line(code, err, 2, "charter.bad_option")
    # What the server checks at creation, beyond the model, is checked before writing.
    code, err = init("--member", "med:head:m.key", "--member", "pa:head:a.key",
                     "--member", "pb:member:b.key", "--member", "pa:member:m.key",
                     "--topic", "gas:Gas again")  # fmt: skip
    line = _one_line(code, err, 2, "charter.invalid")
    assert "side 'pb' has no head" in line and "appears twice" in line
    assert "mandate topic ids must differ" in line
    assert not (tmp_path / "charter.json").exists()
    code, err = init(*heads, "--deadlines", "flash=60")
    assert code == 0, err
    written = json.loads((tmp_path / "charter.json").read_text())
    assert written["ack_deadlines"] == {"flash": 60, "urgent": 3600, "routine": 172800}
    # The next command, to copy, on one line however narrow the terminal.
    code, out, _ = run([*base, "--out", "c2.json", *heads], capsys)
    assert "Next: parley channel create CHANNEL --charter c2.json --key <mediator key>" in out
    # A key file given as the charter says so.
    code, _, err = run(["channel", "create", "ch", "--charter", "a.key", "--key", "m.key"], capsys)
    assert "a.key is a key, not a charter" in _one_line(code, err, 2, "file.not_charter")


def test_charter_problems_are_the_servers_reasons(charter, people):
    """The CLI's check and the server's refusal come from one function."""
    import copy

    from parley.model.bodies import parse_body
    from parley.model.channel import ChannelCreated, charter_problems

    assert charter_problems(parse_body(ChannelCreated, "channel.created", charter)) == []
    bad = copy.deepcopy(charter)
    bad["sides"][1]["members"] = [m | {"role": "member"} for m in bad["sides"][1]["members"]]
    bad["escalation_contacts"] = [people["artsakh-head"].key_id]
    found = charter_problems(parse_body(ChannelCreated, "channel.created", bad))
    assert found == [
        f"side {bad['sides'][1]['id']!r} has no head",
        f"escalation contact {people['artsakh-head'].key_id} is not a member of the "
        "mediator's side",
    ]


def test_a_malformed_channel_id_is_a_usage_error_before_any_request(capsys, monkeypatch, tmp_path):
    from parley.client import save_key
    from parley.crypto import SigningKey

    monkeypatch.chdir(tmp_path)
    save_key(tmp_path / "me.key", SigningKey.generate(), "a long enough passphrase", "Me")
    monkeypatch.setenv("PARLEY_PASSPHRASE", "a long enough passphrase")
    with socket.socket() as server:  # a server that would see any request
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        monkeypatch.setenv("PARLEY_URL", f"http://127.0.0.1:{server.getsockname()[1]}")
        for argv in (["inbox", "River_Commission"], ["log", "x"],
                     ["meeting", "show", "Ch 1"], ["verify", "--channel", "-ch"]):  # fmt: skip
            code, _, err = run([*argv, "--key", "me.key"], capsys)
            line = _one_line(code, err, 2, "cli.usage")
            assert "lowercase letters, digits or '-'" in line, argv
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody called


def test_verify_through_a_server_needs_a_member_key(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARLEY_KEY", raising=False)
    monkeypatch.setenv("PARLEY_URL", "http://127.0.0.1:9")
    code, _, err = run(["verify"], capsys)
    line = _one_line(code, err, 2, "verify.no_key")
    assert "(PARLEY_URL) needs a member's key: give --key FILE" in line and "--data-dir" in line
    code, _, err = run(["verify", "--url", "http://127.0.0.1:9"], capsys)
    assert "(--url) needs a member's key" in _one_line(code, err, 2, "verify.no_key")


def test_log_type_names_the_entry_types(capsys, monkeypatch, tmp_path):
    from parley.model.registry import TYPES

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARLEY_URL", "http://127.0.0.1:9")
    code, _, err = run(["log", "ch", "--type", "minutes.sign"], capsys)  # not minutes.signed
    line = _one_line(code, err, 2, "cli.usage")
    assert "no entry type 'minutes.sign'" in line and all(t in line for t in TYPES)
    code, _, err = run(["log", "ch", "--type", "nothing."], capsys)
    assert "family: " in _one_line(code, err, 2, "cli.usage")
    # Known types and families pass on to the key file (none here: exit 3, not usage).
    code, _, err = run(["log", "ch", "--type", "minutes.signed", "--type", "meeting."], capsys)
    _one_line(code, err, 3, "keystore.not_found")


def test_keygen_refuses_a_weak_passphrase_an_empty_name_and_a_missing_directory(
    capsys, monkeypatch, tmp_path
):
    from parley.client import save_key
    from parley.crypto import SigningKey

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARLEY_PASSPHRASE", "a long enough passphrase")
    code, _, err = run(["keygen", "--out", "no/such/dir/me.key", "--name", "Me"], capsys)
    assert "no directory no/such/dir" in _one_line(code, err, 2, "file.no_directory")
    code, _, err = run(["keygen", "--out", "me.key", "--name", "  "], capsys)
    _one_line(code, err, 2, "key.no_name")
    for weak in ("pw", "elevenchars", "aaaaaaaaaaaaaaaa", "1234567890123"):
        monkeypatch.setenv("PARLEY_PASSPHRASE", weak)
        code, _, err = run(["keygen", "--out", "me.key", "--name", "Me"], capsys)
        line = _one_line(code, err, 2, "key.weak_passphrase")
        assert "at least 12 characters, not one character repeated, and not only digits" in line
    assert not (tmp_path / "me.key").exists()
    # The browser copy's passphrase follows the same rule; the key file opens as it is.
    save_key(tmp_path / "old.key", SigningKey.generate(), "short", "Old")
    monkeypatch.setenv("PARLEY_PASSPHRASE", "short")
    monkeypatch.setenv("PARLEY_BROWSER_PASSPHRASE", "1234567890123456")
    code, _, err = run(["key", "export-browser", "old.key", "--out", "old.browser.json"], capsys)
    assert "browser copy" in _one_line(code, err, 2, "key.weak_passphrase")
    code, _, err = run(["key", "export-browser", "old.key", "--out", "gone/b.json"], capsys)
    _one_line(code, err, 2, "file.no_directory")
    monkeypatch.setenv("PARLEY_BROWSER_PASSPHRASE", "a long enough passphrase")
    code, out, err = run(["key", "export-browser", "old.key", "--out", "old.browser.json"], capsys)
    assert code == 0 and "wrote old.browser.json" in out, err


def test_options_that_take_lists_say_what_they_take():
    """An option given several times (or an argument taking many) names its form, not
    TEXT."""
    for path, cmd in PATHS:
        for p in cmd.params:
            if getattr(p, "multiple", False) or p.nargs == -1:
                assert p.metavar, (path, p.name)
