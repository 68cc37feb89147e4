"""The eip Tutor plugin: found through its entry point, its settings and what it renders."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

VERSION = version("evidence-in-practice")
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "operators.md"
DOCKERFILE = ("build", "openedx", "Dockerfile")


def _install_lines(dockerfile: str) -> list[str]:
    """The package specs the python-requirements stage pip-installs, in order."""
    stage = dockerfile.split("FROM python AS python-requirements", 1)[1].split("\nFROM ", 1)[0]
    return re.findall(r"\$PIP_COMMAND install[^\n]*?'([^']+)'", stage)


def test_the_plugin_is_installed_with_the_package(tutor):
    listed = tutor("plugins", "list").stdout
    assert re.search(rf"^eip\s+installed\s+{re.escape(VERSION)}$", listed, re.MULTILINE), listed


def test_enabling_it_installs_this_version_into_the_openedx_image(enabled):
    assert enabled("config", "printvalue", "EIP_PIP_SPEC").stdout.strip() == (
        f"evidence-in-practice=={VERSION}"
    )
    dockerfile = enabled.rendered(*DOCKERFILE)
    assert _install_lines(dockerfile) == [f"evidence-in-practice=={VERSION}"]
    # In the stage that builds the platform's virtual environment, after its requirements.
    stage_start = dockerfile.index("FROM python AS python-requirements")
    assert dockerfile.index("requirements/edx/base.txt", stage_start) < dockerfile.index(
        "evidence-in-practice=="
    )


def test_the_pip_spec_is_a_setting(enabled):
    spec = "evidence-in-practice @ https://example.org/evidence_in_practice-0.2.0-py3-none-any.whl"
    enabled("config", "save", "--set", f"EIP_PIP_SPEC={spec}")
    assert _install_lines(enabled.rendered(*DOCKERFILE)) == [spec]
    enabled("config", "save", "--set", "EIP_VERSION=0.1.9")
    assert _install_lines(enabled.rendered(*DOCKERFILE)) == [spec]
    enabled("config", "save", "--unset", "EIP_PIP_SPEC")
    assert _install_lines(enabled.rendered(*DOCKERFILE)) == ["evidence-in-practice==0.1.9"]


def test_the_operators_own_extra_requirements_are_kept(enabled):
    enabled("config", "save", "--append", "OPENEDX_EXTRA_PIP_REQUIREMENTS=xblock-poll==1.14.0")
    assert _install_lines(enabled.rendered(*DOCKERFILE)) == [
        f"evidence-in-practice=={VERSION}",
        "xblock-poll==1.14.0",
    ]


def test_settings_have_documented_defaults(enabled):
    saved = enabled.root.joinpath("config.yml").read_text(encoding="utf-8")
    assert "EIP_" not in saved  # defaults stay defaults: an upgrade brings the new version
    guide = GUIDE.read_text(encoding="utf-8")
    for name in ("EIP_PIP_SPEC", "EIP_VERSION"):
        assert f"`{name}`" in guide


def test_disabling_it_removes_the_package_from_the_image(enabled):
    enabled("plugins", "disable", "eip")
    enabled("config", "save")
    assert "evidence-in-practice" not in enabled.rendered(*DOCKERFILE)
    assert "EIP_" not in enabled.root.joinpath("config.yml").read_text(encoding="utf-8")


def test_nothing_else_is_rendered_differently(tutor):
    tutor("config", "save")
    before = {path: text for path, text in _env_files(tutor)}
    tutor("plugins", "enable", "eip")
    tutor("config", "save")
    after = dict(_env_files(tutor))
    changed = sorted(path for path in after if after[path] != before.get(path))
    assert changed == ["build/openedx/Dockerfile"]


def _env_files(tutor):
    env = tutor.root / "env"
    for path in sorted(env.rglob("*")):
        if path.is_file():
            yield path.relative_to(env).as_posix(), path.read_bytes()


def test_a_mounted_checkout_is_installed_instead_of_the_spec(enabled, tmp_path):
    checkout = tmp_path / "evidence-in-practice"
    checkout.mkdir()
    enabled("mounts", "add", str(checkout))
    enabled("config", "save")
    dockerfile = enabled.rendered(*DOCKERFILE)
    assert "FROM scratch AS mnt-evidence-in-practice" in dockerfile
    assert 'install -e "/mnt/evidence-in-practice"' in dockerfile
    assert "evidence-in-practice==" not in dockerfile
    compose = enabled.rendered("local", "docker-compose.yml")
    assert f"{checkout}:/mnt/evidence-in-practice" in compose
    enabled("mounts", "remove", str(checkout))
    enabled("config", "save")
    assert _install_lines(enabled.rendered(*DOCKERFILE)) == [f"evidence-in-practice=={VERSION}"]
