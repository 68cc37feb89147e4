"""`eip check`: every course version and assessment, the built OLX, and frozen releases."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eip.translation import _

from .assessment_files import KIND_NAMES, assessment_files, assessment_kind, check_assessment
from .assessments import AssessmentLibrary
from .course_file import COURSE_FILE, VERSION
from .frozen import assessment_drift, check_release
from .loader import LoadedVersion, load_course, load_version
from .model import Course
from .olx import course_files
from .olxclean import available, olxcleaner_errors
from .placeholders import check_placeholders
from .problems import Problems, shown_path
from .repo import ASSESSMENTS, COURSES, assessments_root, repo_root
from .version_file import is_hidden, version_folders

CHECKED_SUFFIXES = (".md", ".toml")


@dataclass
class CheckReport:
    problems: Problems = field(default_factory=Problems)
    notes: list[str] = field(default_factory=list)
    courses: int = 0
    versions: int = 0
    assessments: int = 0
    olx_checked: int = 0


class Checker:
    """Checks paths, sharing one assessment library per repository."""

    def __init__(self, *, olx: bool = True) -> None:
        self.report = CheckReport()
        self.olx = olx and available()
        if olx and not self.olx:
            self.report.notes.append(
                _(
                    "the built OLX was not checked with olxcleaner: it is not installed ({command})"
                ).format(command="pip install 'evidence-in-practice[tools]'")
            )
        self._libraries: dict[Path | None, AssessmentLibrary] = {}

    @property
    def problems(self) -> Problems:
        return self.report.problems

    def library(self, folder: Path) -> AssessmentLibrary:
        root = assessments_root(folder)
        if root not in self._libraries:
            self._libraries[root] = AssessmentLibrary(root)
        return self._libraries[root]

    # --- what a path is -------------------------------------------------------------------

    def check_path(self, path: Path) -> None:
        path = path.resolve()
        if not path.exists():
            self.problems.add(_("no such file or folder"), path=path, fix=_("Check the path."))
        elif path.is_file():
            self._file(path)
        elif (path / COURSE_FILE).is_file():
            self.check_course(path)
        elif (path.parent / COURSE_FILE).is_file() and VERSION.fullmatch(path.name):
            self.check_single_version(path)
        elif path.name == ASSESSMENTS or path.name in KIND_NAMES:
            self.check_assessments(path)
        elif path.name == COURSES:
            self.check_courses(path)
        elif (path / COURSES).is_dir() or (path / ASSESSMENTS).is_dir():
            self.check_repository(path)
        else:
            self.problems.add(
                _("nothing here to check: not a course, version, courses/ or assessments/ folder"),
                path=path,
                fix=_(
                    "Name a course folder (with course.toml), a version folder, or an "
                    "assessment file."
                ),
            )

    def _file(self, path: Path) -> None:
        if assessment_kind(path):
            self.check_assessment(path)
            return
        for folder in path.parents:
            if (folder / COURSE_FILE).is_file():
                if path.name == COURSE_FILE and path.parent == folder:
                    self.check_course(folder)
                else:
                    version = path.relative_to(folder).parts[0]
                    self.check_single_version(folder / version)
                return
        self.problems.add(
            _("not a course file or an assessment file"),
            path=path,
            fix=_("Check a file inside courses/<slug>/ or assessments/<kind>/."),
        )

    # --- repositories, courses, versions ----------------------------------------------------

    def check_repository(self, root: Path) -> None:
        self.check_courses(root / COURSES)
        self.check_assessments(root / ASSESSMENTS)

    def check_courses(self, folder: Path) -> None:
        if folder.is_dir():
            for course in sorted(folder.iterdir()):
                if course.is_dir() and not is_hidden(course):
                    self.check_course(course)

    def check_course(self, folder: Path) -> None:
        course = self._course(folder)
        if course is None:
            return
        for version in version_folders(folder):
            self.check_version(version)
        for release in course.releases:
            check_release(course, release, self.problems)
            self.report.notes.extend(assessment_drift(course, release, self.library(folder).root))

    def _course(self, folder: Path) -> Course | None:
        self._count_course(folder)
        return load_course(folder, self.problems, self.library(folder))

    def _count_course(self, folder: Path) -> None:
        self.report.courses += 1
        check_placeholders(folder / COURSE_FILE, self.problems)

    def check_single_version(self, folder: Path) -> LoadedVersion | None:
        """Check the version in `folder` and its course; the version as read (None if it
        could not be)."""
        self._count_course(folder.parent)
        loaded = self.check_version(folder)
        # The course as the version read it; read on its own only when the version could not be.
        course = (
            loaded.version.course
            if loaded is not None
            else load_course(folder.parent, Problems(), self.library(folder.parent))
        )
        release = course.release(folder.name) if course else None
        if course is not None and release is not None:
            check_release(course, release, self.problems)
        return loaded

    def check_version(self, folder: Path) -> LoadedVersion | None:
        self.report.versions += 1
        found = Problems()
        loaded = load_version(folder, found, self.library(folder))
        if loaded is not None and not found and self.olx:
            found.extend(olxcleaner_errors(course_files(loaded), label=shown_path(folder)))
            self.report.olx_checked += 1
        for path in sorted(folder.rglob("*")):
            if path.suffix in CHECKED_SUFFIXES and not is_hidden(path):
                check_placeholders(path, found)
        self.problems.extend(found)
        return loaded

    # --- assessments --------------------------------------------------------------------

    def check_assessments(self, folder: Path) -> None:
        for path in assessment_files(folder):
            self.check_assessment(path)

    def check_assessment(self, path: Path) -> None:
        self.report.assessments += 1
        check_assessment(path, self.problems, self.report.notes)
        check_placeholders(path, self.problems)


def check(paths: list[Path] | None = None, *, olx: bool = True) -> CheckReport:
    """Check `paths` (default: every course and assessment of the repository here)."""
    checker = Checker(olx=olx)
    if paths:
        for path in paths:
            checker.check_path(path)
    else:
        checker.check_repository(repo_root())
    return checker.report
