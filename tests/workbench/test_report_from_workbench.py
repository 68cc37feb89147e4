"""The workbench path end to end: learners complete exercises in a real `eip serve`, and
`eip report` on its tracking.log shows them completed with the right version and score."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from eip.cli import main
from eip.workbench.process import PageClient, block_usage_ids, running_workbench
from xblocks.appraisal.block import AppraisalBlock
from xblocks.appraisal.model.exercise import parse_exercise
from xblocks.appraisal.model.scoring import score_appraisal

COURSE = "course-v1:EIP+RL101+1.0"  # the course run this workbench stands for
EXERCISES = 2  # the course in the manifest holds the first two shipped exercises


def manifest(version: str, exercises: list[tuple[str, str]]) -> dict:
    blocks = [
        {
            "usage_id": f"block-v1:EIP+RL101+{version}+type@eip_appraisal+block@ex{n}",
            "type": "eip_appraisal",
            "url_name": f"ex{n}",
            "display_name": name,
            "section": "01-appraising",
            "unit": f"0{n + 1}-exercise",
            "graded": True,
            "completable": True,
            "weight": 1.0,
            "competencies": [],
            "source": "",
        }
        for n, (name, _) in enumerate(exercises)
    ]
    course = {
        "slug": "research-literacy",
        "version": version,
        "course_id": f"course-v1:EIP+RL101+{version}",
        "org": "EIP",
        "code": "RL101",
        "title": {"en": "Using research in practice"},
        "framework": "",
        "hash": "",
    }
    return {"manifest_version": 1, "course": course, "blocks": blocks}


def another_overall(xml: str, body: dict) -> dict:
    """The same appraisal with a different overall judgement from the expert's."""
    exercise = parse_exercise(xml, source="scenario")
    scale = exercise.instrument.scale(exercise.instrument.overall_scale_id)
    other = next(o.value for o in scale.options if o.value != exercise.overall_value)
    return {**body, "overall": {"answer": other, "reason": "I judged it differently."}}


def submit(client: PageClient, index: int, body: dict) -> None:
    html = client.get(f"/scenario/eip_appraisal.{index}/")
    (usage_id,) = block_usage_ids(html, "eip_appraisal")
    status, reply = client.post_json(f"/handler/{usage_id}/submit/", body)
    assert status == 200, reply


@pytest.fixture
def inputs(tmp_path: Path) -> dict:
    exercises = AppraisalBlock.workbench_scenarios()[:EXERCISES]
    dist = tmp_path / "dist"
    dist.mkdir()
    for version in ("1.0", "1.1"):  # the same exercises in both: the run must tell them apart
        (dist / f"research-literacy-{version}.manifest.json").write_text(
            json.dumps(manifest(version, exercises)), encoding="utf-8"
        )
    roster = tmp_path / "staff.csv"
    roster.write_text(
        "id,name,team,role,start\n"
        "wb_alys,Alys Evans,Assessment North,Social worker,2026-01-05\n"
        "wb_bryn,Bryn Hughes,Assessment North,Social worker,2026-01-05\n",
        encoding="utf-8",
    )
    requirements = tmp_path / "requirements.toml"
    requirements.write_text(
        '[defaults]\ndue_days = 3650\n[roles]\n"*" = ["research-literacy"]\n', encoding="utf-8"
    )
    return {"exercises": exercises, "dist": dist, "roster": roster, "requirements": requirements}


def test_completed_in_the_workbench_shows_completed_with_version_and_score(
    inputs, tmp_path, complete_appraisal
) -> None:
    exercises = inputs["exercises"]
    first = complete_appraisal(exercises[0][1])
    second = another_overall(exercises[1][1], complete_appraisal(exercises[1][1]))
    fractions = [
        score_appraisal(parse_exercise(xml, source="s"), body["answers"], body["overall"]).fraction
        for (_, xml), body in zip(exercises, (first, second), strict=True)
    ]
    assert fractions[1] < 1.0

    data_dir = tmp_path / "var"
    with running_workbench(data_dir, env={"EIP_WORKBENCH_COURSE_ID": COURSE}) as (base, _):
        alys = PageClient(base, "wb_alys")
        submit(alys, 0, first)
        submit(alys, 1, second)
        submit(PageClient(base, "wb_bryn"), 0, first)

    out = tmp_path / "report"
    code = main(
        [
            "report",
            "--events", str(data_dir / "tracking.log"),
            "--manifests", str(inputs["dist"]),
            "--roster", str(inputs["roster"]),
            "--requirements", str(inputs["requirements"]),
            "--out", str(out),
            "--no-progress",
        ]
    )  # fmt: skip
    assert code == 0
    with (out / "completion.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["Username or email"]: row for row in csv.DictReader(handle)}
    alys_row, bryn_row = rows["wb_alys"], rows["wb_bryn"]
    assert (alys_row["Status"], alys_row["Version"]) == ("Completed", "1.0")
    assert float(alys_row["Score (%)"]) == pytest.approx(sum(fractions) / 2 * 100, abs=0.05)
    assert alys_row["Date completed"]
    assert (bryn_row["Status"], bryn_row["Version"], bryn_row["Score (%)"]) == (
        "In progress",
        "1.0",
        "",
    )


def test_a_course_preview_in_the_workbench_reports_with_its_version(
    tmp_path, complete_appraisal
) -> None:
    """The real course, built by `eip build`, previewed by `eip serve`: the preview's
    version (1.1, not 1.0, which holds the same exercise) is the one reported."""
    repo = Path(__file__).parents[2]
    courses = repo / "courses"
    dist = tmp_path / "dist"
    for version in ("1.0", "1.1"):
        folder = courses / "research-literacy" / version
        assert main(["build", str(folder), "--out", str(dist), "--quiet"]) == 0
    blocks = json.loads((dist / "research-literacy-1.1.manifest.json").read_text())["blocks"]
    first = next(block for block in blocks if block["type"] == "eip_appraisal")
    in_unit = [
        block
        for block in blocks
        if block["type"] == "eip_appraisal" and block["unit"] == first["unit"]
    ]
    answers = complete_appraisal((repo / first["source"]).read_text(encoding="utf-8"))
    scenario = f"eip_course.research-literacy.1.1.{first['section']}.{first['unit']}"

    data_dir = tmp_path / "var"
    with running_workbench(data_dir, env={"EIP_COURSES_DIR": str(courses)}) as (base, _):
        client = PageClient(base, "wb_cerys")
        usage_ids = block_usage_ids(client.get(f"/scenario/{scenario}/"), "eip_appraisal")
        assert len(usage_ids) == len(in_unit)
        status, reply = client.post_json(f"/handler/{usage_ids[0]}/submit/", answers)
        assert status == 200, reply

    roster = tmp_path / "staff.csv"
    roster.write_text("id,name,team,role,start\nwb_cerys,Cerys,North,Social worker,\n")
    requirements = tmp_path / "requirements.toml"
    requirements.write_text('[roles]\n"*" = ["research-literacy"]\n')
    out = tmp_path / "report"
    code = main(
        [
            "report",
            "--events", str(data_dir / "tracking.log"),
            "--manifests", str(dist),
            "--roster", str(roster),
            "--requirements", str(requirements),
            "--out", str(out),
            "--no-progress",
        ]
    )  # fmt: skip
    assert code == 0
    with (out / "completion.csv").open(encoding="utf-8", newline="") as handle:
        (row,) = csv.DictReader(handle)
    assert (row["Status"], row["Version"]) == ("In progress", "1.1")
