"""`eip report` at the scale of a whole workforce: 30,000 staff and a tracking log of about
1,000,000 events, mostly the LMS's own (page views, videos, problem checks), some ours.

One run generates its inputs in a temporary folder (never committed) and measures, each in a
child process of its own so that peak memory is that process's alone:

- `eip report` end to end (reading, statuses, competencies, HTML, CSV and XLSX);
- `eip report` on the largest log given twice (as overlapping rotated copies would be): the
  same results, and memory that does not grow with the lines read;
- the floor: a bare loop that only `json.loads` every line of the same log;
- what an analyst would reach for: pandas `read_json(lines=True)` and a group-by for the
  same counts (skipped, with a note, when pandas is not installed:
  `pip install pandas` in a virtual environment of its own).

Target: `eip report` within 1.5 times the bare loop, faster than pandas, peak memory under
200 MB and about the same at every log size; the run ends with a PASS or FAIL line for each
(and exits 1 if any failed). Run by hand:

    python benchmarks/report_scale.py [--events 100000 1000000] [--staff 30000] [--once]
        [--repeat N] [--keep]

On a busy machine `--repeat 3` runs `eip report` and the bare loop three times each, taking
turns, and compares their best times.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

SEED = 20270630
AS_OF = "2027-06-30"
TEAMS = 300
OUR_SHARE = 0.12  # of all events: our blocks' events (the rest is the LMS's own)
UNKNOWN_SHARE = 0.01  # of our events: usernames not in the roster
ROLES = ("Social worker", "Senior practitioner", "Family support worker", "Team manager")
AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"
)


# --- inputs ------------------------------------------------------------------------------


def course_blocks(code: str, version: str, names: list[tuple[str, str, float]]) -> list[dict]:
    return [
        {
            "usage_id": f"block-v1:EIP+{code}+{version}+type@{kind}+block@{name}",
            "type": kind,
            "url_name": name,
            "display_name": name.replace("-", " ").capitalize(),
            "section": "01-section",
            "unit": f"{index:02d}-unit",
            "graded": weight > 0,
            "completable": weight > 0,
            "weight": weight,
            "competencies": [{"id": "appraise.validity", "level": 2}]
            if kind == "eip_appraisal"
            else [{"id": "integrate.sources", "level": 2}],
            "source": "",
        }
        for index, (kind, name, weight) in enumerate(names, start=1)
    ]


COURSES = {
    ("research-literacy", "RL101", "1.0"): [
        ("eip_appraisal", "fgc-trial", 1.0),
        ("eip_appraisal", "parenting-review", 1.0),
        ("eip_case_study", "pre-birth", 2.0),
        ("eip_appraisal", "signs-of-safety", 1.0),
    ],
    ("research-literacy", "RL101", "1.1"): [
        ("eip_appraisal", "fgc-trial", 1.0),
        ("eip_appraisal", "parenting-review", 1.0),
        ("eip_case_study", "pre-birth", 2.0),
        ("eip_appraisal", "signs-of-safety", 1.0),
        ("eip_appraisal", "qualitative-study", 1.0),
    ],
    ("appraising-reviews", "AR201", "1.0"): [
        ("eip_appraisal", "review-one", 1.0),
        ("eip_appraisal", "review-two", 1.0),
    ],
}


def write_inputs(folder: Path, staff: int) -> dict[str, Path]:
    dist = folder / "dist"
    dist.mkdir(parents=True)
    for (slug, code, version), names in COURSES.items():
        manifest = {
            "manifest_version": 1,
            "course": {
                "slug": slug,
                "version": version,
                "course_id": f"course-v1:EIP+{code}+{version}",
                "org": "EIP",
                "code": code,
                "title": {"en": slug.replace("-", " ").capitalize()},
                "framework": "research-literacy",
                "hash": "",
            },
            "blocks": course_blocks(code, version, names),
        }
        (dist / f"{slug}-{version}.manifest.json").write_text(json.dumps(manifest))
    rng = random.Random(SEED)
    roster = folder / "staff.csv"
    with roster.open("w", encoding="utf-8") as out:
        out.write("Username,Full name,Team,Line manager,Role,Start date\n")
        for n in range(staff):
            team = n % TEAMS
            start = datetime(2024, 1, 1) + timedelta(days=rng.randrange(0, 1200))
            out.write(
                f"staff{n:05d},Person {n},Team {team:03d},Manager {team:03d},"
                f"{ROLES[n % len(ROLES)]},{start:%Y-%m-%d}\n"
            )
    requirements = folder / "requirements.toml"
    requirements.write_text(
        textwrap.dedent(
            """\
            [defaults]
            due_days = 90
            pass_mark = 0.6
            [courses.research-literacy]
            renew_months = 24
            [roles]
            "Social worker" = ["research-literacy"]
            "Senior practitioner" = ["research-literacy", "appraising-reviews"]
            "Team manager" = ["research-literacy"]
            """
        )
    )
    return {"dist": dist, "roster": roster, "requirements": requirements}


def _record(username: str, when: datetime, event_type: str, course: str, event, usage: str) -> str:
    return json.dumps(
        {
            "name": event_type,
            "event_type": event_type,
            "event_source": "server" if isinstance(event, dict) else "browser",
            "username": username,
            "time": when.isoformat(),
            "event": event,
            "context": {
                "course_id": course,
                "org_id": course.split(":")[1].split("+")[0] if ":" in course else "",
                "user_id": zlib.crc32(username.encode()) % 10_000_000,
                "path": f"/courses/{course}/courseware/",
                "module": {"usage_key": usage, "display_name": "Unit"},
                "enterprise_uuid": "",
            },
            "host": "lms.council.example",
            "ip": "10.1.2.3",
            "agent": AGENT,
            "referer": f"https://lms.council.example/courses/{course}/courseware/section/unit/",
            "accept_language": "en-GB,en;q=0.9,cy;q=0.8",
            "page": f"https://lms.council.example/courses/{course}/courseware/",
            "session": f"{zlib.crc32(username.encode()):032x}",
        }
    )


def _lms_event(rng: random.Random, username: str, when: datetime) -> str:
    course = rng.choice(
        ["course-v1:EIP+RL101+1.0", "course-v1:EIP+RL101+1.1", "course-v1:COUNCIL+SG1+2027"]
    )
    usage = (
        course.replace("course-v1:", "block-v1:")
        + "+type@vertical+block@"
        + f"{rng.getrandbits(32):08x}"
    )
    kind = rng.random()
    if kind < 0.45:
        return _record(
            username,
            when,
            "edx.ui.lms.sequence.tab_selected",
            course,
            json.dumps({"current_tab": 2, "target_tab": 3, "id": usage}),
            usage,
        )
    if kind < 0.7:
        return _record(
            username,
            when,
            "play_video",
            course,
            json.dumps({"id": "a1b2", "currentTime": rng.random() * 600, "code": "html5"}),
            usage,
        )
    if kind < 0.9:
        return _record(username, when, f"/courses/{course}/courseware/", course, "{}", usage)
    # a problem check carries "grade" inside its data: read, then dropped by its type
    return _record(
        username,
        when,
        "problem_check",
        course,
        {
            "grade": rng.randrange(0, 2),
            "max_grade": 1,
            "attempts": 1,
            "problem_id": usage,
            "success": "correct",
        },
        usage,
    )


def _our_event(rng: random.Random, username: str, when: datetime) -> str:
    (_slug, code, version), names = rng.choice(list(COURSES.items()))
    kind, name, weight = rng.choice(names)
    usage = f"block-v1:EIP+{code}+{version}+type@{kind}+block@{name}"
    course = f"course-v1:EIP+{code}+{version}"
    share = rng.choice([0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
    grade = {"value": share * weight, "max_value": weight}
    if kind == "eip_appraisal":
        data = {
            "instrument_id": "rct", "instrument_version": "1",
            "competencies": [{"id": "appraise.validity", "level": 2}], "stopped": False,
            "answers": {str(i): {"answer": "yes", "credit": 1.0} for i in range(1, 12)},
            "overall": {"answer": "moderate", "credit": 1.0},
            "score": {"earned": share * 12, "possible": 12, "fraction": share},
            "attempt": 1, "max_attempts": 0, "grade": grade,
            "course_version": version, "usage_id": usage,
        }  # fmt: skip
        return _record(username, when, "edx.eip.appraisal.submitted", course, data, usage)
    if rng.random() < 0.7:
        data = {"node": "n1", "kind": "decision", "choice": "c1", "points": 1, "to": "n2",
                "path": ["referral", "n1"], "total_points": 1, "attempt": 1,
                "competencies": [{"id": "integrate.sources", "level": 2}],
                "course_version": version, "usage_id": usage}  # fmt: skip
        return _record(username, when, "edx.eip.case_study.step", course, data, usage)
    data = {"ending": "end-safe", "path": ["referral", "n1", "end-safe"], "choices": [],
            "points": 4, "max_points": 5, "fraction": share, "attempt": 1, "max_attempts": 2,
            "grading": "best", "grade": grade,
            "competencies": [{"id": "integrate.sources", "level": 2}],
            "course_version": version, "usage_id": usage}  # fmt: skip
    return _record(username, when, "edx.eip.case_study.completed", course, data, usage)


def write_log(path: Path, events: int, staff: int) -> None:
    rng = random.Random(SEED + events)
    start = datetime(2026, 7, 1, tzinfo=UTC)
    span = 365 * 24 * 3600
    with path.open("w", encoding="utf-8") as out:
        for _ in range(events):
            when = start + timedelta(seconds=rng.randrange(span), microseconds=rng.randrange(10**6))
            if rng.random() < OUR_SHARE:
                user = (
                    f"visitor{rng.randrange(500)}"
                    if rng.random() < UNKNOWN_SHARE
                    else f"staff{rng.randrange(staff):05d}"
                )
                out.write(_our_event(rng, user, when) + "\n")
            else:
                out.write(_lms_event(rng, f"staff{rng.randrange(staff):05d}", when) + "\n")


# --- measuring ---------------------------------------------------------------------------

BARE_LOOP = """
import json, sys
count = 0
with open(sys.argv[1], "rb") as log:
    for line in log:
        json.loads(line)
        count += 1
