"""The messages the block models word for authors, in Welsh through the blocks' real catalogue
and in English exactly as before: one problem of each model (instrument, exercise, case study
and its authoring warnings, competency framework, the shared XML parsing), `eip check` and
`eip competencies` in Welsh, and Studio's editor answering in the author's language."""

from __future__ import annotations

import gettext
import importlib.resources
import pickle
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from django.utils import translation

from eip import translation as eip_translation
from eip.cli import main
from eip.workbench.i18n import BlockI18nService
from xblocks.appraisal.block import AppraisalBlock
from xblocks.appraisal.model.exercise import parse_exercise
from xblocks.appraisal.model.instrument import parse_instrument
from xblocks.case_study.block import CaseStudyBlock
from xblocks.case_study.model import case_study_warnings, parse_case_study
from xblocks.competency.model.framework import parse_framework
from xblocks.core.language import BlockLanguage
from xblocks.core.messages import Message, full_stop, one_of, sentence, shown
from xblocks.core.problems import Problems
from xblocks.core.xml import OLXError, OLXErrors, load_relaxng, parse_xml, validate_schema

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "tests" / "unit"
COURSES = ROOT / "tests" / "fixtures" / "courses"
BROKEN = COURSES / "invalid-exercise"
WELSH = gettext.translation(
    "text", str(importlib.resources.files("xblocks") / "translations"), ["cy"]
).gettext


def only(errors: OLXErrors) -> OLXError:
    [error] = errors.errors
    return error


def refused(parse, data, source: str) -> OLXError:
    with pytest.raises(OLXErrors) as caught:
        parse(data, source=source)
    return only(caught.value)


# --- the message itself ---------------------------------------------------------------------


def test_a_message_is_its_english_text_and_renders_in_welsh() -> None:
    message = Message("<{name}> is empty", name="title")
    assert message == "<title> is empty" and isinstance(message, str)
    assert message.render(WELSH) == "mae <title> yn wag"
    assert message.render() == "<title> is empty"
    # A template the catalogue does not have stays English; so does text that is not ours.
    assert Message("no catalogue has {this}", this="x").render(WELSH) == "no catalogue has x"
    assert Message.verbatim("Opening {tag} mismatch").render(WELSH) == "Opening {tag} mismatch"
    again = pickle.loads(pickle.dumps(message))
    assert again == message and again.render(WELSH) == "mae <title> yn wag"


def test_lists_full_stops_and_capitals_work_in_both_languages() -> None:
    problems = Problems("f.xml")
    problems.add_at(3, "<{name}> is empty", "write the {name}.", name="title")
    problems.add_at(4, "use one of {values}.", "use one of {values}.", values=one_of([]))
    empty, listing = problems.errors
    assert str(empty) == "f.xml:3: <title> is empty. Fix: Write the title."
    assert empty.translated(WELSH) == (
        "f.xml:3: mae <title> yn wag. I'w gywiro: Ysgrifennwch gynnwys <title>."
    )
    assert str(listing) == "f.xml:4: use one of (none). Fix: Use one of (none)."
    assert listing.translated(WELSH) == (
        "f.xml:4: defnyddiwch un o'r rhain: (dim). I'w gywiro: Defnyddiwch un o'r rhain: (dim)."
    )
    assert str(one_of(["a", "b"])) == "a, b" == one_of(["a", "b"]).render(WELSH)
    assert full_stop("Ydy?") == "Ydy?" and sentence("ysgrifennwch") == "Ysgrifennwch."
    # A problem without a file: its line is worded in the language too.
    assert OLXError(Message("does not match the schema"), line=7).translated(WELSH) == (
        "llinell 7: nid yw'n cyfateb i'r sgema"
    )


def test_staff_see_a_problem_in_their_language_marked_english_only_when_left_english() -> None:
    welsh_page = BlockLanguage("cy")
    worded = shown(Message("<{name}> is empty", name="title"), welsh_page, WELSH)
    assert (worded, worded.foreign) == ("mae <title> yn wag", False)
    other = shown(ValueError("a tool's own words"), welsh_page, WELSH)
    assert (other, other.lang, other.foreign) == ("a tool's own words", "en", True)
    assert not shown(Message("<{name}> is empty", name="t"), BlockLanguage("en"), WELSH).foreign


# --- one problem of each model --------------------------------------------------------------


def test_core_xml_parsing_in_welsh() -> None:
    with pytest.raises(OLXError) as caught:
        parse_xml("<a>\n<b></a>", source="x.xml")
    error = caught.value
    # libxml2's own message is quoted as it is; the fix is ours.
    assert str(error).startswith("x.xml:2: Opening and ending tag mismatch")
    assert str(error).endswith("Fix: Close elements in the reverse order they were opened.")
    assert error.translated(WELSH).endswith(
        "I'w gywiro: Caewch elfennau yn y drefn groes i'r drefn y cawsant eu hagor."
    )
    schema = load_relaxng("xblocks.appraisal", "schema.rng")
    with pytest.raises(OLXErrors) as errors:
        validate_schema(parse_xml("<eip_appraisal/>"), schema, source="y.xml")
    assert str(errors.value) == (
        "y.xml:1: <eip_appraisal> is missing a required child element Fix: Add the missing "
        "element to <eip_appraisal> (see the documented format)."
    )
    assert errors.value.translated(WELSH) == (
        "y.xml:1: mae elfen plentyn ofynnol ar goll o <eip_appraisal> I'w gywiro: Ychwanegwch "
        "yr elfen sydd ar goll at <eip_appraisal> (gweler y fformat a ddogfennwyd)."
    )


