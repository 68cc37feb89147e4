"""event-routing-backends transformers for our events, made from `mapping`.

Imported by `apps.EIPXapiConfig.ready()` only where event-routing-backends is installed: the
one module of this package that imports it. The base transformer supplies the statement id,
the actor (the learner's anonymous xAPI id, or their email as XAPI_AGENT_IFI_TYPE says), the
timestamp, the course as parent activity and its own context extensions; `mapping` supplies
the rest.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from event_routing_backends.processors.xapi.registry import XApiTransformersRegistry
from event_routing_backends.processors.xapi.transformer import XApiTransformer
from tincan import Activity, ActivityList, ContextActivities, Extensions, LanguageMap, Result, Verb

from xblocks.xapi import mapping
from xblocks.xapi.vocabulary import EVENT_NAMES


class EIPTransformer(XApiTransformer):
    """One transformer for all our events: `mapping` tells them apart by name."""

    additional_fields = ("result",)

    @property
    def _verb(self) -> Verb:
        made = mapping.verb(self.get_data("name", True))
        return Verb(id=made["id"], display=LanguageMap(made["display"]))

    def get_object(self) -> Activity:
        return _from(Activity, mapping.activity_object(self.event, settings.LMS_ROOT_URL))

    def get_result(self) -> Result:
        return _from(Result, mapping.result(self.event))

    def get_context_activities(self) -> ContextActivities | None:
        activities = super().get_context_activities()
        competencies = [_from(Activity, made) for made in mapping.competency_activities(self.event)]
        if not competencies:
            return activities
        if activities is None or activities.parent is None:
            return ContextActivities(parent=ActivityList(competencies))
        activities.parent = ActivityList([*activities.parent, *competencies])
        return activities

    def get_context_extensions(self) -> Extensions:
        extensions = super().get_context_extensions()
        extensions.update(mapping.context_extensions(self.event))
        return extensions


def _from(kind: type, made: dict[str, Any]) -> Any:
    return kind.from_json(json.dumps(made))


for _name in EVENT_NAMES:
    XApiTransformersRegistry.register(_name)(EIPTransformer)
