"""One course version read, its assessments resolved and every problem collected."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eip.translation import gettext

from .assessments import Assessment, AssessmentLibrary
from .course_file import read_course
from .model import Course, Prose, Reference, Unit, Version
from .problems import Problems
from .prose import images_without_alt, render, static_links
from .repo import assessments_root
from .tomltext import key_line
from .version_file import STATIC, read_version


@dataclass
class LoadedVersion:
    """A version with the assessment each reference places (by unit file and line)."""

    version: Version
    root: Path | None = None  # the folder holding assessments/
    placements: dict[tuple[Path, int], Assessment] = field(default_factory=dict)

    def assessment(self, unit: Unit, reference: Reference) -> Assessment | None:
        return self.placements.get((unit.path, reference.line))

    def assessments(self) -> list[tuple[Unit, Reference, Assessment]]:
        found = []
        for _, unit in self.version.units:
            for reference in unit.references:
                assessment = self.assessment(unit, reference)
                if assessment is not None:
                    found.append((unit, reference, assessment))
        return found


def library_for(folder: Path) -> AssessmentLibrary:
    return AssessmentLibrary(assessments_root(folder))


def load_course(folder: Path, problems: Problems, library: AssessmentLibrary) -> Course | None:
    """The course in `folder`, with its framework checked."""
    course = read_course(folder, problems)
    if course is None or not course.framework:
        return course
    _, errors = library.frameworks.load(course.framework)
    text = course.toml_path.read_text(encoding="utf-8")
    for error in errors:
        problems.add(
            error.message,
            path=error.source if error.line else course.toml_path,
            line=error.line or key_line(text, "framework"),
            fix=error.fix,
        )
    return course


def load_version(
    folder: Path, problems: Problems, library: AssessmentLibrary | None = None
) -> LoadedVersion | None:
    """The version in `folder` (a course's `<version>/`), or None if it cannot be read."""
    folder = folder.resolve()
    library = library or library_for(folder)
    course = load_course(folder.parent, problems, library)
    if course is None:
        return None
    before = len(problems)
    version = read_version(course, folder, problems)
    if version is None:
        return None
    loaded = LoadedVersion(version, root=library.root)
    for _, unit in version.units:
        for part in unit.parts:
            if isinstance(part, Reference):
                assessment = library.resolve(
                    part, framework_id=course.framework, unit=unit.path, problems=problems
                )
                if assessment is not None:
                    loaded.placements[(unit.path, part.line)] = assessment
            else:
                check_prose(part, unit.path, version, problems)
    for section in version.sections:
        check_prose(section.intro, section.path / "section.md", version, problems)
    for page in (*version.sections, *(unit for _, unit in version.units)):
        if page.welsh is not None:
            for part in page.welsh.parts:
                if isinstance(part, Prose):
                    check_prose(part, page.welsh.path, version, problems)
    # Said only when nothing else is wrong: a broken reference is the likelier cause.
    clean = len(problems) == before
    if clean and version.sections and not any(a.graded for _, _, a in loaded.assessments()):
        problems.add(
            gettext(
                "the version has no graded assessment, so Open edX would have nothing to grade"
            ),
            path=folder,
            fix=gettext("Place an appraisal or case study in a unit (::: appraisal <slug>)."),
        )
    return loaded


def check_prose(prose: Prose, path: Path, version: Version, problems: Problems) -> None:
    """Images need alt text; links into static/ must name files that exist."""
    root = render(prose.markdown)

    def line_of(url: str) -> int:
        index = prose.markdown.find(url)
        return prose.line + (prose.markdown.count("\n", 0, index) if index >= 0 else 0)

    for src in images_without_alt(root):
        problems.add(
            gettext("an image has no alt text"),
            path=path,
            line=line_of(src),
            fix=gettext(
                "Describe the image in the brackets: ![what the image shows](static/x.png)"
            ),
        )
    for link in static_links(root):
        if not (version.path / STATIC / link.path).is_file():
            problems.add(
                gettext('"{url}" is not a file in this version\'s static/ folder').format(
                    url=link.url
                ),
                path=path,
                line=line_of(link.url),
                fix=gettext(
                    "Add the file as {path} in the version folder, or correct the link."
                ).format(path=f"{STATIC}/{link.path}"),
            )
