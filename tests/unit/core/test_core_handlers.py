"""json_handler: bad input is refused with a message naming the field, and writes nothing."""

import json

import pytest
import webob
from xblock.core import XBlock
from xblock.fields import Dict, Scope
from xblock.fields import Integer as IntegerField

from xblocks.core.handlers import (
    Boolean,
    HandlerError,
    Integer,
    InvalidInput,
    ListOf,
    MapOf,
    Nullable,
    Record,
    String,
    json_handler,
)

ANSWER = Record(
    {
        "answer": String(max_length=20, choices=("yes", "no", "cant_tell")),
        "reason": String(max_length=4000),
    },
    optional=("reason",),
)

SUBMISSION = Record(
    {
        "answers": MapOf(ANSWER, max_items=5),
        "overall": Nullable(String(max_length=20)),
        "attempt": Integer(minimum=1, maximum=3),
        "final": Boolean(),
        "tags": ListOf(String(max_length=10), max_items=3),
    },
    optional=("tags",),
)


class RecorderBlock(XBlock):
    """Stores what its handlers receive."""

    saved = Dict(scope=Scope.user_state, default={})
    count = IntegerField(scope=Scope.user_state, default=0)

    @json_handler(SUBMISSION, max_body_bytes=20_000)
    def submit(self, data: dict, suffix: str = "") -> dict:
        self.saved = data
        self.count += 1
        return {"count": self.count}

    @json_handler(Record({"refuse": Boolean(), "status": Nullable(Integer())}))
    def refusable(self, data: dict, suffix: str = "") -> dict:
        # Written before the refusal: the decorator must throw it away.
        self.count += 1
        self.saved = {"touched": True}
        if data["refuse"]:
            if data["status"] is None:
                raise HandlerError("not allowed")
            raise HandlerError("no attempts left", status=data["status"])
        return {"count": self.count}

    @json_handler(Record({}))
    def raw(self, data: dict, suffix: str = "") -> webob.Response:
        return webob.Response(text="plain", content_type="text/plain")


def good_submission() -> dict:
    return {
        "answers": {"1": {"answer": "yes", "reason": "Randomised."}, "4a": {"answer": "no"}},
        "overall": None,
        "attempt": 1,
        "final": False,
        "tags": ["a", "b"],
    }


def post(block, handler: str, body, *, method: str = "POST") -> webob.Response:
    if not isinstance(body, bytes):
        body = json.dumps(body).encode("utf-8")
    request = webob.Request.blank("/", method=method, body=body)
    return block.handle(handler, request)


@pytest.fixture
def block(make_block, fresh):
    """A recorder whose store already holds an earlier, good submission."""
    block = make_block(RecorderBlock)
    block.saved = {"earlier": True}
    block.count = 7
    block.save()
    return fresh(block)


def assert_unchanged(block, fresh) -> None:
    stored = fresh(block)
    assert stored.saved == {"earlier": True}
    assert stored.count == 7
    assert block.saved == {"earlier": True}
    assert block.count == 7


def test_good_request_is_validated_and_stored(block, fresh):
    response = post(block, "submit", good_submission())

    assert response.status_code == 200
    assert response.content_type == "application/json"
    assert response.json == {"count": 8}
    stored = fresh(block)
    assert stored.saved == good_submission()
    assert stored.count == 8


def test_handlers_are_registered_with_xblock():
    assert RecorderBlock.submit._is_xblock_handler
    assert RecorderBlock.submit.__name__ == "submit"


def with_change(change):
    data = good_submission()
    change(data)
    return data


def too_many_answers(data):
    data["answers"] = {str(index): {"answer": "yes"} for index in range(6)}


