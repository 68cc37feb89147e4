"""users: staff detection in the LMS and the workbench, and the current username."""

import pytest
from xblock.core import XBlock
from xblock.reference.user_service import UserService, XBlockUser

from xblocks.core.users import current_username, is_staff


class FakeUserService(UserService):
    def __init__(self, **opt_attrs):
        super().__init__()
        self.user = XBlockUser(is_current_user=True)
        self.user.opt_attrs.update(opt_attrs)

    def get_current_user(self):
        return self.user


def block_for(make_block, cls, service):
    return make_block(cls, services={"user": service} if service is not None else {})


@pytest.mark.parametrize("flag", [True, False])
def test_lms_staff_flag(make_block, sample_block_class, flag):
    service = FakeUserService(
        **{"edx-platform.user_is_staff": flag, "edx-platform.username": "amira"}
    )
    block = block_for(make_block, sample_block_class, service)

    assert is_staff(block) is flag
    assert block.is_staff() is flag
    assert current_username(block) == "amira"


@pytest.mark.parametrize(
    ("learner", "staff"),
    [("staff", True), ("staff_ana", True), ("student_1", False), ("staffer", False), ("", False)],
)
def test_workbench_learner_ids(make_block, sample_block_class, learner, staff):
    service = FakeUserService(**{"xblock-workbench.user_id": learner})
    block = block_for(make_block, sample_block_class, service)

    assert is_staff(block) is staff
    assert current_username(block) == learner


def test_lms_flag_wins_over_a_workbench_style_id(make_block, sample_block_class):
    service = FakeUserService(
        **{"edx-platform.user_is_staff": False, "xblock-workbench.user_id": "staff"}
    )

    assert is_staff(block_for(make_block, sample_block_class, service)) is False


def test_no_user_service(make_block, sample_block_class):
    block = block_for(make_block, sample_block_class, None)

    assert is_staff(block) is False
    assert current_username(block) == ""


def test_user_service_without_a_user(make_block, sample_block_class):
    block = block_for(make_block, sample_block_class, UserService())

    assert is_staff(block) is False
    assert current_username(block) == ""


def test_block_that_did_not_ask_for_the_user_service(make_block):
    class Plain(XBlock):
        pass

    service = FakeUserService(**{"edx-platform.user_is_staff": True})
    block = block_for(make_block, Plain, service)

    assert is_staff(block) is False
