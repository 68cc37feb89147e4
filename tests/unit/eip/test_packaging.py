"""What `pip install evidence-in-practice` brings, and what only the workbench extra does."""

from importlib.metadata import distribution, entry_points

from packaging.requirements import Requirement

SDK_ONLY = {"xblock-sdk", "django", "openedx-django-pyfs"}


def requirements() -> list[Requirement]:
    return [Requirement(text) for text in distribution("evidence-in-practice").requires or []]


def test_plain_install_never_brings_the_sdk_or_django() -> None:
    plain = {req.name.lower() for req in requirements() if req.marker is None}
    assert plain >= {"xblock", "lxml", "markdown", "nh3", "web-fragments"}
    assert not plain & SDK_ONLY


def test_workbench_extra_brings_the_sdk() -> None:
    workbench = {
        req.name.lower()
        for req in requirements()
        if req.marker is not None and req.marker.evaluate({"extra": "workbench"})
    }
    assert "xblock-sdk" in workbench


def test_every_block_has_an_entry_point_that_loads() -> None:
    ours = {
        point.name: point
        for point in entry_points(group="xblock.v1")
        if point.name.startswith("eip_")
    }
    assert set(ours) == {"eip_appraisal", "eip_case_study", "eip_competency_tracker"}
    for point in ours.values():
        assert point.load().__name__.endswith("Block")


def test_console_script_is_installed() -> None:
    scripts = {point.name: point.value for point in entry_points(group="console_scripts")}
    assert scripts["eip"] == "eip.cli:main"
