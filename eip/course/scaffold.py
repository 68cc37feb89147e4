"""`eip new`: starting files that parse and check, with TODO where a person must write.

`eip check` reports every TODO left, so nothing scaffolded is released by accident.
"""

from __future__ import annotations

import datetime
import shutil
from html import escape
from pathlib import Path

from eip.translation import _

from .image import placeholder_png
from .placeholders import MARKER
from .repo import APPRAISALS, ASSESSMENTS, CASE_STUDIES, COMPETENCIES, COURSES
from .version_file import is_hidden, version_folders, version_key

FIRST_VERSION = "1.0"


class ScaffoldError(Exception):
    """The files cannot be made (they exist already, or a name is not valid)."""


def _write(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(
            _("{path} exists already; choose another name or remove it.").format(path=path)
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def course_toml(slug: str, title: str, org: str, code: str, framework: str) -> str:
    return f"""slug = "{slug}"
org = "{org}"
code = "{code}"
licence = "CC BY-SA 4.0"
languages = ["en", "cy"]
framework = "{framework}"

[title]
en = {_quoted(title)}
cy = "{MARKER}: teitl y cwrs yn Gymraeg"

[[partners]]
name = "{MARKER}: the commissioning service"
role = "commissioning service"

[[authors]]
name = "{MARKER}: the authors' team"
affiliation = "{MARKER}: their organisation"

# Released versions are recorded below by `eip release`; never edit them by hand.
"""


def version_toml(start: datetime.date) -> str:
    end = start + datetime.timedelta(days=364)
    return f"""start = {start.isoformat()}
end = {end.isoformat()}
course_image = "static/course-image.png"

[overview]
en = "{MARKER}: one or two sentences that tell a practitioner what the course offers."
cy = "{MARKER}: yr un peth yn Gymraeg."
"""


def section_md() -> str:
    return f"""+++
title = "{MARKER}: section title"
title_cy = "{MARKER}: teitl yr adran"
minutes = 30
outcomes = ["{MARKER}: what a learner will be able to do by the end of this section"]
+++

{MARKER}: introduce the section: why it matters in practice and what comes in it.
"""


def unit_md(exercise: str | None) -> str:
    placed = (
        f"\nThe exercise below is a starting point: place the ones this unit needs.\n\n"
        f"::: appraisal {exercise}\n"
        if exercise
        else f"\n{MARKER}: place an exercise with a line such as ::: appraisal <slug>\n"
    )
    return f"""+++
title = "{MARKER}: unit title"
title_cy = "{MARKER}: teitl yr uned"
minutes = 15
+++

{MARKER}: write the unit in Markdown: headings, lists, tables, images from static/ as
![what the image shows](static/course-image.png), and links to further reading.
{placed}"""


def _first(folder: Path) -> str | None:
    names = sorted(path.stem for path in folder.glob("*.xml")) if folder.is_dir() else []
    return names[0] if names else None


def new_course(root: Path, slug: str, *, title: str, org: str, code: str) -> list[Path]:
    """A course folder with version 1.0: one section with one unit."""
    folder = root / COURSES / slug
    if folder.exists():
        raise ScaffoldError(_("{path} exists already.").format(path=folder))
    framework = _first(root / ASSESSMENTS / COMPETENCIES) or "research-literacy"
    start = datetime.date.today() + datetime.timedelta(days=28)
    version = folder / FIRST_VERSION
    section = version / "01-introduction"
    written = [
        _write(folder / "course.toml", course_toml(slug, title, org, code, framework)),
        _write(version / "version.toml", version_toml(start)),
        _write(section / "section.md", section_md()),
        _write(section / "01-welcome.md", unit_md(_first(root / ASSESSMENTS / APPRAISALS))),
    ]
    image = version / "static" / "course-image.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(placeholder_png())
    return [*written, image]


def next_version(version: str) -> str:
    parts = [str(part) for part in version_key(version)]
    parts[-1] = str(int(parts[-1]) + 1)
    return ".".join(parts)


def new_version(course_folder: Path, version: str | None = None) -> tuple[Path, Path]:
    """A copy of the latest version as the next one; returns (copied from, new folder)."""
    if not (course_folder / "course.toml").is_file():
        raise ScaffoldError(
            _("{path} is not a course folder (it has no course.toml).").format(path=course_folder)
        )
    versions = version_folders(course_folder)
    if not versions:
        raise ScaffoldError(_("{path} has no version to copy.").format(path=course_folder))
    latest = versions[-1]
    target = course_folder / (version or next_version(latest.name))
    if target.exists():
        raise ScaffoldError(_("{path} exists already.").format(path=target))
    shutil.copytree(
        latest, target, ignore=lambda _, names: [n for n in names if is_hidden(Path(n))]
    )
    return latest, target


def appraisal_xml(instrument) -> str:
    """An exercise for `instrument` with an expert answer for every item."""
    answers = []
    for item in instrument.items:
        if item.text_only:
            answers.append(
                f'    <answer item="{item.id}"><![CDATA[{MARKER}: the model answer.]]></answer>'
            )
        else:
            value = instrument.scale(item.scale_id).options[0].value
            answers.append(
                f'    <answer item="{item.id}" value="{value}"><![CDATA[{MARKER}: why, as a '
                "methods tutor would explain it.]]></answer>"
            )
    overall = instrument.scale(instrument.overall_scale_id).options[0].value
    identity = (
        f'instrument="{escape(instrument.id)}" instrument_version="{escape(instrument.version)}"'
    )
    return f"""<eip_appraisal display_name="{MARKER}: Appraise a study" {identity}
    competencies="appraise.validity:2"
    weight="1" max_attempts="2" require_reasons="all">
  <study fictional="true">
    <title>{MARKER}: the study's title</title>
    <label>Fictional teaching study</label>
    <citation>{MARKER}: authors (year). Title. Fictional; written for this course.</citation>
    <summary><![CDATA[
{MARKER}: background, design, participants, intervention, outcomes and results, in Markdown.
]]></summary>
  </study>
  <expert>
{chr(10).join(answers)}
    <overall value="{overall}"><![CDATA[{MARKER}: the overall judgement and why.]]></overall>
  </expert>
</eip_appraisal>
"""


def case_study_xml() -> str:
    ending = """  <ending id="{id}" title="{marker}: {title}">
    <outcome><![CDATA[{marker}: what happened.]]></outcome>
    <debrief><![CDATA[{marker}: what to learn, and the evidence that mattered.]]></debrief>
    <band min="0"><![CDATA[{marker}: what to say to every learner who ends here.]]></band>
  </ending>"""
    return f"""<eip_case_study display_name="{MARKER}: case study title" start="start"
    allow_back="true" max_attempts="0" grading="best" competencies="apply.decisions:2"
    weight="1">
  <narrative id="start" next="decide" title="{MARKER}: the situation">
    <body><![CDATA[{MARKER}: the referral, in Markdown.]]></body>
  </narrative>
  <decision id="decide" title="{MARKER}: the first decision">
    <prompt><![CDATA[{MARKER}: what would you do?]]></prompt>
    <choice id="choice-a" target="end-a" points="2">
      <label>{MARKER}: the better option</label>
      <feedback><![CDATA[{MARKER}: why it helps.]]></feedback>
    </choice>
    <choice id="choice-b" target="end-b" points="0">
      <label>{MARKER}: a weaker option</label>
      <feedback><![CDATA[{MARKER}: what it misses.]]></feedback>
    </choice>
  </decision>
{ending.format(id="end-a", title="a good ending", marker=MARKER)}
{ending.format(id="end-b", title="a weaker ending", marker=MARKER)}
</eip_case_study>
"""


def assessment_path(root: Path, kind_folder: str, slug: str) -> Path:
    return root / ASSESSMENTS / kind_folder / f"{slug}.xml"


def new_appraisal(root: Path, slug: str, instrument) -> Path:
    return _write(assessment_path(root, APPRAISALS, slug), appraisal_xml(instrument))


def new_case_study(root: Path, slug: str) -> Path:
    return _write(assessment_path(root, CASE_STUDIES, slug), case_study_xml())
