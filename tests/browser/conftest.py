"""Browser tests: Debian's Chromium, driven by Playwright, against a live `eip serve`."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from eip.workbench.process import WorkbenchDidNotStart, running_workbench

REPOSITORY = Path(__file__).resolve().parents[2]
# The browser tests' shared helpers (welsh_pages.py) are imported by module name.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def chromium_path() -> str:
    path = os.environ.get("EIP_CHROMIUM", "/usr/bin/chromium")
    if not os.access(path, os.X_OK):
        # A missing browser fails the run: browser tests are never silently skipped.
        pytest.fail(
            f"no Chromium at {path}. Install Debian's package (apt-get install chromium) "
            "or set EIP_CHROMIUM; `make test` does this for you when run as root.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def workbench_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `eip serve` in its own data folder, for the whole session; yields its address."""
    data_dir = tmp_path_factory.mktemp("serve") / "var"
    courses = {"EIP_COURSES_DIR": str(REPOSITORY / "courses")}
    try:
        with running_workbench(data_dir, env=courses) as (base, _):
            yield base
    except WorkbenchDidNotStart as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # Two cores shared with the server: give assertions room before calling a page wrong.
    expect.set_options(timeout=15_000)

    executable = chromium_path()
    with sync_playwright() as playwright:
        # Playwright gives each launch a fresh, empty profile of its own.
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """`eip report` and the other commands speak the language the environment names: the
    tests run in English wherever they run, unless a test asks for Welsh (`--lang cy`)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def page(browser, workbench_server: str):
    context = browser.new_context(base_url=workbench_server)
    opened = context.new_page()
    yield opened
    context.close()


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = ("serious", "critical")


def axe_source() -> str:
    # axe-core's own build, as shipped inside the axe-playwright-python wheel.
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def axe_violations(page: Any, *, include: str | None = None) -> list[dict[str, Any]]:
    """Serious and critical WCAG 2.2 A/AA violations on the page (or inside `include`)."""
    page.evaluate(axe_source())
    results = page.evaluate(
        """async ([include, tags]) => await axe.run(include || document,
               {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        [include, WCAG_TAGS],
    )
    return [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']} - {violation['help']}")
        lines.extend(f"    {' '.join(node['target'])}" for node in violation["nodes"][:5])
    return "\n".join(lines)


def check_accessible(page: Any, *, include: str | None = None) -> None:
    violations = axe_violations(page, include=include)
    assert not violations, "axe found serious or critical violations:\n" + describe(violations)


@pytest.fixture
def assert_accessible():
    """`assert_accessible(page, include=css)`: no serious or critical axe violations."""
    return check_accessible