def test_an_instrument_problem_in_welsh() -> None:
    text = (UNIT / "appraisal" / "fixtures" / "instruments" / "checklist.xml").read_text("utf-8")
    error = refused(parse_instrument, text.replace('family="checklist"', 'family="list"'), "i.xml")
    assert str(error) == (
        'i.xml:3: family "list" is not known. '
        "Fix: Use one of checklist, risk-of-bias, weight-of-evidence, tapupas."
    )
    assert error.translated(WELSH) == (
        'i.xml:3: nid yw\'r teulu o offerynnau "list" yn hysbys. '
        "I'w gywiro: Defnyddiwch un o'r rhain: checklist, risk-of-bias, weight-of-evidence, "
        "tapupas."
    )


def test_an_exercise_problem_in_welsh() -> None:
    source = "assessments/appraisals/broken-trial.xml"
    data = (BROKEN / source).read_bytes()
    error = refused(parse_exercise, data, source)
    assert str(error) == (
        f'{source}:92: value="maybe" is not an option of item 2. Fix: Use one of yes, '
        "cant_tell, no."
    )
    assert error.translated(WELSH) == (
        f'{source}:92: nid yw value="maybe" yn un o opsiynau eitem 2. '
        "I'w gywiro: Defnyddiwch un o'r rhain: yes, cant_tell, no."
    )


@pytest.mark.parametrize(
    ("removed", "english", "welsh"),
    [
        (["4b"], "has no answer for item 4b of the instrument", "ateb i eitem 4b yr offeryn"),
        (["4a", "4b"], "answer for items 4a, 4b of the instrument", "ateb i eitemau 4a, 4b"),
    ],
)
def test_a_message_chosen_by_number_in_welsh(removed, english, welsh) -> None:
    text = (ROOT / "assessments" / "appraisals" / "fgc-trial.xml").read_text("utf-8")
    for item in removed:
        text = re.sub(rf'<answer item="{item}".*?</answer>', "", text, flags=re.DOTALL)
    error = refused(parse_exercise, text, "fgc-trial.xml")
    assert english in str(error)
    assert f"nid oes gan <expert> {welsh}" in error.translated(WELSH)


def test_a_case_study_problem_and_warning_in_welsh() -> None:
    fixtures = UNIT / "case_study" / "fixtures"
    data = (fixtures / "invalid" / "unknown-start.xml").read_bytes()
    error = refused(parse_case_study, data, "c.xml")
    assert str(error) == (
        'c.xml:1: start="beginning" names no node. '
        "Fix: Set start to the id of the first node, one of intro, end."
    )
    assert error.translated(WELSH) == (
        'c.xml:1: nid yw start="beginning" yn enwi unrhyw nod. '
        "I'w gywiro: Gosodwch start yn id y nod cyntaf, un o'r rhain: intro, end."
    )
    case = parse_case_study((fixtures / "full.xml").read_bytes(), source="full.xml")
    first = case_study_warnings(case)[0]
    assert first == 'evidence "ev-idva": the summary has 6 words; aim for 80 to 200'
    assert first.render(WELSH) == (
        'tystiolaeth "ev-idva": mae gan y crynodeb 6 o eiriau; anelwch at 80 i 200'
    )


def test_a_framework_problem_and_a_tag_problem_in_welsh() -> None:
    text = (UNIT / "competency" / "fixtures" / "small.xml").read_text("utf-8")
    line = text[: text.index('<domain id="integrate">')].count("\n") + 1
    broken = text.replace('<domain id="integrate">', '<domain id="Integrate">')
    with pytest.raises(OLXErrors) as caught:
        parse_framework(broken, source="f.xml")
    error = caught.value.errors[0]
    assert str(error) == (
        f'f.xml:{line}: domain id "Integrate" is not a valid id. Fix: Use lower-case letters, '
        "digits and _, starting with a letter, e.g. appraise."
    )
    assert error.translated(WELSH) == (
        f'f.xml:{line}: nid yw id maes "Integrate" yn id dilys. I\'w gywiro: Defnyddiwch '
        "lythrennau bach, digidau a _, gan ddechrau â llythyren, e.e. appraise."
    )
    framework = parse_framework(text, source="f.xml")
    [unknown] = framework.check_tags("appraise.validness", source="x.xml", line=3)
    assert unknown.translated(WELSH) == (
        'x.xml:3: nid yw cymhwysedd "appraise.validness" wedi\'i ddiffinio gan fframwaith '
        '"small" (fersiwn 1). I\'w gywiro: Ai appraise.validity oedd gennych chi? Defnyddiwch '
        "id cymhwysedd y mae'r fframwaith yn ei ddiffinio; mae `eip competencies list` yn eu "
        "dangos i gyd."
    )


