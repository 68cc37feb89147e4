"""Packaging for Evidence in Practice: the XBlocks, the `eip` tools and the shipped content."""

from pathlib import Path

from setuptools import setup

HERE = Path(__file__).parent

# Content a block needs at run time lives with the rest of the course content in
# `assessments/`; it ships inside the block's package so the LMS can load it.
CONTENT_PACKAGES = {
    "xblocks.appraisal.instruments": "assessments/instruments",
    "xblocks.appraisal.exercises": "assessments/appraisals",
    "xblocks.case_study.scenarios": "assessments/case-studies",
    "xblocks.competency.frameworks": "assessments/competencies",
}

TOOLS_REQUIREMENTS = [
    "olxcleaner>=0.3",
]

BLOCK_ENTRY_POINTS = [
    "eip_appraisal = xblocks.appraisal.block:AppraisalBlock",
    "eip_case_study = xblocks.case_study.block:CaseStudyBlock",
    "eip_competency_tracker = xblocks.competency.block:CompetencyTrackerBlock",
]

PACKAGE_DATA_PATTERNS = [
    "*.xml",
    "*.rng",
    "templates/*.html",
    "templates/*/*.html",
    "static/*.js",
    "static/*.css",
    "static/*.svg",
    "static/*/*.css",
    "translations/*/LC_MESSAGES/*.po",
    "translations/*/LC_MESSAGES/*.mo",
]


def python_packages() -> list[str]:
    found = []
    for root in ("xblocks", "eip"):
        for init in sorted((HERE / root).rglob("__init__.py")):
            found.append(".".join(init.parent.relative_to(HERE).parts))
    return found + sorted(CONTENT_PACKAGES)


setup(
    name="evidence-in-practice",
    version="0.1.0",
    description=(
        "Open edX XBlocks and tools that train social-care staff to find, appraise and use research"
    ),
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-only",
    python_requires=">=3.11",
    packages=python_packages(),
    package_dir=CONTENT_PACKAGES,
    package_data={package: PACKAGE_DATA_PATTERNS for package in python_packages()},
    include_package_data=False,
    install_requires=[
        "XBlock>=6.1",
        "web-fragments>=2.0",
        "lxml>=5.0",
        "markdown>=3.5",
        "nh3>=0.2.15",
    ],
    extras_require={
        # What `eip build`, `eip check` and `eip report` need beyond the blocks.
        "tools": TOOLS_REQUIREMENTS,
        # The SDK brings its sample blocks: never install it into a real LMS.
        "workbench": [
            *TOOLS_REQUIREMENTS,
            "xblock-sdk>=0.14",
            "XBlock[django]>=6.1",
            "openedx-django-pyfs>=3.4",
        ],
    },
    entry_points={
        "console_scripts": ["eip = eip.cli:main"],
        "xblock.v1": BLOCK_ENTRY_POINTS,
        # Open edX plugin app: registers the xAPI transformers (docs/xapi.md).
        "lms.djangoapp": ["eip_xapi = xblocks.xapi.apps:EIPXapiConfig"],
        # Tutor plugin: `tutor plugins enable eip` (docs/operators.md).
        "tutor.plugin.v1": ["eip = eip.tutor.plugin"],
    },
    classifiers=[
        "Framework :: Django",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
    ],
)
