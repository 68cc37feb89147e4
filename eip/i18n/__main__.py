"""`python -m eip.i18n [--check] [--root DIR]`: refresh the catalogues, or check them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eip.i18n.catalogues import CATALOGUES
from eip.i18n.check import problems
from eip.i18n.refresh import refresh


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eip.i18n", description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the repository (default: this folder)"
    )
    parser.add_argument(
        "--check", action="store_true", help="change nothing; list what is missing or stale"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    missing = sorted({s for spec in CATALOGUES for s in spec.sources if not (root / s).is_dir()})
    if missing:
        # Refreshing elsewhere would write empty catalogues into that folder.
        parser.error(
            f"{root} is not the repository (it lacks {', '.join(missing)}). "
            "Run it in the repository's folder, or point --root at it."
        )
    if not args.check:
        for path in refresh(root):
            print(f"wrote {path.relative_to(root)}")
    found = problems(root)
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
