"""The learner's profile page: levels in words, the evidence behind them, what the next level
needs and where to get it, accessible tables and controls, and the unavailable page."""

from __future__ import annotations

from types import SimpleNamespace

import lxml.html

from xblocks.competency.evidence_gathering import CourseBlock

SOS = "signs-of-safety-evaluation.xml"
PARENTS = "parents-cp-conferences.xml"
PRE_BIRTH = "pre-birth-domestic-abuse.xml"
FGC = "fgc-trial.xml"


class _UsageKey(str):
    """A usage key as Open edX's opaque keys give it: a string that knows its course."""

    @property
    def course_key(self) -> str:
        return "course-v1:" + self.removeprefix("block-v1:").split("+type@")[0]


def _page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{html}</div>")


def _competency(page: lxml.html.HtmlElement, competency_id: str) -> lxml.html.HtmlElement:
    return page.xpath(f'.//article[@data-competency="{competency_id}"]')[0]


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_every_domain_and_competency_is_on_the_page(course, tracker_framework):
    page = _page(course.view())
    sections = page.xpath(".//section[@data-domain]")
    assert [section.get("data-domain") for section in sections] == [
        domain.id for domain in tracker_framework.domains
    ]
    articles = page.xpath(".//article[@data-competency]")
    assert [article.get("data-competency") for article in articles] == [
        competency.id for competency in tracker_framework.competencies
    ]
    for article in articles:
        assert article.xpath("./h5")[0].text_content()


def test_level_is_said_in_words_beside_its_descriptor(course, tracker_framework):
    course.finish_appraisal(SOS, 0.9)
    course.finish_appraisal(PARENTS, 0.9)
    validity = _competency(_page(course.view()), "appraise.validity")
    level = validity.xpath('.//*[@data-role="level"]')[0]
    assert level.text_content() == "Level 2: Experienced"
    assert "Level reached:" in _text(level.getparent())
    descriptor = tracker_framework.competency("appraise.validity").descriptor(2, "en")
    assert descriptor in validity.text_content()
    badge = validity.xpath('.//*[contains(@class, "eip-competency__badge")]')[0]
    assert badge.get("aria-hidden") == "true"


def test_evidence_table_gives_exercise_score_date_and_course_version(course):
    sos = course.block(SOS)
    sos.course_version = "1.0"
    sos.save()
    course.finish_appraisal(SOS, 0.85, at="2027-02-01T10:00:00+00:00")
    course.finish_appraisal(PARENTS, 0.9, at="2027-02-03T10:00:00+00:00")
    validity = _competency(_page(course.view()), "appraise.validity")
    table = validity.xpath('.//table[@data-role="evidence"]')[0]
    assert table.xpath("./caption")[0].text_content().startswith("The evidence behind your level")
    assert [th.get("scope") for th in table.xpath("./thead//th")] == ["col"] * 6
    rows = {
        row.xpath("./th")[0].text_content(): [td.text_content() for td in row.xpath("./td")]
        for row in table.xpath("./tbody/tr")
    }
    assert rows[course.block(SOS).display_name] == [
        "Appraisal exercise",
        "Level 1, Level 2",
        "85%",
        "1 February 2027",
        "1.0",
    ]
    assert rows[course.block(PARENTS).display_name][2:] == [
        "90%",
        "3 February 2027",
        "not recorded",
    ]
    # Best score first, each date also machine-readable.
    assert [time.get("datetime") for time in table.xpath(".//time")] == [
        "2027-02-03",
        "2027-02-01",
    ]


def test_next_level_needs_in_words_with_progress_and_links(course):
    course.finish_appraisal(SOS, 0.75)
    course.finish_appraisal(PARENTS, 0.5)
    validity = _competency(_page(course.view()), "appraise.validity")
    following = validity.xpath('.//*[@data-role="next"]')[0]
    assert following.xpath("./h6")[0].text_content() == "Next: Level 2: Experienced"
    (need,) = following.xpath('./ul[contains(@class, "eip-competency__needs")]/li')
    assert _text(need).startswith(
        "2 appraisal exercises tagged at level 2 or above, each scoring at least 70% (1 of 2 done)"
    )
    suggestions = need.xpath(".//ul/li")
    parents, fgc = (_text(item) for item in suggestions)
    # A retry comes first: the learner scored too low in it.
    assert parents.startswith(course.block(PARENTS).display_name)
    assert "You scored 50%: try it again" in parents
    assert "Not done yet." in fgc
    # On this page: a link to the block; in another unit of the workbench: named only.
    link = suggestions[0].xpath(".//a")[0]
    assert link.get("href") == f"#{course.block(PARENTS)._uid()}"
    assert not suggestions[1].xpath(".//a")


