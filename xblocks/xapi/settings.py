"""LMS settings for event-routing-backends: let our events through to the xAPI transformers.

The LMS applies `plugin_settings` to its settings because `apps.EIPXapiConfig` is an Open edX
plugin app (`lms.djangoapp` entry point). event-routing-backends keeps the names of the
events it transforms in `EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS`, and copies that list
into the whitelists of its tracking backends when its own settings run. Plugin settings run
in no fixed order, so this adds our names to the list and to those copies, whichever ran
first; running it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any

from xblocks.xapi.vocabulary import EVENT_NAMES

ALLOWED = "EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS"
WHITELIST_ENGINE = "NameWhitelistProcessor"


def plugin_settings(settings: Any) -> None:
    allow_events(settings)


def allow_events(settings: Any, names: Iterable[str] = EVENT_NAMES) -> None:
    """Add `names` to the xAPI allow-list, the transformer backends' whitelists and the event
    bus's list of tracking events, where the settings have them."""
    names = list(names)
    allowed = getattr(settings, ALLOWED, None)
    if allowed is None:
        allowed = []
        setattr(settings, ALLOWED, allowed)
    allowed.extend(name for name in names if name not in allowed)
    for processor in _xapi_whitelists(getattr(settings, "EVENT_TRACKING_BACKENDS", None)):
        options = processor.setdefault("OPTIONS", {})
        whitelist = options.get("whitelist") or []
        options["whitelist"] = type(whitelist)(
            [*whitelist, *(n for n in names if n not in whitelist)]
        )
    bus = getattr(settings, "EVENT_BUS_TRACKING_LOGS", None)
    if isinstance(bus, set):
        bus.update(names)


def _xapi_whitelists(backends: Any) -> list[MutableMapping]:
    """The name whitelists an event passes on its way to the xAPI transformers: the routing
    backend's own, and its xapi backend's (not the caliper backend's, which has no
    transformers for our events)."""
    if not isinstance(backends, MutableMapping):
        return []
    router = (backends.get("event_transformer") or {}).get("OPTIONS") or {}
    xapi = ((router.get("backends") or {}).get("xapi") or {}).get("OPTIONS") or {}
    return [
        processor
        for processor in [*(router.get("processors") or []), *(xapi.get("processors") or [])]
        if isinstance(processor, MutableMapping)
        and str(processor.get("ENGINE", "")).endswith(WHITELIST_ENGINE)
    ]
