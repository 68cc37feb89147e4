"""`eip build`: the OLX course Studio imports, reproducible to the byte, and its manifest."""

from __future__ import annotations

import gzip
import json

from lxml import etree

from eip.course.build import build_version
from eip.course.problems import Problems

RUN = "1.0"


def test_same_sources_give_the_same_bytes(demo, build, tmp_path):
    first = build(demo / RUN)
    second = build(demo / RUN)
    assert first.archive == second.archive
    assert first.manifest == second.manifest
    one = first.write(tmp_path / "one")
    two = second.write(tmp_path / "two")
    assert [path.read_bytes() for path in one] == [path.read_bytes() for path in two]
    assert one[0].name == "demo-1.0.tar.gz"
    assert one[1].name == "demo-1.0.manifest.json"


def test_archive_has_no_times_owners_or_varying_order(demo, build, archive_members):
    data = build(demo / RUN).archive
    assert data[4:8] == b"\0\0\0\0"  # gzip header: no modification time
    assert gzip.decompress(data)  # a single gzip member
    members = archive_members(data)
    names = list(members)
    assert names == sorted(names)
    assert all(name == "course" or name.startswith("course/") for name in names)
    for member in members.values():
        assert (member.mtime, member.uid, member.gid, member.uname, member.gname) == (
            0,
            0,
            0,
            "",
            "",
        )
        assert member.mode == (0o755 if member.isdir() else 0o644)


def test_olx_layout(demo, build, archive_members):
    names = set(archive_members(build(demo / RUN).archive))
    expected = {
        "course/course.xml",
        f"course/course/{RUN}.xml",
        "course/chapter/why-evidence.xml",
        "course/sequential/why-evidence__seq.xml",
        "course/vertical/why-evidence__intro.xml",
        "course/vertical/why-evidence_appraising-a-trial.xml",
        "course/html/why-evidence_four-sources__text1.xml",
        "course/html/why-evidence_four-sources__text1.html",
        f"course/policies/{RUN}/policy.json",
        f"course/policies/{RUN}/grading_policy.json",
        "course/about/overview.html",
        "course/static/course-image.png",
        "course/static/sources.svg",
    }
    assert expected <= names


def test_course_points_at_its_run(demo, build, archive_file):
    data = build(demo / RUN).archive
    root = etree.fromstring(archive_file(data, "course/course.xml"))
    assert dict(root.attrib) == {"url_name": RUN, "org": "EIPTEST", "course": "DEMO1"}
    chapters = etree.fromstring(archive_file(data, f"course/course/{RUN}.xml"))
    assert [c.get("url_name") for c in chapters] == ["why-evidence", "in-practice"]


def test_policy(demo, build, archive_file):
    policy = json.loads(
        archive_file(build(demo / RUN).archive, f"course/policies/{RUN}/policy.json")
    )
    assert policy == {
        f"course/{RUN}": {
            "display_name": "A demonstration course",
            "language": "en",
            "start": "2027-01-04T00:00:00Z",
            "end": "2027-06-30T23:59:59Z",
            "course_image": "course-image.png",
            "advanced_modules": ["eip_appraisal", "eip_competency_tracker"],
        }
    }


def test_grading_weights_the_graded_blocks(demo, build, archive_file):
    data = build(demo / RUN).archive
    grading = json.loads(archive_file(data, f"course/policies/{RUN}/grading_policy.json"))
    assert grading == {
        "GRADER": [
            {
                "type": "Appraisal",
                "short_label": "APP",
                "min_count": 2,
                "drop_count": 0,
                "weight": 1.0,
            }
        ],
        "GRADE_CUTOFFS": {"Pass": 0.5},
    }
    sequential = etree.fromstring(archive_file(data, "course/sequential/why-evidence__seq.xml"))
    assert (sequential.get("format"), sequential.get("graded")) == ("Appraisal", "true")
    assert [v.get("url_name") for v in sequential] == [
        "why-evidence__intro",
        "why-evidence_four-sources",
        "why-evidence_appraising-a-trial",
    ]


def test_a_unit_is_prose_and_blocks_in_file_order(demo, build, archive_file):
    data = build(demo / RUN).archive
    vertical = etree.fromstring(
        archive_file(data, "course/vertical/why-evidence_appraising-a-trial.xml")
    )
    assert vertical.get("display_name") == "Appraising a trial"
    assert [(child.tag, child.get("url_name")) for child in vertical] == [
        ("html", "why-evidence_appraising-a-trial__text1"),
        ("eip_appraisal", "why-evidence_appraising-a-trial_fgc-trial"),
        ("html", "why-evidence_appraising-a-trial__text2"),
    ]
    block = vertical[1]
    assert block.get("instrument") == "rct"
    assert block.find("study/summary") is not None  # the exercise itself, copied in
    pointer = etree.fromstring(
        archive_file(data, "course/html/why-evidence_appraising-a-trial__text1.xml")
    )
    assert pointer.get("filename") == "why-evidence_appraising-a-trial__text1"
    assert pointer.get("display_name") == "Appraising a trial"


