"""Reading a framework file: schema first, then every check the schema cannot express."""

from __future__ import annotations

import re

from lxml import etree

from xblocks.core.authored import TOKEN, VERSION, Text, describe, known_lang, texts
from xblocks.core.competencies import MAX_LEVEL, parse_competency_tags
from xblocks.core.messages import _
from xblocks.core.olx_text import one_line
from xblocks.core.problems import Problems
from xblocks.core.reading import read_authored
from xblocks.core.xml import OLXError, load_relaxng

from .framework_types import Competency, Domain, Framework, Level
from .rule_reader import level_attribute, read_rules

FRAMEWORK_ID = re.compile(r"[a-z][a-z0-9-]*\Z")
# Open edX reserves these in a tag value (and tabs, which titles lose with their other
# runs of whitespace); domain and competency titles become tag values.
RESERVED_IN_TITLES = (" > ", ";")


def parse_framework(data: str | bytes, *, source: str) -> Framework:
    """Parse and check a framework file; every problem is listed in one OLXErrors."""
    schema = load_relaxng("xblocks.competency", "framework.rng")
    return read_authored(data, source=source, schema=schema, read=_read)


def _read(root: etree._Element, problems: Problems) -> Framework:
    _check_identity(root, problems)
    levels = _read_levels(root.find("levels"), problems)
    domain_ids = {domain.get("id") for domain in root.findall("domain")}
    seen: dict[str, int] = {}
    domains = tuple(
        _read_domain(element, domain_ids, len(levels), seen, problems)
        for element in root.findall("domain")
    )
    _check_unique_titles(root, problems)
    return Framework(
        id=root.get("id", ""),
        version=root.get("version", ""),
        title=texts(root, "title", problems),
        description=texts(root, "description", problems),
        levels=levels,
        domains=domains,
    )


def _check_identity(root: etree._Element, problems: Problems) -> None:
    if not FRAMEWORK_ID.match(root.get("id", "")):
        problems.add(
            root,
            _('framework id "{id}" is not a valid id'),
            _(
                "use lower-case letters, digits and hyphens, starting with a letter, "
                "e.g. research-literacy."
            ),
            id=root.get("id"),
        )
    if not VERSION.match(root.get("version", "")):
        problems.add(
            root,
            _('framework version "{version}" is not a version number'),
            _('write a number such as version="1" or version="1.1".'),
            version=root.get("version"),
        )


def _read_levels(parent: etree._Element, problems: Problems) -> tuple[Level, ...]:
    levels = []
    for expected, element in enumerate(parent.findall("level"), start=1):
        number = element.get("number", "")
        if number != str(expected):
            problems.add(
                element,
                _('level number="{number}" where {expected} was expected'),
                _('number the levels 1, 2, 3 ... in order, lowest first: number="{expected}".'),
                number=number,
                expected=expected,
            )
        if expected > MAX_LEVEL:
            problems.add(
                element,
                _(
                    "a framework has at most {max} levels, because competency tags take levels "
                    "1 to {max}"
                ),
                _("remove this level."),
                max=MAX_LEVEL,
            )
            continue
        levels.append(
            Level(
                expected,
                texts(element, "name", problems),
                texts(element, "descriptor", problems),
            )
        )
    return tuple(levels)


def _read_domain(
    element: etree._Element,
    domain_ids: set[str | None],
    max_level: int,
    seen: dict[str, int],
    problems: Problems,
) -> Domain:
    domain_id = element.get("id", "")
    if not TOKEN.match(domain_id):
        problems.add(
            element,
            _('domain id "{id}" is not a valid id'),
            _("use lower-case letters, digits and _, starting with a letter, e.g. appraise."),
            id=domain_id,
        )
    _check_new_id(element, domain_id, seen, problems)
    competencies = tuple(
        _read_competency(child, domain_id, domain_ids, max_level, seen, problems)
        for child in element.findall("competency")
    )
    return Domain(
        id=domain_id,
        title=texts(element, "title", problems),
        description=texts(element, "description", problems),
        competencies=competencies,
    )


