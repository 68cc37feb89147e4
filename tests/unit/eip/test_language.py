"""The `eip` command in Welsh: the language from `--lang` or the environment (as gettext
reads it), English per string where a translation is missing, and what trainers read from
check, build, diff and release worded in Welsh, with file:line kept."""

from __future__ import annotations

import ast
import glob
import re
from pathlib import Path

import pytest
from fresh_python import ENVIRONMENT, run_python

from eip import translation
from eip.cli import main
from eip.course.problems import problem_text
from eip.i18n.catalogues import CATALOGUES
from xblocks.core.xml import OLXError

ROOT = Path(__file__).resolve().parents[3]
COURSES = ROOT / "tests" / "fixtures" / "courses"
DEMO = COURSES / "valid" / "courses" / "demo"
UNKNOWN = COURSES / "unknown-reference" / "courses" / "demo"


@pytest.fixture
def environment(monkeypatch):
    """`environment(**variables)`: only these locale variables set."""

    def set_only(**variables: str) -> None:
        for name in ENVIRONMENT:
            monkeypatch.delenv(name, raising=False)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)

    set_only()
    return set_only


# --- choosing the language ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variables", "language"),
    [
        ({}, "en"),
        ({"LANG": "cy_GB.UTF-8"}, "cy"),
        ({"LANG": "cy"}, "cy"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "cy_GB@euro", "LANG": "en_GB.UTF-8"}, "cy"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "cy_GB.UTF-8"}, "en"),  # the first one set counts
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "cy_GB.UTF-8"}, "en"),  # ... even one eip lacks
        ({"LANGUAGE": "fr:cy:en", "LANG": "en_GB.UTF-8"}, "cy"),  # the first of a list it has
        ({"LANGUAGE": "", "LANG": "cy_GB.UTF-8"}, "cy"),  # empty is not set
    ],
)
def test_the_language_comes_from_the_environment_as_gettext_reads_it(variables, language):
    assert translation.from_environment(variables) == language


def test_the_option_is_read_before_the_command_line_is_parsed():
    assert translation.requested(["check", "--lang", "cy", "x"]) == "cy"
    assert translation.requested(["report", "--lang=cy"]) == "cy"
    assert translation.requested(["check", "--lang", "fr"]) is None
    assert translation.requested(["check", "--", "--lang", "cy"]) is None
    assert translation.choose(None, {"LANG": "cy_GB.UTF-8"}) == "cy"
    assert translation.choose("en", {"LANG": "cy_GB.UTF-8"}) == "en"


def test_a_missing_translation_falls_back_to_english_string_by_string():
    with translation.speaking("cy"):
        assert translation._("Sections: no change") == "Adrannau: dim newid"
        assert translation._("A sentence no catalogue has") == "A sentence no catalogue has"
        assert translation.ngettext("{count} problem", "{count} problems", 2) == "{count} broblem"
        assert translation.ngettext("{count} problem", "{count} problems", 6) == "{count} phroblem"
    assert translation.active() == "en"
    assert translation._("Sections: no change") == "Sections: no change"
    with pytest.raises(ValueError, match="eip does not speak 'fr'"):
        translation.speaking("fr").__enter__()


def test_the_catalogue_is_shipped_where_eip_reads_it():
    """`eip/translations/<lang>/LC_MESSAGES/eip.mo`, matched by setup.py's package data (so
    the wheel carries it) and read by gettext itself."""
    spec = next(spec for spec in CATALOGUES if spec.name == "eip")
    # the folder beside eip/translation.py, wherever the package is installed
    assert Path(translation.FOLDER).parts[-2:] == Path(spec.folder).parts
    assert spec.domain == translation.DOMAIN
    assert set(spec.languages) < set(translation.LANGUAGES)
    setup = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    patterns = next(
        ast.literal_eval(node.value)
        for node in setup.body
        if isinstance(node, ast.Assign) and node.targets[0].id == "PACKAGE_DATA_PATTERNS"
    )
    package = ROOT / "eip"  # the package that holds the catalogue folder
    shipped = {Path(path) for pattern in patterns for path in glob.glob(str(package / pattern))}
    for language in spec.languages:
        assert spec.po_path(ROOT, language) in shipped
        assert spec.mo_path(ROOT, language) in shipped
    assert spec.po_path(ROOT, "en") in shipped


def test_the_catalogue_is_read_only_when_eip_speaks_welsh():
    """Choosing the language costs nothing: the Welsh catalogue is read on the first Welsh
    string, never for English, and the extraction tools (Babel) are never imported."""
    code = (
        "import contextlib, io, sys\n"
        "from eip.cli import main\n"
        "from eip import translation\n"
        "with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main(['check', '--no-olx', {str(UNKNOWN)!r}])\n"
        "print('cy' in translation._catalogues, 'babel' in sys.modules)\n"
    )
    assert run_python(code, LANG="C.UTF-8").split() == ["False", "False"]
    assert run_python(code, LANG="cy_GB.UTF-8").split() == ["True", "False"]


def test_eip_imports_only_the_command_it_runs():
    code = (
        "import sys\nimport eip.cli\nprint(sorted(m for m in sys.modules if m.startswith('eip')))"
    )
    assert run_python(code).strip() == "['eip', 'eip.cli', 'eip.errors', 'eip.translation']"


