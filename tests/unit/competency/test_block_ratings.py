"""Self-ratings of confidence per area, before and after the course: the forms, the `rate`
handler, its refusals, the `rated` event and completion."""

from __future__ import annotations

import lxml.html
import pytest

DOMAINS = ("ask", "acquire", "appraise", "integrate", "apply", "share")


def _page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{html}</div>")


def _ratings(value: int = 3, **overrides: int) -> dict[str, int]:
    return {domain: overrides.get(domain, value) for domain in DOMAINS}


def test_two_forms_each_with_a_radio_group_per_area(course, tracker_framework):
    page = _page(course.view())
    forms = page.xpath('.//form[@data-role="rating-form"]')
    assert [form.get("data-phase") for form in forms] == ["before", "after"]
    for form in forms:
        fieldsets = form.xpath(".//fieldset")
        assert [fieldset.get("data-domain") for fieldset in fieldsets] == list(DOMAINS)
        for fieldset, domain in zip(fieldsets, tracker_framework.domains, strict=True):
            assert fieldset.xpath("./legend")[0].text_content() == domain.title.get("en")
            radios = fieldset.xpath(".//input[@type='radio']")
            assert [radio.get("value") for radio in radios] == ["1", "2", "3", "4", "5"]
            assert len({radio.get("name") for radio in radios}) == 1
            for radio in radios:
                label = radio.xpath("ancestor::label")[0].text_content()
                assert label.startswith(radio.get("value") + ": ")
        assert form.xpath('.//*[@role="status"]')


def test_rating_before_stores_publishes_and_does_not_complete(course):
    status, body = course.json("rate", {"phase": "before", "ratings": _ratings(2, share=1)})
    assert status == 200, body
    assert body["ratings"] == _ratings(2, share=1)
    tracker = course.block()
    assert tracker.ratings == {"before": _ratings(2, share=1)}
    assert set(tracker.rated_at) == {"before"}
    (event,) = course.runtime.events("edx.eip.competency.rated")
    assert event["phase"] == "before"
    assert event["ratings"] == _ratings(2, share=1)
    assert event["framework"] == "research-literacy"
    assert event["course_version"] == ""
    assert event["usage_id"] == str(course.usages["tracker"])
    assert course.runtime.events("completion") == []
    overview = _page(body["overview_html"])
    row = overview.xpath('.//tr[@data-domain="share"]')[0]
    assert row.xpath('./td[@data-phase="before"]')[0].text_content() == (
        "1 of 5: Not at all confident"
    )
    assert row.xpath('./td[@data-phase="after"]')[0].text_content() == "Not rated yet"


def test_rating_after_completes_the_block(course):
    course.json("rate", {"phase": "before", "ratings": _ratings(2)})
    status, _ = course.json("rate", {"phase": "after", "ratings": _ratings(4)})
    assert status == 200
    assert course.runtime.events("completion") == [{"completion": 1.0}]
    assert course.block().ratings == {"before": _ratings(2), "after": _ratings(4)}
    assert [event["phase"] for event in course.runtime.events("edx.eip.competency.rated")] == [
        "before",
        "after",
    ]


def test_rating_again_replaces_the_phase(course):
    course.json("rate", {"phase": "after", "ratings": _ratings(2)})
    course.json("rate", {"phase": "after", "ratings": _ratings(5)})
    assert course.block().ratings == {"after": _ratings(5)}


def test_saved_ratings_are_checked_in_the_form_and_shown_beside_the_levels(course):
    course.json("rate", {"phase": "before", "ratings": _ratings(2, appraise=1)})
    course.json("rate", {"phase": "after", "ratings": _ratings(4, appraise=5)})
    page = _page(course.view())
    before = page.xpath('.//form[@data-phase="before"]//fieldset[@data-domain="appraise"]')[0]
    assert [radio.get("value") for radio in before.xpath(".//input[@checked]")] == ["1"]
    row = page.xpath('.//table[@data-role="overview-table"]//tr[@data-domain="appraise"]')[0]
    cells = [cell.text_content() for cell in row.xpath("./th | ./td")]
    assert cells == [
        "Appraise",
        "Not yet evidenced",
        "Not yet evidenced",
        "1 of 5: Not at all confident",
        "5 of 5: Very confident",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"phase": "during", "ratings": _ratings()}, "phase"),
        ({"phase": "after", "ratings": _ratings(6)}, "ratings"),
        ({"phase": "after", "ratings": _ratings(0)}, "ratings"),
        ({"phase": "after", "ratings": {**_ratings(), "cooking": 3}}, "cooking"),
        ({"phase": "after", "ratings": {"ask": 3}}, "Choose a rating for every area"),
        ({"phase": "after"}, "ratings"),
        ({"phase": "after", "ratings": _ratings(), "extra": 1}, "extra"),
    ],
)
def test_bad_ratings_are_refused_and_nothing_is_stored(course, data, message):
    status, body = course.json("rate", data)
    assert status == 400
    assert message in body["error"]
    assert not course.block().ratings
    assert course.runtime.events("edx.eip.competency.rated") == []
    assert course.runtime.events("completion") == []


def test_rate_takes_post_only(course):
    response = course.call("rate", method="GET")
    assert response.status_code == 405


def test_without_self_rating_there_are_no_forms_and_rate_is_refused(make_course):
    course = make_course(
        '<eip_competency_tracker framework="research-literacy" show_self_rating="false"/>'
    )
    page = _page(course.view())
    assert not page.xpath(".//form")
    assert not page.xpath('.//td[@data-phase="before"]')
    status, body = course.json("rate", {"phase": "after", "ratings": _ratings()})
    assert status == 409
    assert "self-ratings" in body["error"]


def test_without_self_rating_looking_completes_the_block(make_course):
    course = make_course(
        '<eip_competency_tracker framework="research-literacy" show_self_rating="false"/>'
    )
    course.view()
    assert course.runtime.events("completion") == [{"completion": 1.0}]
