"""The LMS finds our plugin app through its entry point, and its settings let our events
through to the xAPI transformers whichever order the plugins' settings run in."""

from __future__ import annotations

import sys
import types

import pytest
from edx_django_utils.plugins import PluginSettings, add_plugins, get_plugin_apps
from event_routing_backends.settings import common as routing_settings
from eventtracking.processors.whitelist import NameWhitelistProcessor

from xblocks.xapi import apps
from xblocks.xapi.settings import allow_events
from xblocks.xapi.vocabulary import EVENT_NAMES

LMS = "https://lms.example.org"


def test_the_lms_adds_our_app_from_the_entry_point():
    assert "xblocks.xapi.apps.EIPXapiConfig" in get_plugin_apps("lms.djangoapp")


def test_the_plugin_keys_are_the_platforms():
    config = apps.EIPXapiConfig.plugin_app
    assert set(config) == {PluginSettings.CONFIG}
    for settings_type in config[PluginSettings.CONFIG]["lms.djangoapp"].values():
        assert set(settings_type) == {PluginSettings.RELATIVE_PATH}


@pytest.fixture
def lms_settings() -> types.ModuleType:
    """An empty LMS settings module, as the platform hands plugins."""
    module = types.ModuleType("lms_settings_under_test")
    module.LMS_ROOT_URL = LMS
    module.ENV_TOKENS = {}  # the production settings' values from the YAML file
    sys.modules[module.__name__] = module
    yield module
    del sys.modules[module.__name__]


def _whitelists(settings) -> dict[str, set[str]]:
    router = settings.EVENT_TRACKING_BACKENDS["event_transformer"]["OPTIONS"]
    found = {"router": router["processors"][0]["OPTIONS"]["whitelist"]}
    for name in ("xapi", "caliper"):
        found[name] = router["backends"][name]["OPTIONS"]["processors"][0]["OPTIONS"]["whitelist"]
    return {name: set(names) for name, names in found.items()}


def _passes(settings, name: str) -> bool:
    """Whether an event of that name gets through both whitelists before the xAPI processor."""
    for whitelist in (_whitelists(settings)["router"], _whitelists(settings)["xapi"]):
        try:
            NameWhitelistProcessor(whitelist=whitelist)({"name": name})
        except Exception:
            return False
    return True


def test_all_plugins_settings_as_the_lms_applies_them(lms_settings):
    add_plugins(lms_settings.__name__, "lms.djangoapp", "common")
    add_plugins(lms_settings.__name__, "lms.djangoapp", "production")
    _check(lms_settings)


@pytest.mark.parametrize("ours_first", [True, False])
def test_either_order(lms_settings, ours_first):
    if ours_first:
        allow_events(lms_settings)
        routing_settings.plugin_settings(lms_settings)
    else:
        routing_settings.plugin_settings(lms_settings)
        allow_events(lms_settings)
    _check(lms_settings)


def test_twice_changes_nothing(lms_settings):
    routing_settings.plugin_settings(lms_settings)
    allow_events(lms_settings)
    before = list(lms_settings.EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS)
    allow_events(lms_settings)
    assert before == lms_settings.EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS


def test_without_event_routing_backends_only_the_list_is_made(lms_settings):
    allow_events(lms_settings)
    assert list(EVENT_NAMES) == lms_settings.EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS
    assert not hasattr(lms_settings, "EVENT_TRACKING_BACKENDS")


def _check(settings) -> None:
    assert set(EVENT_NAMES) <= set(settings.EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS)
    whitelists = _whitelists(settings)
    assert set(EVENT_NAMES) <= whitelists["router"]
    assert set(EVENT_NAMES) <= whitelists["xapi"]
    assert not set(EVENT_NAMES) & whitelists["caliper"]
    assert set(EVENT_NAMES) <= settings.EVENT_BUS_TRACKING_LOGS
    assert all(_passes(settings, name) for name in EVENT_NAMES)
    assert not _passes(settings, "edx.eip.unknown")