def test_prose_is_cleaned_html_with_static_links_for_open_edx(demo, build, archive_file):
    html = archive_file(
        build(demo / RUN).archive, "course/html/why-evidence_four-sources__text1.html"
    ).decode()
    assert '<p class="eip-title-cy" lang="cy">Pedair ffynhonnell tystiolaeth</p>' in html
    assert "About 15 minutes" in html
    assert "<li>Name the four sources of evidence</li>" in html
    alt = "Four coloured squares, one for each source of evidence"
    assert f'<img alt="{alt}" src="/static/sources.svg">' in html
    assert "<table>" in html
    assert 'rel="noopener noreferrer"' in html


def test_section_introduction_states_outcomes_and_time(demo, build, archive_file):
    html = archive_file(
        build(demo / RUN).archive, "course/html/why-evidence__intro__text.html"
    ).decode()
    assert "About 50 minutes" in html
    assert "By the end of this section you will be able to:" in html
    assert "Appraise a randomised trial with a checklist" in html


def test_assessments_are_copied_so_a_build_does_not_change_with_them(
    copy_fixture, build, archive_file
):
    root = copy_fixture("valid")
    version = root / "courses" / "demo" / RUN
    before = build(version)
    exercise = root / "assessments" / "appraisals" / "fgc-trial.xml"
    exercise.write_text(exercise.read_text().replace("Appraise a trial:", "Appraise a trial now:"))
    after = build(version)
    name = "course/vertical/why-evidence_appraising-a-trial.xml"
    assert b"Appraise a trial: family" in archive_file(before.archive, name)
    assert b"Appraise a trial now: family" in archive_file(after.archive, name)


def test_manifest(demo, build):
    result = build(demo / RUN)
    data = json.loads(result.manifest)
    assert list(data) == ["manifest_version", "course", "sections", "blocks"]
    assert data["manifest_version"] == 1
    assert data["course"] == {
        "slug": "demo",
        "version": RUN,
        "course_id": "course-v1:EIPTEST+DEMO1+1.0",
        "org": "EIPTEST",
        "code": "DEMO1",
        "title": {"en": "A demonstration course", "cy": "Cwrs arddangos"},
        "languages": ["en", "cy"],
        "framework": "research-literacy",
        "hash": result.content_hash,
    }
    assert [
        (section["name"], section["languages"], [unit["languages"] for unit in section["units"]])
        for section in data["sections"]
    ] == [
        ("01-why-evidence", ["en"], [["en"], ["en"]]),
        ("02-in-practice", ["en"], [["en"], ["en"]]),
    ]  # titles in Welsh, prose in English only
    assert data["sections"][0]["units"][0]["title"] == {
        "en": "The four sources of evidence",
        "cy": "Pedair ffynhonnell tystiolaeth",
    }
    first = data["blocks"][0]
    assert first == {
        "usage_id": "block-v1:EIPTEST+DEMO1+1.0+type@eip_appraisal+block@"
        "why-evidence_appraising-a-trial_fgc-trial",
        "type": "eip_appraisal",
        "url_name": "why-evidence_appraising-a-trial_fgc-trial",
        "display_name": "Appraise a trial: family group conferences",
        "section": "01-why-evidence",
        "unit": "02-appraising-a-trial",
        "graded": True,
        "completable": True,
        "weight": 1.0,
        "competencies": [
            {"id": "appraise.validity", "level": 2},
            {"id": "appraise.results", "level": 2},
            {"id": "appraise.applicability", "level": 2},
        ],
        "source": "assessments/appraisals/fgc-trial.xml",
    }
    assert [(b["type"], b["graded"], b["completable"]) for b in data["blocks"]] == [
        ("eip_appraisal", True, True),
        ("eip_appraisal", True, True),
        ("eip_competency_tracker", False, True),
    ]
    assert b"date" not in result.manifest and b"time" not in result.manifest


def test_a_version_with_problems_is_not_built(fixtures):
    problems = Problems()
    assert (
        build_version(fixtures / "unknown-reference" / "courses" / "demo" / "1.0", problems) is None
    )
    assert problems
