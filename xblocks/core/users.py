"""Who is looking at a block, through the runtime's `user` service."""

from __future__ import annotations

from typing import Any

from xblock.core import XBlock
from xblock.exceptions import NoSuchServiceError

# The SDK workbench has no staff flag; its learners are chosen with ?student=<id>.
WORKBENCH_USER_ID = "xblock-workbench.user_id"
WORKBENCH_STAFF_ID = "staff"
WORKBENCH_STAFF_PREFIX = "staff_"


def _user_attrs(block: XBlock) -> dict[str, Any]:
    try:
        service = block.runtime.service(block, "user")
    except NoSuchServiceError:
        return {}
    if service is None:
        return {}
    try:
        user = service.get_current_user()
    except NotImplementedError:
        return {}
    return getattr(user, "opt_attrs", None) or {}


def is_staff(block: XBlock) -> bool:
    """True for course staff in the LMS, and for workbench learners named staff or staff_*."""
    attrs = _user_attrs(block)
    if "edx-platform.user_is_staff" in attrs:
        return bool(attrs["edx-platform.user_is_staff"])
    workbench_id = attrs.get(WORKBENCH_USER_ID)
    if workbench_id is None:
        return False
    workbench_id = str(workbench_id)
    return workbench_id == WORKBENCH_STAFF_ID or workbench_id.startswith(WORKBENCH_STAFF_PREFIX)


def current_username(block: XBlock) -> str:
    """The current learner's username (the workbench id there), or "" if unknown."""
    attrs = _user_attrs(block)
    for key in ("edx-platform.username", WORKBENCH_USER_ID):
        if attrs.get(key):
            return str(attrs[key])
    return ""