print(count)
"""

PANDAS = """
import sys
import pandas as pd
frame = pd.read_json(sys.argv[1], lines=True)
ours = frame[frame["event_type"].str.startswith("edx.eip.")
             | frame["event_type"].isin(["grade", "completion"])]
usage = ours["context"].map(lambda c: (c.get("module") or {}).get("usage_key"))
print(ours.assign(usage=usage).groupby(["username", "usage"]).size().shape[0])
"""


def measure(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak resident memory (MB) of the child, and what it printed."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    output = child.stdout.read() if child.stdout else ""
    errors = child.stderr.read() if child.stderr else ""
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} failed ({child.returncode}):\n{errors}")
    return seconds, usage.ru_maxrss / 1024, output


def best_of(repeat: int, commands: dict[str, list[str]]) -> dict[str, tuple[float, float, str]]:
    """Each command `repeat` times, taking turns: the fastest time, the highest peak."""
    runs: dict[str, list[tuple[float, float, str]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(measure(command))
    return {
        name: (min(r[0] for r in done), max(r[1] for r in done), done[0][2])
        for name, done in runs.items()
    }


def has_pandas() -> bool:
    return (
        subprocess.run([sys.executable, "-c", "import pandas"], capture_output=True).returncode == 0
    )


def run(
    events: int, staff: int, folder: Path, inputs: dict[str, Path], twice: bool, repeat: int
) -> dict:
    log = folder / f"tracking-{events}.log"
    started = time.perf_counter()
    write_log(log, events, staff)
    made = time.perf_counter() - started
    size = log.stat().st_size / 1e6
    print(f"\n{events:,} events ({size:,.0f} MB, generated in {made:.0f} s)")
    report = [
        sys.executable, "-m", "eip.cli", "report", "--events", str(log),
        "--manifests", str(inputs["dist"]), "--roster", str(inputs["roster"]),
        "--requirements", str(inputs["requirements"]), "--out", str(folder / f"report-{events}"),
        "--as-of", AS_OF, "--no-progress",
    ]  # fmt: skip
    commands = {"eip report": report}
    if twice:  # the same log given twice, as overlapping rotated copies: every event repeated
        copy = log.with_name(f"{log.name}.copy")
        copy.symlink_to(log)  # another name, so it is read again
        commands["eip report, log given twice"] = [*report, "--events", str(copy)]
    commands["bare json.loads loop"] = [sys.executable, "-c", BARE_LOOP, str(log)]
    results = best_of(repeat, commands)
    if has_pandas():
        results["pandas read_json + group-by"] = measure([sys.executable, "-c", PANDAS, str(log)])
    floor = results["bare json.loads loop"][0]
    for name, (seconds, peak, _) in results.items():
        print(f"  {name:<30} {seconds:7.2f} s  {seconds / floor:5.2f}x floor  peak {peak:6.0f} MB")
    if not has_pandas():
        print("  pandas comparison skipped: pandas is not installed (pip install pandas)")
    summary = results["eip report"][2].strip().splitlines()
    print("  " + "\n  ".join(line for line in summary if not line.startswith("Wrote")))
    return results


# The targets: within this many times the bare loop, under this peak, peaks at every log
# size within this share of the smallest's, and the largest log read twice within this
# share of it read once.
FLOOR_RATIO = 1.5
PEAK_MB = 200
SAME_MEMORY = 0.25
SAME_READ_TWICE = 0.10


def verdicts(sizes: list[int], results: list[dict]) -> list[tuple[bool | None, str]]:
    """(passed, what) for each target; passed is None when it could not be measured."""
    lines: list[tuple[bool | None, str]] = []
    for events, found in zip(sizes, results, strict=True):
        seconds, peak, _ = found["eip report"]
        floor = found["bare json.loads loop"][0]
        lines.append(
            (
                seconds <= FLOOR_RATIO * floor,
                f"{events:,} events: eip report {seconds:.2f} s = {seconds / floor:.2f}x the bare "
                f"loop ({floor:.2f} s); target at most {FLOOR_RATIO}x",
            )
        )
        pandas = found.get("pandas read_json + group-by")
        lines.append(
            (
                None if pandas is None else seconds < pandas[0],
                f"{events:,} events: eip report {seconds:.2f} s, pandas "
                + ("not installed" if pandas is None else f"{pandas[0]:.2f} s")
                + "; target faster than pandas",
            )
        )
        lines.append(
            (
                peak < PEAK_MB,
                f"{events:,} events: peak memory {peak:.0f} MB; target under {PEAK_MB} MB",
            )
        )
    peaks = [found["eip report"][1] for found in results]
    if len(peaks) > 1:
        growth = max(peaks) / peaks[0] - 1
        lines.append(
            (
                growth <= SAME_MEMORY,
                f"peak memory {' -> '.join(f'{p:.0f}' for p in peaks)} MB from {sizes[0]:,} to "
                f"{sizes[-1]:,} events ({growth:+.0%}); target about the same (within "
                f"{SAME_MEMORY:.0%}; it grows with the learner-block pairs that have activity)",
            )
        )
    twice = results[-1].get("eip report, log given twice")
    if twice is not None:
        once = results[-1]["eip report"][1]
        growth = twice[1] / once - 1
        lines.append(
            (
                growth <= SAME_READ_TWICE,
                f"peak memory with the {sizes[-1]:,} lines read twice: {twice[1]:.0f} MB, once: "
                f"{once:.0f} MB ({growth:+.0%}); target not growing with the lines read (within "
                f"{SAME_READ_TWICE:.0%})",
            )
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--staff", type=int, default=30_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    parser.add_argument(
        "--once", action="store_true", help="skip reading the largest log twice over"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run eip report and the bare loop this many times each, taking turns, and keep "
        "the best time (on a busy machine; default %(default)s)",
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="eip-report-bench-"))
    try:
        inputs = write_inputs(folder, args.staff)
        results = []
        for events in args.events:
            twice = events == args.events[-1] and not args.once
            results.append(run(events, args.staff, folder, inputs, twice, max(1, args.repeat)))
    finally:
        if args.keep:
            print(f"\ninputs and reports kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print()
    failed = False
    for passed, what in verdicts(args.events, results):
        print(f"{'SKIP' if passed is None else 'PASS' if passed else 'FAIL'}  {what}")
        failed = failed or passed is False
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