# --- the eip command in Welsh ---------------------------------------------------------------

BROKEN_LINE = re.compile(r"^.*/assessments/appraisals/broken-trial\.xml:92: (.*)$", re.MULTILINE)


def test_eip_check_prints_the_models_message_in_welsh_with_file_and_line(capsys) -> None:
    assert main(["check", "--lang", "cy", str(BROKEN / "courses")]) == 1
    out = capsys.readouterr().out
    [problem] = BROKEN_LINE.findall(out)
    assert problem == (
        'nid yw value="maybe" yn un o opsiynau eitem 2. '
        "I'w gywiro: Defnyddiwch un o'r rhain: yes, cant_tell, no."
    )
    assert main(["check", "--lang", "en", str(BROKEN / "courses")]) == 1
    [problem] = BROKEN_LINE.findall(capsys.readouterr().out)
    assert problem == (
        'value="maybe" is not an option of item 2. Fix: Use one of yes, cant_tell, no.'
    )


def test_eip_competencies_words_the_models_refusal_in_welsh(capsys) -> None:
    assert main(["competencies", "list", "--lang", "cy", "--framework", "nope"]) == 2
    err = capsys.readouterr().err
    assert 'nid oes fframwaith cymwyseddau "nope"; y rhai a gyflenwir: research-literacy.' in err
    assert "I'w gywiro: Defnyddiwch id fframwaith o'r rhestr honno." in err
    assert eip_translation.model_text("plain text") == "plain text"


def test_the_blocks_catalogue_is_read_only_for_a_welsh_model_message() -> None:
    code = (
        "import contextlib, io\n"
        "from eip.cli import main\n"
        "from eip import translation\n"
        "with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main(['check', '--no-olx', {str(BROKEN / 'courses')!r}])\n"
        "print(sorted(translation._blocks_catalogues))\n"
    )
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**environment, "LANG": lang},
            cwd=ROOT,
            check=True,
        ).stdout.strip()
        for lang in ("C.UTF-8", "cy_GB.UTF-8")
    ]
    assert runs == ["[]", "['cy']"]


# --- Studio in Welsh ------------------------------------------------------------------------


@pytest.fixture
def i18n_runtime(block_runtime):
    """`i18n_runtime(block_type, block_class)`: a runtime whose i18n service reads the blocks'
    catalogues as the LMS does."""
    return lambda block_type, block_class: block_runtime(
        block_type, block_class, services={"i18n": BlockI18nService(packages=("xblocks",))}
    )


def test_studio_editor_refuses_in_the_authors_language(i18n_runtime, make_learners) -> None:
    runtime = i18n_runtime("eip_appraisal", AppraisalBlock)
    exercise = (ROOT / "assessments" / "appraisals" / "fgc-trial.xml").read_text("utf-8")
    me = make_learners(runtime, runtime.parse_xml_string, exercise)()
    block = me.block
    values = {
        "display_name": block.display_name,
        "instrument": block.instrument,
        "instrument_version": block.instrument_version,
        "competencies": block.competencies,
        "weight": "heavy",
        "max_attempts": str(block.max_attempts),
        "require_reasons": block.require_reasons,
        "content_xml": block.content_xml.replace('<answer item="4b"', '<answer item="99"', 1),
    }
    with translation.override("cy"):
        status, body = me.call("studio_submit", values)
    assert status == 400
    problems = body["error"].split("\n")
    assert (
        'Golygydd Studio:1: nid yw\'r pwysoliad weight="heavy" yn rhif 0 neu fwy.' in (problems[0])
    )
    assert any(
        problem.startswith("Golygydd Studio:")
        and 'mae <answer item="99"> yn enwi eitem nad yw\'r offeryn rct v1 yn ei chynnwys.'
        in problem
        and "I'w gywiro: Defnyddiwch un o'r rhain: 1, 2, 3" in problem
        for problem in problems
    )
    with translation.override("en"):
        status, body = me.call("studio_submit", values)
    assert status == 400
    assert body["error"].startswith('Studio editor:1: weight="heavy" is not a number of 0')
    assert me.block.weight == 1.0  # nothing was saved


def test_studio_preview_shows_authoring_warnings_in_welsh(i18n_runtime, make_learners) -> None:
    runtime = i18n_runtime("eip_case_study", CaseStudyBlock)
    case = (UNIT / "case_study" / "fixtures" / "minimal.xml").read_text("utf-8")
    me = make_learners(runtime, runtime.parse_xml_string, case)()
    with translation.override("cy"):
        page = lxml.html.fromstring(me.html("author_view"))
    [warning] = page.xpath("//div[contains(@class, 'warnings')]//li")
    assert warning.text_content() == (
        "mae gan yr astudiaeth achos lai na dau ddiweddglo: mae'r dewisiadau'n arwain at un "
        "deilliant"
    )
    assert warning.get("lang") is None  # Welsh, in a Welsh page: nothing to mark
