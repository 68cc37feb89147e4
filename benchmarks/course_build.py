"""Time and memory of building the research-literacy course, the way `eip build` does.

Each round loads the version (reading every page and validating every placed assessment
with its model), writes the OLX and the reproducible archive in memory, and the manifest.
`--scale N` also builds a generated course N times the size (its sections repeated, in a
temporary folder, never committed), to show how the build grows. Run by hand:

    python benchmarks/course_build.py [--rounds 5] [--scale 10] [--olxcleaner]
"""

from __future__ import annotations

import argparse
import gc
import resource
import shutil
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from eip.course import prose
from eip.course.build import build_loaded
from eip.course.loader import load_version
from eip.course.olxclean import available, olxcleaner_errors
from eip.course.problems import Problems
from eip.course.version_file import version_folders

REPOSITORY = Path(__file__).resolve().parents[1]
COURSE = REPOSITORY / "courses" / "research-literacy"


def build_once(folder: Path):
    """One cold build, as one `eip build` run makes it."""
    prose._rendered.cache_clear()
    problems = Problems()
    loaded = load_version(folder, problems)
    if loaded is None or problems:
        raise SystemExit("\n".join(str(problem) for problem in problems))
    return build_loaded(loaded)


def measure(folder: Path, rounds: int) -> dict:
    timings = []
    for _ in range(rounds):
        gc.collect()
        started = time.perf_counter()
        build = build_once(folder)
        timings.append(time.perf_counter() - started)
    gc.collect()
    tracemalloc.start()
    build_once(folder)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "median_s": statistics.median(timings),
        "max_s": max(timings),
        "peak_mib": peak / 2**20,
        "units": len(build.loaded.version.units),
        "files": len(build.files),
        "archive_kib": len(build.archive) / 1024,
        "build": build,
    }


def scaled_copy(folder: Path, scale: int, target: Path) -> Path:
    """A course whose version holds the sections of `folder` repeated `scale` times."""
    course = target / "courses" / "research-literacy"
    course.mkdir(parents=True)
    shutil.copy(COURSE / "course.toml", course / "course.toml")
    version = course / folder.name
    shutil.copytree(folder / "static", version / "static")
    shutil.copy(folder / "version.toml", version / "version.toml")
    sections = sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "static")
    number = 0
    for copy in range(scale):
        for section in sections:
            number += 1
            name = f"{number:03d}-{section.name.split('-', 1)[1]}-{copy}"
            shutil.copytree(section, version / name)
    shutil.copytree(REPOSITORY / "assessments", target / "assessments")
    return version


def report(label: str, result: dict) -> None:
    print(
        f"{label}: {result['units']} units, {result['files']} files, "
        f"archive {result['archive_kib']:.0f} KiB; build median {result['median_s'] * 1000:.0f} ms "
        f"(max {result['max_s'] * 1000:.0f} ms); peak Python memory {result['peak_mib']:.1f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scale", type=int, default=0, help="also build a course N times larger")
    parser.add_argument("--olxcleaner", action="store_true", help="also time the olxcleaner pass")
    args = parser.parse_args()
    folder = version_folders(COURSE)[-1]
    result = measure(folder, args.rounds)
    report(f"research-literacy {folder.name}", result)
    if args.olxcleaner and available():
        started = time.perf_counter()
        errors = olxcleaner_errors(result["build"].files, label=folder.name)
        print(f"olxcleaner: {(time.perf_counter() - started) * 1000:.0f} ms, {len(errors)} errors")
    if args.scale:
        with tempfile.TemporaryDirectory(prefix="eip-bench-") as temporary:
            scaled = scaled_copy(folder, args.scale, Path(temporary))
            report(f"generated course x{args.scale}", measure(scaled, max(1, args.rounds // 2)))
    print(f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
