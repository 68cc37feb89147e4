"""Reading the <study> of an exercise, and the Markdown checks shared with the rationales."""

from __future__ import annotations

from lxml import etree

from xblocks.core.messages import _
from xblocks.core.olx_text import one_line, read_markdown
from xblocks.core.problems import Problems

from .exercise_types import Exhibit, Study


def read_study(study: etree._Element, problems: Problems) -> Study:
    fictional = study.get("fictional", "")
    if fictional not in ("true", "false"):
        problems.add(
            study,
            _('fictional="{value}" is neither true nor false'),
            _('write fictional="true" for a study written for the course.'),
            value=fictional,
        )
    title = _plain(study, "title", problems, required=True)
    label = _plain(study, "label", problems)
    if fictional == "true" and not label:
        problems.add(
            study,
            _("a fictional study has no <label>"),
            _(
                "add <label>Fictional teaching study</label> after <title>: learners must be told "
                "the study is fictional."
            ),
        )
    exhibits = []
    for element in study.findall("exhibit"):
        title_text = one_line(element.get("title"))
        if not title_text:
            problems.add(
                element, _("<exhibit> has an empty title"), _('write title="Table 1. ...".')
            )
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
        fix = _("write the {name}.") if required else _("write the {name}, or remove <{name}>.")
        problems.add(element, _("<{name}> is empty"), fix, name=name)
    return text


def markdown(element: etree._Element, problems: Problems, required: bool = False) -> str:
    rationale = element.tag in ("answer", "overall")
    return read_markdown(element, problems, required=required, rationale=rationale)
