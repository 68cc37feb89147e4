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
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from workbench_session import PageSession, workbench

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
        session = PageSession(base)
        usage_id = session.usage_ids(scenario, student, block_type)[0]
        started = time.perf_counter()
        status, answer = session.post_json(usage_id, handler, body, student)
        timings.append(time.perf_counter() - started)
        if status != 200:
            raise SystemExit(f"{block_type} {handler} answered {status}: {answer}")
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    rounds = parser.parse_args().rounds
    with workbench(samples=True) as base:
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
