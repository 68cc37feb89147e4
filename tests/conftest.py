"""Fixtures every suite may use."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
import pytest


def shown_text(html_or_text: str) -> str:
    """The text a reader sees, whitespace folded, so rendered Markdown compares with source."""
    return " ".join(lxml.html.fromstring(f"<div>{html_or_text}</div>").text_content().split())


@dataclass(frozen=True)
class AnswerKeyProbe:
    """Pieces of an exercise's expert appraisal that must not reach a learner before they
    submit: the start and end of every rationale, as shown, that does not merely quote the
    study (which learners see)."""

    snippets: tuple[str, ...]

    @classmethod
    def of(cls, exercise) -> AnswerKeyProbe:
        from xblocks.core.markdown import plain_text

        study = exercise.study
        study_text = " ".join(
            [
                plain_text(study.summary_md),
                study.title,
                study.citation,
                *(plain_text(exhibit.body_md) for exhibit in study.exhibits),
            ]
        )
        rationales = [answer.rationale_md for answer in exercise.expert_answers.values()]
        rationales.append(exercise.overall_rationale_md)
        snippets = []
        for rationale in rationales:
            shown = plain_text(rationale)
            if len(shown) >= 24:
                snippets += [shown[:50], shown[-50:]]
        return cls(tuple(snippet for snippet in snippets if snippet not in study_text))

    def leaks(self, response: str) -> list[str]:
        """The snippets found in `response` (raw, or as its text would show)."""
        shown = shown_text(response)
        return [snippet for snippet in self.snippets if snippet in response or snippet in shown]


@pytest.fixture
def answer_key_probe():
    """`answer_key_probe(exercise)`: an AnswerKeyProbe for that exercise."""
    return AnswerKeyProbe.of
