"""Reading the <study> of an exercise, and the Markdown checks shared with the rationales."""

from __future__ import annotations

from lxml import etree

from xblocks.core.olx_text import one_line, read_markdown
from xblocks.core.problems import Problems

from .exercise_types import Exhibit, Study


def read_study(study: etree._Element, problems: Problems) -> Study:
    fictional = study.get("fictional", "")
    if fictional not in ("true", "false"):
        problems.add(
            study,
            f'fictional="{fictional}" is neither true nor false',
            'write fictional="true" for a study written for the course.',
        )
    title = _plain(study, "title", problems, required=True)
    label = _plain(study, "label", problems)
    if fictional == "true" and not label:
        problems.add(
            study,
            "a fictional study has no <label>",
            "add <label>Fictional teaching study</label> after <title>: learners must "
            "be told the study is fictional.",
        )
    exhibits = []
    for element in study.findall("exhibit"):
        title_text = one_line(element.get("title"))
        if not title_text:
            problems.add(element, "<exhibit> has an empty title", 'write title="Table 1. ...".')
        exhibits.append(Exhibit(title_text, markdown(element, problems, required=True)))
    return Study(
        title=title,
        fictional=fictional == "true",
        label=label,
        citation=_plain(study, "citation", problems),
        summary_md=markdown(study.find("summary"), problems, required=True),
        exhibits=tuple(exhibits),
    )


def _plain(parent: etree._Element, name: str, problems: Problems, required: bool = False) -> str:
    element = parent.find(name)
    if element is None:
        return ""
    text = one_line(element.text)
    if not text:
        fix = f"write the {name}." if required else f"write the {name}, or remove <{name}>."
        problems.add(element, f"<{name}> is empty", fix)
    return text


def markdown(element: etree._Element, problems: Problems, required: bool = False) -> str:
    what = "rationale" if element.tag in ("answer", "overall") else "text"
    return read_markdown(element, problems, required=required, what=what)
