"""Validated JSON handlers: declare the shape of the request body, get a checked dict.

    class MyBlock(EIPBlock):
        @json_handler(Record({"answer": String(max_length=200)}))
        def submit(self, data: dict, suffix: str = "") -> dict:
            ...

Bad input gets HTTP 400 (405 for a non-POST, 413 for an oversize body) and
`{"error": "<path>: <what is wrong>"}`; the method runs only once the whole body has
validated, so a bad request never writes state.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import webob
from xblock.core import XBlock

_ROOT = "request body"


class InvalidInput(ValueError):
    """The request body does not have the declared shape; `path` says where."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or _ROOT}: {message}")
        self.path = path
        self.message = message


class HandlerError(Exception):
    """A refusal by the block itself (no attempts left, not staff...), sent as `status`."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _key_path(path: str, key: str) -> str:
    shown = key if len(key) <= 40 else key[:40] + "..."
    return f"{path or ''}[{json.dumps(shown)}]"


def _field_path(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _storable(text: str) -> bool:
    # JSON can carry "\u0000" and lone surrogates; databases and UTF-8 encoders refuse them.
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Shape:
    """A description of acceptable JSON; `validate` returns the value or raises."""

    def validate(self, value: Any, path: str) -> Any:
        raise NotImplementedError


class String(Shape):
    def __init__(
        self,
        max_length: int = 10_000,
        choices: Iterable[str] | None = None,
        min_length: int = 0,
    ) -> None:
        self.max_length = max_length
        self.min_length = min_length
        self.choices = tuple(choices) if choices is not None else None

    def validate(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise InvalidInput(path, f"expected a string, got {_describe(value)}")
        if len(value) > self.max_length:
            raise InvalidInput(path, f"longer than {self.max_length} characters")
        if not _storable(value):
            raise InvalidInput(path, "contains a NUL character or an unpaired surrogate")
        if len(value) < self.min_length:
            raise InvalidInput(path, f"shorter than {self.min_length} characters")
        if self.choices is not None and value not in self.choices:
            allowed = ", ".join(json.dumps(choice) for choice in self.choices[:20])
            more = ", ..." if len(self.choices) > 20 else ""
            raise InvalidInput(path, f"must be one of {allowed}{more}")
        return value


class Integer(Shape):
    def __init__(self, minimum: int | None = None, maximum: int | None = None) -> None:
        self.minimum = minimum
        self.maximum = maximum

    def validate(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(path, f"expected a whole number, got {_describe(value)}")
        if self.minimum is not None and value < self.minimum:
            raise InvalidInput(path, f"less than {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise InvalidInput(path, f"more than {self.maximum}")
        return value


class Boolean(Shape):
    def validate(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise InvalidInput(path, f"expected true or false, got {_describe(value)}")
        return value


class Nullable(Shape):
    def __init__(self, shape: Shape) -> None:
        self.shape = shape

    def validate(self, value: Any, path: str) -> Any:
        return None if value is None else self.shape.validate(value, path)


class ListOf(Shape):
    def __init__(self, shape: Shape, max_items: int = 1000) -> None:
        self.shape = shape
        self.max_items = max_items

    def validate(self, value: Any, path: str) -> list:
        if not isinstance(value, list):
            raise InvalidInput(path, f"expected a list, got {_describe(value)}")
        if len(value) > self.max_items:
            raise InvalidInput(path, f"more than {self.max_items} items")
        return [self.shape.validate(item, f"{path}[{index}]") for index, item in enumerate(value)]


class MapOf(Shape):
    def __init__(self, value_shape: Shape, key: Shape | None = None, max_items: int = 1000) -> None:
        self.value_shape = value_shape
        self.key = key if key is not None else String(max_length=100)
        self.max_items = max_items

    def validate(self, value: Any, path: str) -> dict:
        if not isinstance(value, dict):
            raise InvalidInput(path, f"expected an object, got {_describe(value)}")
        if len(value) > self.max_items:
            raise InvalidInput(path, f"more than {self.max_items} entries")
        checked = {}
        for key, item in value.items():
            where = _key_path(path, key)
            try:
                self.key.validate(key, where)
            except InvalidInput as error:
                raise InvalidInput(where, f"key {error.message}") from None
            checked[key] = self.value_shape.validate(item, where)
        return checked


class Record(Shape):
    """A JSON object with named fields; unknown fields are refused."""

    def __init__(self, fields: Mapping[str, Shape], optional: Iterable[str] = ()) -> None:
        self.fields = dict(fields)
        self.optional = frozenset(optional)
        unknown = self.optional - self.fields.keys()
        if unknown:
            raise ValueError(f"optional names fields that do not exist: {sorted(unknown)}")

    def validate(self, value: Any, path: str) -> dict:
        if not isinstance(value, dict):
            raise InvalidInput(path, f"expected an object, got {_describe(value)}")
        for key in value:
            if key not in self.fields:
                expected = ", ".join(self.fields) or "no fields"
                where = _field_path(path, key) if key.isidentifier() else _key_path(path, key)
                raise InvalidInput(where, f"unknown field (expected: {expected})")
        checked = {}
        for name, shape in self.fields.items():
            if name not in value:
                if name in self.optional:
                    continue
                raise InvalidInput(_field_path(path, name), "missing")
            checked[name] = shape.validate(value[name], _field_path(path, name))
        return checked


def _json_response(body: Any, status: int = 200, **headers: str) -> webob.Response:
    response = webob.Response(json_body=body, status=status)
    for name, value in headers.items():
        response.headers[name] = value
    return response


def json_error(status: int, message: str, **headers: str) -> webob.Response:
    """A JSON response {"error": message} with `status` and `headers` (e.g. Allow="GET"),
    for handlers that answer webob requests themselves."""
    return _json_response({"error": message}, status, **headers)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {json.dumps(key)}")
        result[key] = value
    return result


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _read_body(request: webob.Request, max_body_bytes: int) -> tuple[Any, webob.Response | None]:
    too_large = json_error(413, f"the request body is larger than {max_body_bytes} bytes")
    if request.content_length is not None and request.content_length > max_body_bytes:
        return None, too_large
    body = request.body
    if len(body) > max_body_bytes:
        return None, too_large
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None, json_error(400, "the request body is not UTF-8 text")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        return None, json_error(400, f"the request body is not valid JSON: {error}")
    except (ValueError, RecursionError) as error:
        return None, json_error(400, f"the request body is not acceptable JSON: {error}")
    return data, None


def _discard_changes(block: XBlock) -> None:
    # The runtime saves dirty fields after any handler returns; a refused request must not
    # leave behind what the method set before it raised. XBlock has no public API for this.
    dirty = getattr(block, "_dirty_fields", None)
    if not dirty:
        return
    for field in list(dirty):
        field._del_cached_value(block)
    dirty.clear()


def json_handler(
    shape: Shape, *, max_body_bytes: int = 65_536
) -> Callable[[Callable[..., Any]], Callable[..., webob.Response]]:
    """Make `method(self, data, suffix="")` an XBlock handler taking JSON of `shape`."""

    def decorate(method: Callable[..., Any]) -> Callable[..., webob.Response]:
        @XBlock.handler
        @functools.wraps(method)
        def handler(self: XBlock, request: webob.Request, suffix: str = "") -> webob.Response:
            if request.method != "POST":
                return json_error(405, f"use POST, not {request.method}", Allow="POST")
            data, refusal = _read_body(request, max_body_bytes)
            if refusal is not None:
                return refusal
            try:
                data = shape.validate(data, "")
            except InvalidInput as error:
                return json_error(400, str(error))
            try:
                result = method(self, data, suffix)
            except HandlerError as error:
                _discard_changes(self)
                return json_error(error.status, error.message)
            if isinstance(result, webob.Response):
                return result
            return _json_response(result)

        handler.shape = shape
        return handler

    return decorate
