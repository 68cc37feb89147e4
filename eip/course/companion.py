"""Welsh companion files: a page's Welsh prose in a file beside the English one.

`01-four-sources.cy.md` holds the Welsh of `01-four-sources.md`, and `section.cy.md` that of
`section.md`. A companion is Markdown only: the page's Welsh title and outcomes stay in the
English file's front matter (`title_cy`, `outcomes_cy`). Its `:::` lines are the English
file's, in the same order, so the Welsh and English prose between them line up.
"""

from __future__ import annotations

from pathlib import Path

from eip.translation import _

from .body import gaps, split_body
from .frontmatter import FENCE
from .model import WELSH, Companion, Part, Prose, Reference
from .problems import Problems, read_text, shown_path

SUFFIX = f".{WELSH}.md"


def is_companion(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def companion_path(english: Path) -> Path:
    """Where the Welsh of English page `english` is: 01-x.md -> 01-x.cy.md."""
    return english.with_name(english.name.removesuffix(".md") + SUFFIX)


def english_path(companion: Path) -> Path:
    """The English page a companion belongs to: 01-x.cy.md -> 01-x.md."""
    return companion.with_name(companion.name.removesuffix(SUFFIX) + ".md")


def orphans(companions: list[Path], problems: Problems) -> None:
    """A problem for each companion whose English file is missing."""
    for companion in companions:
        english = english_path(companion)
        if not english.is_file():
            problems.add(
                _("a Welsh file without its English file: there is no {english} beside it").format(
                    english=english.name
                ),
                path=companion,
                line=1,
                fix=_(
                    "Name the Welsh file after its English page ({english} -> {welsh}), or add "
                    "{english}."
                ).format(english=english.name, welsh=companion.name),
            )


def _reference_text(reference: Reference) -> str:
    return f"::: {reference.kind} {reference.target}"


def no_references(parts: list[Part] | tuple[Part, ...], path: Path, problems: Problems) -> None:
    """A section's pages (section.md and its Welsh) place no assessments."""
    placed = [part for part in parts if isinstance(part, Reference)]
    if placed:
        problems.add(
            _("assessments go in units, not in {file}").format(file=path.name),
            path=path,
            line=placed[0].line,
            fix=_("Move the ::: line into one of the section's unit files."),
        )


def _same_references(
    english: tuple[Part, ...], welsh: list[Part], path: Path, name: str, last_line: int,
    problems: Problems,
) -> bool:  # fmt: skip
    """The first difference between the `:::` lines of the two files, as a problem."""
    ours = [part for part in english if isinstance(part, Reference)]
    theirs = [part for part in welsh if isinstance(part, Reference)]
    fix = _(
        "Write the same ::: lines as {file}, in the same order, each at the same point in the text."
    ).format(file=name)
    for index in range(max(len(ours), len(theirs))):
        want = ours[index] if index < len(ours) else None
        have = theirs[index] if index < len(theirs) else None
        if want and have and (want.kind, want.target) == (have.kind, have.target):
            continue
        if have is None:
            message = _(
                'the Welsh file lacks "{reference}", which {file} places at line {line}'
            ).format(reference=_reference_text(want), file=name, line=want.line)
            line = last_line
        elif want is None:
            message = _('the Welsh file places "{reference}", which {file} does not').format(
                reference=_reference_text(have), file=name
            )
            line = have.line
        else:
            message = _(
                'the Welsh file places "{reference}" where {file} places "{english}" (line {line})'
            ).format(
                reference=_reference_text(have),
                file=name,
                english=_reference_text(want),
                line=want.line,
            )
            line = have.line
        problems.add(message, path=path, line=line, fix=fix)
        return False
    return True


def _same_text_places(
    english: tuple[Part, ...], welsh: list[Part], path: Path, name: str, problems: Problems
) -> None:
    """Where the English has prose (before, between or after its assessments), the Welsh
    has some too, and the other way round."""
    references = [part for part in welsh if isinstance(part, Reference)]
    for index, (ours, theirs) in enumerate(zip(gaps(english), gaps(welsh), strict=True)):
        if (ours is None) == (theirs is None):
            continue
        after = _reference_text(references[index - 1]) if index else ""
        if theirs is None:
            message = (
                _(
                    "{file} has text before the first ::: line (line {line}), but the Welsh "
                    "file has none"
                )
                if index == 0
                else _(
                    '{file} has text after "{reference}" (line {line}), but the Welsh file has none'
                )
            )
            problems.add(
                message.format(file=name, line=ours.line, reference=after),
                path=path,
                line=references[index - 1].line if index else 1,
                fix=_("Write the Welsh of that text at the same point."),
            )
        else:
            message = (
                _("the Welsh file has text before the first ::: line, but {file} has none there")
                if index == 0
                else _('the Welsh file has text after "{reference}", but {file} has none there')
            )
            problems.add(
                message.format(file=name, reference=after),
                path=path,
                line=theirs.line,
                fix=_("Put the text where its English is in {file}, or add the English.").format(
                    file=name
                ),
            )


def read_companion(
    english: Path, english_parts: tuple[Part, ...], problems: Problems, *, welsh: bool,
    section: bool,
) -> Companion | None:  # fmt: skip
    """The Welsh companion of the page `english` (None if it has none or it has problems
    that stop it being read); every problem found is added to `problems`."""
    path = companion_path(english)
    if not path.is_file():
        return None
    if not welsh:
        problems.add(
            _('a Welsh file in a course that is not in Welsh: course.toml languages lack "cy"'),
            path=path,
            line=1,
            fix=_(
                'Add "cy" to languages in course.toml (languages = ["en", "cy"]), or remove the '
                "file."
            ),
        )
        return None
    text = read_text(path, problems)
    if text is None:
        return None
    lines = text.splitlines()
    first = next((number for number, line in enumerate(lines, 1) if line.strip()), None)
    if first is None:
        problems.add(
            _("the Welsh file is empty"),
            path=path,
            line=1,
            fix=_("Write the Welsh of {file} in it, or remove it.").format(file=english.name),
        )
        return None
    if lines[first - 1].strip() == FENCE:
        problems.add(
            _(
                "a Welsh file has no front matter: the page's Welsh title and outcomes belong in "
                "{file}, as title_cy and outcomes_cy"
            ).format(file=english.name),
            path=path,
            line=first,
            fix=_(
                'Remove the "{fence}" lines and what is between them; write title_cy = "..." '
                "and outcomes_cy = [...] in {file}'s front matter instead."
            ).format(fence=FENCE, file=english.name),
        )
        return None
    parts, errors = split_body(text, first_line=1, source=shown_path(path))
    problems.extend(errors)
    if errors:
        return None
    if section:
        no_references(parts, path, problems)
    elif _same_references(english_parts, parts, path, english.name, len(lines), problems):
        _same_text_places(english_parts, parts, path, english.name, problems)
    if section and not any(isinstance(part, Prose) for part in parts):
        return None
    return Companion(path=path, parts=tuple(parts))