BAD_BODIES = {
    "not JSON": (b"{answers: 1", "the request body is not valid JSON"),
    "empty body": (b"", "the request body is not valid JSON"),
    "not UTF-8": (b'{"a": "\xff\xfe"}', "the request body is not UTF-8 text"),
    "NaN": (b'{"attempt": NaN}', "NaN is not allowed"),
    "duplicate key": (b'{"final": true, "final": false}', 'duplicate key "final"'),
    "deeply nested": (b"[" * 9_000 + b"]" * 9_000, "the request body is not"),
    "a list, not an object": ([], "request body: expected an object, got a list"),
    "missing key": (with_change(lambda d: d.pop("final")), "final: missing"),
    "unknown key": (
        with_change(lambda d: d.update(extra=1)),
        "extra: unknown field (expected: answers, overall, attempt, final, tags)",
    ),
    "unknown nested key": (
        with_change(lambda d: d["answers"]["4a"].update(score=1)),
        'answers["4a"].score: unknown field (expected: answer, reason)',
    ),
    "unknown odd key": (
        with_change(lambda d: d.update({"two words": 1})),
        '["two words"]: unknown field',
    ),
    "missing nested key": (
        with_change(lambda d: d["answers"]["4a"].pop("answer")),
        'answers["4a"].answer: missing',
    ),
    "number for string": (
        with_change(lambda d: d["answers"]["1"].update(answer=3)),
        'answers["1"].answer: expected a string, got a number',
    ),
    "value not a choice": (
        with_change(lambda d: d["answers"]["1"].update(answer="maybe")),
        'answers["1"].answer: must be one of "yes", "no", "cant_tell"',
    ),
    "oversize string": (
        with_change(lambda d: d["answers"]["4a"].update(reason="x" * 4001)),
        'answers["4a"].reason: longer than 4000 characters',
    ),
    "NUL in a string": (
        b'{"answers": {}, "overall": "a\\u0000b", "attempt": 1, "final": true}',
        "overall: contains a NUL character",
    ),
    "lone surrogate": (
        b'{"answers": {}, "overall": "\\ud800", "attempt": 1, "final": true}',
        "overall: contains a NUL character or an unpaired surrogate",
    ),
    "oversize key": (
        with_change(lambda d: d["answers"].update({"k" * 101: {"answer": "yes"}})),
        "key longer than 100 characters",
    ),
    "too many map entries": (with_change(too_many_answers), "answers: more than 5 entries"),
    "too many list items": (
        with_change(lambda d: d.update(tags=["a", "b", "c", "d"])),
        "tags: more than 3 items",
    ),
    "wrong list item": (
        with_change(lambda d: d.update(tags=["a", 5])),
        "tags[1]: expected a string, got a number",
    ),
    "object for list": (
        with_change(lambda d: d.update(tags={"a": 1})),
        "tags: expected a list, got an object",
    ),
    "boolean for integer": (
        with_change(lambda d: d.update(attempt=True)),
        "attempt: expected a whole number, got true",
    ),
    "fraction for integer": (
        with_change(lambda d: d.update(attempt=1.5)),
        "attempt: expected a whole number, got a number",
    ),
    "integer too large": (with_change(lambda d: d.update(attempt=4)), "attempt: more than 3"),
    "integer too small": (with_change(lambda d: d.update(attempt=0)), "attempt: less than 1"),
    "string for boolean": (
        with_change(lambda d: d.update(final="yes")),
        "final: expected true or false, got a string",
    ),
    "null for boolean": (
        with_change(lambda d: d.update(final=None)),
        "final: expected true or false, got null",
    ),
    "list for map": (
        with_change(lambda d: d.update(answers=[])),
        "answers: expected an object, got a list",
    ),
}


@pytest.mark.parametrize("case", BAD_BODIES, ids=list(BAD_BODIES))
def test_malformed_input_gets_400_and_changes_nothing(block, fresh, case):
    body, message = BAD_BODIES[case]

    response = post(block, "submit", body)

    assert response.status_code == 400
    assert response.content_type == "application/json"
    assert message in response.json["error"]
    assert_unchanged(block, fresh)


def test_body_over_the_limit_gets_413_and_changes_nothing(block, fresh):
    data = good_submission()
    data["answers"]["1"]["reason"] = "x" * 3990
    data["answers"]["2"] = {"answer": "no", "reason": "y" * 3990}
    data["answers"]["3"] = {"answer": "no", "reason": "y" * 3990}
    data["answers"]["4"] = {"answer": "no", "reason": "y" * 3990}
    data["answers"]["5"] = {"answer": "no", "reason": "y" * 3990}
    data["overall"] = "no"
    body = json.dumps(data).encode() + b" " * 1000  # valid apart from its size

    response = post(block, "submit", body)

    assert len(body) > 20_000
    assert response.status_code == 413
    assert response.json == {"error": "the request body is larger than 20000 bytes"}
    assert_unchanged(block, fresh)


def test_declared_length_over_the_limit_is_refused_before_reading(block, fresh):
    request = webob.Request.blank("/", method="POST", body=b"{}")
    request.content_length = 10_000_000

    response = block.handle("submit", request)

    assert response.status_code == 413
    assert_unchanged(block, fresh)


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_other_methods_get_405(block, fresh, method):
    response = post(block, "submit", good_submission(), method=method)

    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    assert response.json == {"error": f"use POST, not {method}"}
    assert_unchanged(block, fresh)


def test_handler_error_status_and_message_pass_through(block, fresh):
    response = post(block, "refusable", {"refuse": True, "status": 409})

    assert response.status_code == 409
    assert response.json == {"error": "no attempts left"}
    assert_unchanged(block, fresh)


def test_handler_error_defaults_to_400(block, fresh):
    response = post(block, "refusable", {"refuse": True, "status": None})

    assert response.status_code == 400
    assert response.json == {"error": "not allowed"}
    assert_unchanged(block, fresh)


def test_same_handler_writes_when_it_does_not_refuse(block, fresh):
    response = post(block, "refusable", {"refuse": False, "status": None})

    assert response.json == {"count": 8}
    assert fresh(block).saved == {"touched": True}


def test_a_returned_response_is_passed_through(block):
    response = post(block, "raw", {})

    assert response.text == "plain"


def test_shapes_return_validated_values():
    shape = Record({"a": Nullable(Integer()), "b": String()}, optional=("b",))

    assert shape.validate({"a": None}, "") == {"a": None}
    assert shape.validate({"a": 2, "b": ""}, "") == {"a": 2, "b": ""}


def test_invalid_input_carries_path_and_message():
    with pytest.raises(InvalidInput) as caught:
        MapOf(String(min_length=2)).validate({"x": "a"}, "answers")

    assert caught.value.path == 'answers["x"]'
    assert caught.value.message == "shorter than 2 characters"
    assert str(caught.value) == 'answers["x"]: shorter than 2 characters'


def test_record_refuses_optional_names_it_does_not_have():
    with pytest.raises(ValueError, match="optional"):
        Record({"a": String()}, optional=("b",))
