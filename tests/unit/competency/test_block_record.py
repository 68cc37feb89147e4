"""The learner's record as JSON shaped like an Open Badges 3.0 credential (unsigned), and the
framework page its alignments point to."""

from __future__ import annotations

import hashlib
import json
import re

import lxml.html
import pytest

SOS = "signs-of-safety-evaluation.xml"
PARENTS = "parents-cp-conferences.xml"
PRE_BIRTH = "pre-birth-domestic-abuse.xml"
# OB 3.0: an enumerated value, or the extension form "ext:<name>".
TARGET_TYPES = {
    "ceasn:Competency",
    "ceterms:Credential",
    "CFItem",
    "CFRubric",
    "CFRubricCriterion",
    "CFRubricCriterionLevel",
    "CTDL",
}
EXTENSION = re.compile(r"ext:[A-Za-z0-9.\-_]+\Z")


@pytest.fixture
def record(course) -> dict:
    course.finish_appraisal(SOS, 0.8, at="2027-02-01T10:00:00+00:00")
    course.finish_appraisal(PARENTS, 0.9, at="2027-02-02T10:00:00+00:00")
    course.finish_case(PRE_BIRTH, 0.65, at="2027-03-01T10:00:00+00:00")
    course.json(
        "rate",
        {
            "phase": "before",
            "ratings": dict.fromkeys(
                ("ask", "acquire", "appraise", "integrate", "apply", "share"), 2
            ),
        },
    )
    response = course.call("record", method="GET")
    assert response.status_code == 200
    return json.loads(response.body)


def test_served_as_a_json_download(course):
    response = course.call("record", method="GET")
    assert response.content_type == "application/json"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="competency-record-research-literacy.json"'
    )
    assert response.headers["Cache-Control"] == "no-store"


def test_only_get(course):
    assert course.call("record", method="POST").status_code == 405


def test_credential_envelope(record):
    assert record["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert record["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert record["id"].startswith("urn:uuid:")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", record["validFrom"])
    assert record["issuer"]["type"] == ["Profile"]
    assert record["issuer"]["id"].startswith("urn:uuid:")
    assert record["issuer"]["name"]
    assert record["name"] == "Research literacy in children's social care: competency record"
    assert "unsigned" in record["description"].lower()
    assert "not a verifiable credential" in record["description"]
    assert "proof" not in record


def test_each_download_is_a_new_credential_of_the_same_achievement(course):
    first = json.loads(course.call("record", method="GET").body)
    second = json.loads(course.call("record", method="GET").body)
    assert first["id"] != second["id"]
    achievement = first["credentialSubject"]["achievement"]
    assert achievement["id"] == second["credentialSubject"]["achievement"]["id"]


def test_subject_is_the_learner_by_salted_hash(record):
    subject = record["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    (identity,) = subject["identifier"]
    assert identity["type"] == "IdentityObject"
    assert identity["identityType"] == "userName"
    assert identity["hashed"] is True
    digest = hashlib.sha256(("learner" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${digest}"
    assert "learner" not in json.dumps(subject)


def test_achievement_has_the_required_fields(record, tracker_framework):
    achievement = record["credentialSubject"]["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["id"].startswith("urn:uuid:")
    assert achievement["name"] == tracker_framework.title.get("en")
    assert achievement["description"]
    assert "Level 2: Experienced" in achievement["criteria"]["narrative"]
    assert achievement["version"] == "1"


def test_one_alignment_per_competency(record, tracker_framework):
    alignments = record["credentialSubject"]["achievement"]["alignment"]
    assert [item["targetCode"] for item in alignments] == [
        competency.id for competency in tracker_framework.competencies
    ]
    for item, competency in zip(alignments, tracker_framework.competencies, strict=True):
        assert item["type"] == ["Alignment"]
        assert item["targetName"] == competency.title.get("en")
        assert item["targetDescription"] == competency.description.get("en")
        assert item["targetFramework"] == (
            "Research literacy in children's social care (version 1)"
        )
        assert item["targetType"] in TARGET_TYPES or EXTENSION.match(item["targetType"])
        assert item["targetUrl"].startswith("http://lms.example/unauth_handler/")
        assert item["targetUrl"].endswith(f"/framework_page/#{competency.id}")


def test_results_give_each_competency_level_and_the_ratings(record, tracker_framework):
    subject = record["credentialSubject"]
    descriptions = {item["id"]: item for item in subject["achievement"]["resultDescription"]}
    levels = {}
    ratings = {}
    for result in subject["result"]:
        assert result["type"] == ["Result"]
        description = descriptions[result["resultDescription"]]
        assert description["type"] == ["ResultDescription"]
        if description["resultType"] == "PerformanceLevel":
            assert result["value"] in description["allowedValue"]
            levels[description["alignment"][0]["targetCode"]] = result["value"]
        else:
            assert description["resultType"] == "ext:SelfRatedConfidence"
            assert (description["valueMin"], description["valueMax"]) == ("1", "5")
            ratings[description["name"]] = result["value"]
    assert len(levels) == len(tracker_framework.competencies)
    assert levels["appraise.validity"] == "Level 2: Experienced"
    assert levels["integrate.family_voice"] == "Level 1: Consolidation"
    assert levels["share.champion"] == "Not yet evidenced"
    assert ratings["Self-rated confidence before the course: Appraise"] == "2"
    assert len(ratings) == 6  # no ratings after the course yet


def test_evidence_lists_each_block_behind_a_level_once(record, course):
    evidence = record["evidence"]
    names = [item["name"] for item in evidence]
    assert sorted(names) == sorted(
        course.block(name).display_name for name in (SOS, PARENTS, PRE_BIRTH)
    )
    sos = next(item for item in evidence if item["name"] == course.block(SOS).display_name)
    assert sos["type"] == ["Evidence"]
    assert sos["genre"] == "Appraisal exercise"
    assert "80%" in sos["description"]
    assert "2027-02-01" in sos["description"]
    assert "appraise.validity" in sos["description"]


def test_framework_page_describes_every_competency(course, tracker_framework):
    response = course.call("framework_page", method="GET", user="anonymous")
    assert response.status_code == 200
    assert response.content_type == "text/html"
    page = lxml.html.fromstring(response.body)
    assert page.get("lang") == "en"
    for competency in tracker_framework.competencies:
        section = page.get_element_by_id(competency.id)
        assert competency.title.get("en") in section.text_content()
        assert competency.descriptor(4, "en") in section.text_content()
    assert course.call("framework_page", method="POST").status_code == 405
