"""Median time of one submission through the workbench: our appraisal block beside the SDK's
own sample problem block, in the same run, on the same server.

Each round is a fresh learner (so attempts never run out): open the page, then time the
submit handler alone. Run by hand:

    python benchmarks/appraisal_submit_latency.py [--rounds 40]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from eip.workbench.process import PageClient, block_usage_ids, running_workbench

APPRAISAL_SCENARIO = "eip_appraisal.1"  # the trial checklist: 13 items and an overall
SAMPLE_SCENARIO = "problem_demo.0"
# What the sample problem's own JavaScript posts for its text input.
SAMPLE_ANSWER = {"vote_count": [{"name": "input", "value": "3"}]}


def expert_like_appraisal() -> dict:
    """Answers every item as the expert did, from the shipped exercise (built, not stored)."""
    from xblocks.appraisal.model.exercise import parse_exercise
    from xblocks.appraisal.model.library import shipped_root

    path = shipped_root("xblocks.appraisal.exercises", "appraisals") / "fgc-trial.xml"
    exercise = parse_exercise(path.read_text(encoding="utf-8"), source=str(path))
    answers = {}
    for item in exercise.instrument.items:
        if item.text_only:
            answers[item.id] = {"answer": "The interval is wide but excludes no effect."}
        else:
            value = exercise.expert_answers[item.id].value
            answers[item.id] = {"answer": value, "reason": "Reason written by the learner. " * 8}
    overall = {"answer": exercise.overall_value, "reason": "Overall reason. " * 10}
    return {"answers": answers, "overall": overall}


def time_submissions(
    base: str, rounds: int, scenario: str, block_type: str, handler: str, body: dict
) -> list[float]:
    timings = []
    for _ in range(rounds):
        student = f"bench_{uuid.uuid4().hex[:12]}"
        page = PageClient(base, student)
        usage_id = block_usage_ids(page.get(f"scenario/{scenario}/"), block_type)[0]
        started = time.perf_counter()
        status, answer = page.post_json(f"handler/{usage_id}/{handler}/", body)
        timings.append(time.perf_counter() - started)
        if status != 200:
            raise SystemExit(f"{block_type} {handler} answered {status}: {answer}")
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    rounds = parser.parse_args().rounds
    samples = {"EIP_WORKBENCH_SAMPLES": "yes"}
    with (
        tempfile.TemporaryDirectory() as folder,
        running_workbench(Path(folder) / "var", env=samples) as (base, _),
    ):
        # Warm both code paths once before timing.
        time_submissions(
            base, 2, APPRAISAL_SCENARIO, "eip_appraisal", "submit", expert_like_appraisal()
        )
        time_submissions(base, 2, SAMPLE_SCENARIO, "problem_demo", "check", SAMPLE_ANSWER)
        ours = time_submissions(
            base, rounds, APPRAISAL_SCENARIO, "eip_appraisal", "submit", expert_like_appraisal()
        )
        sample = time_submissions(
            base, rounds, SAMPLE_SCENARIO, "problem_demo", "check", SAMPLE_ANSWER
        )
    for name, timings in (("eip_appraisal submit", ours), ("SDK problem_demo check", sample)):
        print(
            f"{name}: median {statistics.median(timings) * 1000:.1f} ms, "
            f"p90 {statistics.quantiles(timings, n=10)[-1] * 1000:.1f} ms over {rounds} rounds"
        )
    ratio = statistics.median(ours) / statistics.median(sample)
    print(f"ratio (ours / sample): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