def _read_competency(
    element: etree._Element,
    domain_id: str,
    domain_ids: set[str | None],
    max_level: int,
    seen: dict[str, int],
    problems: Problems,
) -> Competency:
    competency_id = element.get("id", "")
    _check_competency_id(element, competency_id, domain_id, domain_ids, problems)
    _check_new_id(element, competency_id, seen, problems)
    return Competency(
        id=competency_id,
        domain_id=domain_id,
        title=texts(element, "title", problems),
        description=texts(element, "description", problems),
        descriptors=_read_descriptors(element, max_level, problems),
        rules=read_rules(element, max_level, problems),
    )


def _check_competency_id(
    element: etree._Element,
    competency_id: str,
    domain_id: str,
    domain_ids: set[str | None],
    problems: Problems,
) -> None:
    try:
        tags = parse_competency_tags(competency_id)
    except OLXError:
        tags = []
    if len(tags) != 1 or tags[0].level is not None or str(tags[0]) != competency_id:
        problems.add(
            element,
            _('competency id "{id}" is not a valid id'),
            _("write the domain id, a dot and a lower-case name, e.g. {domain}.name."),
            id=competency_id,
            domain=domain_id or "ask",
        )
        return
    named = competency_id.split(".", 1)[0]
    if named == domain_id:
        return
    if named in domain_ids:
        problems.add(
            element,
            _(
                'competency "{id}" is inside domain "{domain}", but its id puts it in domain '
                '"{named}"'
            ),
            _('move it into <domain id="{named}">; ids are stable, so do not rename it.'),
            id=competency_id,
            domain=domain_id,
            named=named,
        )
    else:
        problems.add(
            element,
            _('competency "{id}" names domain "{named}", which the framework does not define'),
            _(
                'start its id with the id of the domain it is in, "{domain}.", '
                'or add <domain id="{named}">.'
            ),
            id=competency_id,
            domain=domain_id,
            named=named,
        )


def _check_new_id(
    element: etree._Element, identifier: str, seen: dict[str, int], problems: Problems
) -> None:
    if identifier in seen:
        problems.add(
            element,
            _('the id "{id}" is used twice (first on line {line})'),
            _("give every domain and competency its own id."),
            id=identifier,
            line=seen[identifier],
        )
    else:
        seen[identifier] = element.sourceline or 0


def _read_descriptors(
    competency: etree._Element, max_level: int, problems: Problems
) -> dict[int, Text]:
    values: dict[int, dict[str, str]] = {}
    for element in competency.findall("descriptor"):
        level = level_attribute(element, "level", max_level, problems)
        lang = element.get("lang", "")
        if level is None:
            continue
        if not known_lang(element, problems):
            continue
        if lang in values.get(level, {}):
            problems.add(
                element,
                _('level {level} has two descriptors in lang="{lang}"'),
                _("keep one descriptor per level and language."),
                level=level,
                lang=lang,
            )
            continue
        text = one_line(element.text)
        if not text:
            problems.add(
                element, _("<descriptor> is empty"), _("say what a person at this level does.")
            )
        values.setdefault(level, {})[lang] = text
    for level in range(1, max_level + 1):
        if "en" not in values.get(level, {}):
            problems.add(
                competency,
                _("{element} has no English descriptor for level {level}"),
                _('add <descriptor level="{level}" lang="en">...</descriptor>.'),
                element=describe(competency),
                level=level,
            )
    return {level: Text(values[level]) for level in sorted(values)}


def _check_unique_titles(root: etree._Element, problems: Problems) -> None:
    # Titles of domains and competencies are the tag values of the exported taxonomy, which
    # Open edX requires to be unique; one language at a time, case ignored.
    seen: dict[tuple[str, str], int] = {}
    for element in root.iterfind(".//title"):
        if element.getparent().tag not in ("domain", "competency"):
            continue
        text = one_line(element.text)
        reserved = [mark for mark in RESERVED_IN_TITLES if mark in text]
        if reserved:
            problems.add(
                element,
                _(
                    'the title "{title}" contains "{mark}", which Open edX does not allow in a '
                    "tag value"
                ),
                _('reword the title without ";" or " > ".'),
                title=text,
                mark=reserved[0].strip(),
            )
        key = (element.get("lang", ""), text.casefold())
        if key in seen:
            problems.add(
                element,
                _('the title "{title}" is used twice (first on line {line})'),
                _("give every domain and competency its own title in each language."),
                title=text,
                line=seen[key],
            )
        else:
            seen[key] = element.sourceline or 0
