"""Reading one node element (and its choices, statements or bands) into its data class."""

from __future__ import annotations

import re

from lxml import etree

from xblocks.core.messages import _, one_of
from xblocks.core.olx_text import one_line, read_markdown
from xblocks.core.problems import Problems

from .case_study_types import (
    CATEGORIES,
    CERTAINTIES,
    Band,
    Choice,
    Decision,
    Ending,
    Evidence,
    Mapping,
    Narrative,
    Node,
    Reflection,
    Statement,
)
from .ids import Ids
from .names import describe
from .values import read_attributes

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


class NodeReader:
    """Reads the nodes of one file, claiming their ids as it goes."""

    def __init__(self, problems: Problems, ids: Ids) -> None:
        self.problems = problems
        self.ids = ids

    def read(self, element: etree._Element) -> Node | None:
        """The node of `element`; None if its id is already taken."""
        values = read_attributes(element, self.problems)
        claimed = self.ids.claim(element, str(values["id"]))
        if not values["title"]:
            self.problems.add(
                element,
                _("{element} has an empty title"),
                _('write the heading learners will see, e.g. title="The referral".'),
                element=describe(element),
            )
        # The schema allows only the six node elements, each read by its own method.
        node = getattr(self, f"_{element.tag}")(element, values)
        return node if claimed else None

    def _narrative(self, element: etree._Element, values: dict) -> Narrative:
        return Narrative(
            id=values["id"],
            title=values["title"],
            body_md=self._markdown(element, "body"),
            next=values["next"],
            authored=dict(element.attrib),
        )

    def _evidence(self, element: etree._Element, values: dict) -> Evidence:
        if values["certainty"] not in CERTAINTIES:
            self.problems.add(
                element,
                _('{element}: certainty="{value}" is not a certainty'),
                _("use one of {values}."),
                element=describe(element),
                value=values["certainty"],
                values=one_of(CERTAINTIES),
            )
        if values["appraisal"] and not _SLUG.match(str(values["appraisal"])):
            self.problems.add(
                element,
                _('{element}: appraisal="{value}" is not an exercise slug'),
                _(
                    'name an exercise file in assessments/appraisals without ".xml", '
                    'e.g. appraisal="fgc-trial", or leave appraisal out.'
                ),
                element=describe(element),
                value=values["appraisal"],
            )
        return Evidence(
            id=values["id"],
            title=values["title"],
            certainty=values["certainty"],
            fictional=values["fictional"],
            appraisal=values["appraisal"],
            summary_md=self._markdown(element, "summary"),
            citation=self._plain(element, "citation"),
            next=values["next"],
            authored=dict(element.attrib),
        )

    def _decision(self, element: etree._Element, values: dict) -> Decision:
        return Decision(
            id=values["id"],
            title=values["title"],
            prompt_md=self._markdown(element, "prompt"),
            choices=tuple(self._choice(choice) for choice in element.findall("choice")),
            authored=dict(element.attrib),
        )

    def _choice(self, element: etree._Element) -> Choice:
        values = read_attributes(element, self.problems)
        self.ids.claim(element, str(values["id"]))
        return Choice(
            id=values["id"],
            label=self._plain(element, "label"),
            target=values["target"],
            points=values["points"],
            evidence_ids=values["evidence"],
            feedback_md=self._markdown(element, "feedback"),
            authored=dict(element.attrib),
        )

    def _mapping(self, element: etree._Element, values: dict) -> Mapping:
        return Mapping(
            id=values["id"],
            title=values["title"],
            prompt_md=self._markdown(element, "prompt"),
            points=values["points"],
            scale=values["scale"],
            statements=tuple(self._statement(item) for item in element.findall("statement")),
            scale_guidance_md=self._markdown(element, "scale-guidance"),
            next=values["next"],
            authored=dict(element.attrib),
        )

    def _statement(self, element: etree._Element) -> Statement:
        values = read_attributes(element, self.problems)
        self.ids.claim(element, str(values["id"]))
        if values["expected"] not in CATEGORIES:
            self.problems.add(
                element,
                _('{element}: expected="{value}" is not a place to sort a statement into'),
                _("use one of {values}."),
                element=describe(element),
                value=values["expected"],
                values=one_of(CATEGORIES),
            )
        return Statement(
            id=values["id"],
            text=self._plain(element, "text"),
            expected=values["expected"],
            feedback_md=self._markdown(element, "feedback"),
            authored=dict(element.attrib),
        )

    def _reflection(self, element: etree._Element, values: dict) -> Reflection:
        return Reflection(
            id=values["id"],
            title=values["title"],
            prompt_md=self._markdown(element, "prompt"),
            shareable=values["shareable"],
            next=values["next"],
            authored=dict(element.attrib),
        )

    def _ending(self, element: etree._Element, values: dict) -> Ending:
        bands = tuple(self._band(band) for band in element.findall("band"))
        self._check_bands(element, bands)
        return Ending(
            id=values["id"],
            title=values["title"],
            outcome_md=self._markdown(element, "outcome"),
            debrief_md=self._markdown(element, "debrief"),
            bands=bands,
            authored=dict(element.attrib),
        )

    def _band(self, element: etree._Element) -> Band:
        values = read_attributes(element, self.problems)
        minimum = values["min"] if isinstance(values["min"], float) else 0.0
        if minimum > 1:
            self.problems.add(
                element,
                _('<band min="{min}">: min is a score fraction, from 0 to 1'),
                _('write e.g. min="0.8" for "at least 80% of the points".'),
                min=element.get("min"),
            )
        text_md = read_markdown(element, self.problems, required=True)
        return Band(min=minimum, text_md=text_md, authored=dict(element.attrib))

    def _check_bands(self, ending: etree._Element, bands: tuple[Band, ...]) -> None:
        elements = ending.findall("band")
        for previous, band, element in zip(bands, bands[1:], elements[1:], strict=False):
            if band.min >= previous.min:
                self.problems.add(
                    element,
                    _(
                        "{ending}: the bands are not in descending order of min ({min} comes "
                        "after {previous})"
                    ),
                    _('list bands from the highest min down to the last, min="0".'),
                    ending=describe(ending),
                    min=element.get("min"),
                    previous=previous.authored.get("min"),
                )
        if bands and bands[-1].min != 0:
            self.problems.add(
                elements[-1],
                _('{ending}: the last band has min="{min}", so a low score would get no band'),
                _('end with a band for every other score: <band min="0">.'),
                ending=describe(ending),
                min=elements[-1].get("min"),
            )

    def _markdown(self, parent: etree._Element, name: str) -> str:
        # Optional elements are left out by the schema; any element that is there needs text.
        element = parent.find(name)
        return read_markdown(element, self.problems, required=element is not None)

    def _plain(self, parent: etree._Element, name: str) -> str:
        element = parent.find(name)
        value = one_line(element.text if element is not None else "")
        if element is not None and not value:
            self.problems.add(element, _("<{name}> is empty"), _("write the {name}."), name=name)
        return value
