"""The Open edX plugin app that registers our xAPI transformers in the LMS.

Listed under the `lms.djangoapp` entry point, so an LMS with this package installed adds it
to INSTALLED_APPS and applies `settings.plugin_settings`. Without event-routing-backends
(which current Open edX releases ship) it does nothing.
"""

from __future__ import annotations

import importlib.util
import logging
from typing import ClassVar

from django.apps import AppConfig

log = logging.getLogger(__name__)

# edx_django_utils.plugins' keys, written out so that this module imports nothing from the
# platform: PluginSettings.CONFIG, the project type, the settings types, RELATIVE_PATH.
_SETTINGS = {"relative_path": "settings"}


class EIPXapiConfig(AppConfig):
    name = "xblocks.xapi"
    label = "eip_xapi"
    verbose_name = "Evidence in Practice: xAPI statements"

    plugin_app: ClassVar[dict] = {
        "settings_config": {
            "lms.djangoapp": {
                "common": _SETTINGS,
                "production": _SETTINGS,
                "devstack": _SETTINGS,
            }
        }
    }

    def ready(self) -> None:
        if importlib.util.find_spec("event_routing_backends") is None:
            log.info("event-routing-backends is not installed: no xAPI statements for EIP events")
            return
        from xblocks.xapi import transformers  # noqa: F401  (registers them)