def test_when_the_course_cannot_give_the_next_level_it_says_so(course):
    course.finish_appraisal(SOS, 0.9)
    course.finish_appraisal(PARENTS, 0.9)
    validity = _competency(_page(course.view()), "appraise.validity")
    following = validity.xpath('.//*[@data-role="next"]')[0]
    assert "Next: Level 3: Senior" in _text(following)
    assert "No exercise in this course gives this evidence yet." in _text(following)


def test_in_an_open_edx_course_other_units_link_through_jump_to(course):
    tracker = course.block()
    key = _UsageKey("block-v1:EIP+RL101+1.0+type@eip_appraisal+block@fgc")
    elsewhere = SimpleNamespace(scope_ids=SimpleNamespace(usage_id=key), parent="another-unit")
    block = CourseBlock(elsewhere, "eip_appraisal", str(key), "FGC", ())
    assert tracker._link_for(block) == (
        "/courses/course-v1:EIP+RL101+1.0/jump_to/"
        "block-v1:EIP+RL101+1.0+type@eip_appraisal+block@fgc"
    )


def test_overview_table_has_headers_and_a_caption(course):
    page = _page(course.view())
    table = page.xpath('.//table[@data-role="overview-table"]')[0]
    assert table.xpath("./caption")[0].text_content()
    assert [th.get("scope") for th in table.xpath("./thead//th")] == ["col"] * 5
    assert len(table.xpath("./tbody/tr/th[@scope='row']")) == 6
    wrapper = table.getparent()
    assert wrapper.get("role") == "region" and wrapper.get("tabindex") == "0"


def test_print_download_and_live_region(course):
    page = _page(course.view())
    assert page.xpath('.//button[@data-action="print"]')
    assert page.xpath('.//button[@data-action="refresh"]')
    download = page.xpath('.//a[@data-action="download"]')[0]
    assert download.get("href").endswith("/record/")
    assert download.get("download") == "competency-record-research-literacy.json"
    assert page.xpath('.//*[@role="status"][@data-role="status"]')


def test_fragment_brings_the_stylesheet_with_a_print_section_and_the_script(course):
    fragment = course.block().student_view({})
    urls = [resource.data for resource in fragment.resources]
    assert "/resource/static/competency.css" in urls
    assert "/resource/static/competency.js" in urls
    assert fragment.js_init_fn == "EIPCompetencyTracker"
    assert set(fragment.json_init_args["strings"]) >= {"saved", "missing", "updated"}
    from xblocks.core.resources import load_text

    assert "@media print" in load_text("xblocks.competency", "static/competency.css")


def test_unknown_framework_shows_an_unavailable_page(course):
    tracker = course.block(user="staff_ann")
    tracker.framework = "no-such-framework"
    tracker.save()
    staff = _text(_page(course.view(user="staff_ann")))
    assert "not available yet" in staff
    assert "no-such-framework" in staff
    learner = _text(_page(course.view()))
    assert "not available yet" in learner
    assert "no-such-framework" not in learner


def test_a_tracker_alone_says_there_is_nothing_to_find(course_runtime):
    course_runtime.act_as("learner")
    usage = course_runtime.parse_xml_string(
        '<vertical><eip_competency_tracker framework="research-literacy"/></vertical>'
    )
    unit = course_runtime.get_block(usage)
    tracker = unit.get_child(unit.children[0])
    page = _page(tracker.student_view({}).content)
    assert _text(page.xpath('.//*[@data-role="found"]')[0]) == (
        "This course has no exercises or case studies that give evidence yet."
    )
    assert "No exercise in this course gives this evidence yet." in _text(page)


def test_framework_text_follows_the_learners_language(course, tracker_framework):
    from django.utils import translation

    with translation.override("cy"):
        page = _page(course.view())
    titles = [h4.text_content() for h4 in page.xpath(".//section[@data-domain]/h4")]
    assert titles == [domain.title.get("cy") for domain in tracker_framework.domains]
    assert "Arfarnu" in titles
    level = page.xpath('.//article[@data-competency="ask.question"]//*[@data-role="level"]')[0]
    assert level.text_content()  # through the i18n service (English without a catalogue)
