"""argparse's own words and `eip serve` in Welsh: the help and the command-line errors of any
command, on the Python that runs the tests; English left exactly as argparse words it."""

from __future__ import annotations

import argparse
import gettext
import re
import socket
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_python
from fresh_python import ENVIRONMENT, run_python

from eip import argparse_words, serve, translation
from eip.cli import main

ROOT = Path(__file__).resolve().parents[3]
ARGPARSE_ENGLISH = ("usage:", "options:", "show this help message", "error:", "required:")


@pytest.fixture(autouse=True)
def english_environment(monkeypatch):
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


def _argparse_messages() -> set:
    """Every message the running Python's argparse words through `_` or `ngettext`."""
    with open(argparse.__file__, "rb") as source:
        found = extract_python(source, DEFAULT_KEYWORDS, [], {})
        return {
            message[:2] if isinstance(message, tuple) else message
            for _, _, message, _ in found
            if message and (message[0] if isinstance(message, tuple) else message)
        }


def _conversions(text: str) -> Counter:
    return Counter(re.findall(r"%(?:\([a-z_]+\))?[sdr]", text))


def test_every_message_argparse_words_on_this_python_is_marked() -> None:
    marked = set(argparse_words.MESSAGES)
    missing = _argparse_messages() - marked
    assert not missing, f"add to eip/argparse_words.py and translate: {sorted(missing, key=str)}"
    assert len(_argparse_messages()) > 30


def test_each_welsh_translation_keeps_argparses_placeholders() -> None:
    welsh = translation.catalogue("cy")
    for message in argparse_words.MESSAGES:
        if isinstance(message, tuple):
            singular, plural = message
            forms = [welsh.ngettext(singular, plural, n) for n in (0, 1, 2, 3, 6, 7)]
            english = plural
        else:
            forms = [welsh.gettext(message)]
            english = message
        for form in forms:
            words = re.sub(r"%(?:\([a-z_]+\))?[sdr]", "", english)
            assert form != english or not re.search("[a-z]{3}", words), english
            assert _conversions(form) == _conversions(english), (english, form)


def test_help_in_welsh(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["report", "--lang", "cy", "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("defnydd: eip report [-h] --events LOG")
    assert "\nopsiynau:\n" in out
    assert "  -h, --help" in out and "dangos y neges gymorth hon a gadael" in out
    assert "CSV y rhestr staff" in out  # the command's own help, as before
    for english in ARGPARSE_ENGLISH:
        assert english not in out


def test_a_missing_argument_in_welsh(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["report", "--lang", "cy"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("defnydd: eip report ")
    assert err.endswith(
        "eip report: gwall: mae angen yr ymresymiadau canlynol: --events, --roster, "
        "--requirements\n"
    )
    with pytest.raises(SystemExit):
        main(["report"])
    err = capsys.readouterr().err
    assert err.startswith("usage: eip report ")
    assert err.endswith(
        "eip report: error: the following arguments are required: --events, --roster, "
        "--requirements\n"
    )


@pytest.mark.parametrize(
    ("argv", "welsh"),
    [
        (["nonsense"], "eip: gwall: ymresymiad COMMAND: dewis annilys: 'nonsense' (dewiswch o"),
        (
            ["competencies", "list", "--framework"],
            "eip competencies list: gwall: ymresymiad --framework: disgwylir un ymresymiad",
        ),
        (["check", "--bogus"], "eip: gwall: ymresymiadau anhysbys: --bogus"),
        (["report", "--events"], "ymresymiad --events: disgwylir o leiaf un ymresymiad"),
    ],
)
def test_command_line_errors_in_welsh_from_the_environment(argv, welsh, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert welsh in err
    assert "usage:" not in err and "error:" not in err


def test_argparse_gets_its_own_words_back(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--lang", "cy", "--help"])
    capsys.readouterr()
    assert argparse._ is gettext.gettext
    assert argparse.ngettext is gettext.ngettext
    with pytest.raises(SystemExit):
        main(["serve", "--port", "many"])
    assert "eip serve: error: argument --port: invalid int value: 'many'" in capsys.readouterr().err


def test_argparse_is_left_alone_in_english():
    """In English nothing of argparse's Welsh is imported or read."""
    code = (
        "import contextlib, io, sys\n"
        "from eip.cli import main\n"
        "from eip import translation\n"
        "with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['report'])\n"
        "print('eip.argparse_words' in sys.modules, 'cy' in translation._catalogues)\n"
    )
    assert run_python(code, LANG="C.UTF-8").split() == ["False", "False"]
    assert run_python(code, LANG="cy_GB.UTF-8").split() == ["True", "True"]


# --- eip serve -------------------------------------------------------------------------------


def test_serve_help_in_welsh(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--lang", "cy", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("defnydd: eip serve ")
    for welsh in (
        "y cyfeiriad i wrando arno (diofyn 127.0.0.1)",
        "y porth i wrando arno (diofyn 8000)",
        "ffolder y gronfa ddata, y logiau a tracking.log (diofyn var)",
        "iaith y negeseuon hyn",
    ):
        assert welsh in " ".join(out.split())
    for english in ("address to listen on", "port to listen on", "folder for the database"):
        assert english not in out


def test_serve_refuses_a_busy_port_in_welsh(tmp_path: Path, capsys) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        argv = ["serve", "--port", str(port), "--data-dir", str(tmp_path / "var")]
        assert main([*argv, "--lang", "cy"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"eip serve: nid oedd modd gwrando ar 127.0.0.1:{port} (")
        assert "dewiswch borth arall gyda --port." in err
        assert main(argv) == 2
        assert f"eip serve: cannot listen on 127.0.0.1:{port} (" in capsys.readouterr().err


def test_serve_refuses_a_data_folder_it_cannot_make_in_welsh(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    with translation.speaking("cy"), pytest.raises(serve.ServeError) as refused:
        serve.prepare_data_dir(blocked / "var")
    assert str(refused.value).startswith(f"nid oedd modd creu'r ffolder data {blocked / 'var'}: ")
    assert str(refused.value).endswith("Dewiswch un arall gyda --data-dir.")


def test_serve_says_how_to_use_it_in_welsh_and_in_english(tmp_path: Path, capsys) -> None:
    with translation.speaking("cy"):
        serve.print_welcome("0.0.0.0", 8123, tmp_path)
    welsh = capsys.readouterr().out
    assert welsh == (
        "Mainc waith Evidence in Practice: http://127.0.0.1:8123/\n"
        "  I newid dysgwr, ychwanegwch ?student=ENW at gyfeiriad tudalen "
        "(e.e. http://127.0.0.1:8123/?student=alys); mae ENW staff neu staff_* yn cael golwg "
        "staff.\n"
        f"  Cedwir cyflwr y dysgwyr, y logiau a tracking.log yn {tmp_path}\n"
        "  Stopiwch gyda Ctrl+C.\n"
    )
    serve.print_welcome("localhost", 8000, tmp_path)
    assert capsys.readouterr().out == (
        "Evidence in Practice workbench: http://localhost:8000/\n"
        "  Switch learner by adding ?student=NAME to a page address "
        "(e.g. http://localhost:8000/?student=alys); NAME staff or staff_* sees staff views.\n"
        f"  Learners' state, logs and tracking.log are kept in {tmp_path}\n"
        "  Stop with Ctrl+C.\n"
    )
