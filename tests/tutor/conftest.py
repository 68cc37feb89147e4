"""Tutor, run as an operator runs it, in a temporary Tutor root (no Docker needed).

These tests need the `tutor` package and this project installed beside it: `tox -e tutor`.
The main test environments do not collect this folder (tox.ini passes --ignore).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TUTOR = Path(sys.executable).with_name("tutor")


class Tutor:
    """The `tutor` command with its own root and no plugins but installed packages'."""

    def __init__(self, root: Path, plugins: Path) -> None:
        self.root = root
        self.env = {
            **os.environ,
            "TUTOR_ROOT": str(root),
            "TUTOR_PLUGINS_ROOT": str(plugins),
        }

    def __call__(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [str(TUTOR), *args], env=self.env, capture_output=True, text=True, timeout=300
        )
        if check:
            assert done.returncode == 0, f"tutor {' '.join(args)}:\n{done.stdout}{done.stderr}"
        return done

    def rendered(self, *path: str) -> str:
        """A file of the environment `tutor config save` rendered."""
        return self.root.joinpath("env", *path).read_text(encoding="utf-8")


@pytest.fixture
def tutor(tmp_path: Path) -> Tutor:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    return Tutor(tmp_path / "tutor-root", plugins)


@pytest.fixture
def enabled(tutor: Tutor) -> Tutor:
    """A Tutor root with the eip plugin enabled and the environment rendered."""
    tutor("plugins", "enable", "eip")
    tutor("config", "save")
    return tutor


@pytest.fixture(scope="session")
def built_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped research-literacy 1.0 course, built by `eip build`."""
    from eip.cli import main

    out = tmp_path_factory.mktemp("dist")
    status = main(["build", str(ROOT / "courses" / "research-literacy" / "1.0"), "--out", str(out)])
    assert status == 0
    return out / "research-literacy-1.0.tar.gz"


@pytest.fixture
def job_script() -> Callable[[str], str]:
    """job_script(archive): the eip-importcourse job's script, rendered by Tutor's templates
    engine as `tutor local do` renders it."""
    from tutor import config as tutor_config
    from tutor import env as tutor_env
    from tutor import hooks

    from eip.tutor.plugin import import_script

    hooks.Actions.CORE_READY.do()
    config = tutor_config.get_base()

    def render(archive: str) -> str:
        return tutor_env.render_str(config, import_script(archive))

    return render
