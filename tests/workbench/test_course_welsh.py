"""A course page with Welsh prose in the workbench: the page declares the language the
visitor chose, and the course text shows its Welsh part first and its English part after,
each marked with its own language."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytestmark = pytest.mark.django_db

COURSES = Path(__file__).resolve().parents[1] / "fixtures" / "courses" / "bilingual" / "courses"
SCENARIO = "eip_course.demo.1.0.01-why-evidence.01-four-sources"


@pytest.fixture
def bilingual_courses(monkeypatch) -> None:
    """The workbench previews the bilingual fixture course (set before scenarios load)."""
    monkeypatch.setenv("EIP_COURSES_DIR", str(COURSES))


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_a_bilingual_unit_has_both_regions_in_either_language(
    client, bilingual_courses, lang
) -> None:
    response = client.get(f"/scenario/{SCENARIO}/", {"lang": lang, "student": "student_1"})
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content.decode())
    assert page.get("lang") == lang  # the workbench page declares the chosen language
    (text,) = page.find_class("eip-course-text")
    assert text.get("lang") == "en"  # course text outside a language region is English
    regions = text.find_class("eip-language")
    assert [region.get("lang") for region in regions] == ["cy", "en"]
    welsh, english = regions
    assert "Pedair ffynhonnell" in welsh.text_content()
    assert "Four sources" in english.text_content()
    (to_english,) = welsh.find_class("eip-language-switch")
    assert to_english.get("href") == f"#{english.get('id')}"
    assert to_english.get("lang") == "en"


def test_the_whole_section_previews_both_languages_of_every_page(client, bilingual_courses):
    response = client.get("/scenario/eip_course.demo.1.0.01-why-evidence/", {"lang": "cy"})
    page = lxml.html.fromstring(response.content.decode())
    languages = [region.get("lang") for region in page.find_class("eip-language")]
    # the introduction, the first unit and the two texts of the second: Welsh, then English
    assert languages == ["cy", "en"] * 4