# --- problems keep their shape --------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        OLXError("it is wrong", source="a/b.md", line=3, fix="Do this."),
        OLXError("it is wrong", source="a/b.md"),
        OLXError("it is wrong", line=7, fix="Do that."),
        OLXError("it is wrong"),
    ],
)
def test_a_problem_in_english_reads_as_the_error_itself(error):
    assert problem_text(error) == str(error)


# --- the commands in Welsh --------------------------------------------------------------------


def test_check_in_welsh_with_the_option(capsys, environment):
    assert main(["check", "--lang", "cy", str(UNKNOWN)]) == 1
    out, err = capsys.readouterr()
    [line] = out.splitlines()
    # file:line first, as in English; the message and the fix in Welsh; names as typed.
    assert re.match(
        r'.+/01-appraising-a-trial\.md:10: appraisal anhysbys "fgc-trail": nid oes '
        r"assessments/appraisals/fgc-trail\.xml I'w gywiro: Ai fgc-trial oedd gennych chi\? ",
        line,
    )
    assert "eip check: 1 broblem mewn 1 ffeil (gwiriwyd 1 fersiwn cwrs a 0 ffeil asesu)" in err
    assert translation.active() == "en"  # the command's language does not outlive it


def test_check_in_welsh_from_the_environment_and_english_again_without_it(capsys, environment):
    environment(LANG="cy_GB.UTF-8")
    assert main(["check", "--no-olx", str(COURSES / "missing-welsh-title" / "courses")]) == 1
    out, _ = capsys.readouterr()
    assert ":2: mae title_cy ar goll: y teitl Cymraeg" in out
    assert "I'w gywiro: Ychwanegwch linell ar ôl y teitl: title_cy = " in out
    assert main(["check", "--lang", "en", "--no-olx", str(UNKNOWN)]) == 1
    assert 'unknown appraisal "fgc-trail"' in capsys.readouterr().out
    environment()
    assert main(["check", "--no-olx", str(DEMO)]) == 0
    assert "no problems in 2 course versions" in capsys.readouterr().err


def test_diff_in_welsh(capsys, environment):
    assert main(["diff", "--lang", "cy", str(DEMO / "1.0"), str(DEMO / "1.1")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("demo 1.0 -> 1.1\n\nAdrannau: dim newid\nUnedau:\n")
    # A Welsh label wider than the English column still lines up.
    assert "  newidiwyd        01-why-evidence/02-appraising-a-trial\n" in out
    assert (
        "  ychwanegwyd      ymarfer arfarnu signs-of-safety-evaluation yn "
        "02-in-practice/02-weighing-an-evaluation\n" in out
    )
    assert "Graddio: WEDI'I EFFEITHIO\n  - ychwanegwyd ymarfer arfarnu" in out
    assert "tystiolaeth o 1 -> 2 weithgaredd asesu" in out  # the plural form for two
    assert "Testun a newidiwyd:\n--- 1.0/01-why-evidence/02-appraising-a-trial.md" in out
    for english in ("Sections", "Units:", "AFFECTED", "added", "Changed text"):
        assert english not in out


def test_build_in_welsh_refuses_and_summarises(capsys, environment, tmp_path):
    version = COURSES / "missing-welsh-title" / "courses" / "demo" / "1.0"
    assert main(["build", "--lang", "cy", str(version), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "eip build: 1 broblem; ni adeiladwyd dim. Cywirwch hi" in err
    assert main(["build", "--lang", "cy", str(DEMO / "1.0"), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^Adeiladwyd .*demo-1\.0\.tar\.gz \(\d+ ffeil, \d+ kB\)$", out, re.M)
    assert "  rhediad y cwrs course-v1:EIPTEST+DEMO1+1.0, cynnwys sha256:" in out
    assert main(["build", "--lang", "cy", str(DEMO)]) == 2
    assert "Cwrs yw " in capsys.readouterr().err


def test_release_in_welsh(copy_fixture, capsys, environment):
    version = copy_fixture("valid") / "courses" / "demo" / "1.0"
    assert main(["release", "--lang", "cy", str(version), "--date", "2026-11-27"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rhyddhawyd 1.0 ar 2026-11-27: sha256:")
    assert "mae'r fersiwn bellach wedi'i rhewi." in out
    changed = COURSES / "changed-release" / "courses" / "demo" / "1.0"
    assert main(["release", "--lang", "cy", str(changed)]) == 1
    err = capsys.readouterr().err
    assert "01-appraising-a-trial.md: newidiodd y ffeil hon ar ôl i fersiwn 1.0 gael ei" in err
    assert "eip release: nid oes modd rhyddhau 1.0: cafodd ei rhyddhau o'r blaen" in err


def test_the_help_is_in_the_language_asked_for(capsys, environment):
    with pytest.raises(SystemExit):
        main(["check", "--help", "--lang", "cy"])
    out = capsys.readouterr().out
    assert "peidio ag adeiladu a gwirio'r OLX (yn gynt)" in out
    assert "Gwirio fersiynau cyrsiau" in out
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "skip building and checking the OLX (faster)" in capsys.readouterr().out
