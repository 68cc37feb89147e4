"""Django settings for `eip serve`: the SDK workbench with our data folder and tracking log.

The data folder comes from `EIP_DATA_DIR` (default `var/`); it holds the database, the
workbench's own log and `tracking.log`, the events in Open edX's tracking-log shape.
"""

import os
from importlib.metadata import entry_points
from pathlib import Path

from workbench.settings import *  # noqa: F403 (the SDK's settings are the base)
from workbench.settings import DATABASES, INSTALLED_APPS, LOGGING, MIDDLEWARE, TEMPLATES, WORKBENCH

from eip import translation

DATA_DIR = Path(os.environ.get("EIP_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

if "WORKBENCH_DATABASES" not in os.environ:
    DATABASES["default"]["NAME"] = str(DATA_DIR / "workbench.db")
LOGGING["handlers"]["logfile"]["filename"] = str(DATA_DIR / "workbench.log")

EIP_TRACKING_LOG = DATA_DIR / "tracking.log"
# The course run the workbench stands for in tracking-log context.
EIP_WORKBENCH_COURSE_ID = os.environ.get("EIP_WORKBENCH_COURSE_ID", "course-v1:EIP+WORKBENCH+local")

INSTALLED_APPS = [*INSTALLED_APPS, "eip.workbench"]


def _sdk_sample_blocks() -> set[str]:
    """Every block the SDK itself registers: hidden, so the index shows only ours."""
    return {
        point.name
        for point in entry_points(group="xblock.v1")
        if point.value.split(".")[0] in ("sample_xblocks", "workbench")
    }


# Benchmarks set EIP_WORKBENCH_SAMPLES=yes to compare our blocks with the SDK's samples.
EXCLUDED_XBLOCKS = (
    set() if os.environ.get("EIP_WORKBENCH_SAMPLES") == "yes" else _sdk_sample_blocks()
)

TIME_ZONE = "Europe/London"
LANGUAGES = [(code, translation.NAMES[code]) for code in translation.LANGUAGES]
# Compressed as an LMS behind Tutor's web server sends pages, so measurements are realistic.
MIDDLEWARE = ["django.middleware.gzip.GZipMiddleware", *MIDDLEWARE]

# Our index and page templates come before the SDK's (they add lang, landmarks, a viewport).
TEMPLATES[0]["DIRS"] = [str(Path(__file__).parent / "templates"), *TEMPLATES[0]["DIRS"]]

# Languages: English and Welsh. `?lang=cy` on any page switches (eip/workbench/i18n.py); the
# blocks read their own catalogues through the i18n service, as in the LMS.
LANGUAGE_CODE = "en"
LOCALE_PATHS = [str(Path(__file__).parent / "translations")]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
    "django.middleware.locale.LocaleMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware") + 1,
    "eip.workbench.i18n.LanguageSwitchMiddleware",
)
TEMPLATES[0]["OPTIONS"]["context_processors"].append("eip.workbench.i18n.language_switch")
WORKBENCH = {
    **WORKBENCH,
    "services": {**WORKBENCH["services"], "i18n": "eip.workbench.i18n.BlockI18nService"},
}
