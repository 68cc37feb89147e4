"""A block whose OLX is a file an author writes: reading it, writing it back, Studio's save.

Such a block (an appraisal exercise, a case study) keeps each authored attribute in a
settings field and the element's inner XML, exactly as authored, in `content_xml`; its model
parses the two. `AuthoredOLX` names those attributes and how they map to the block's fields
and to the model's attributes. `AuthoredBlock` is the base of such blocks: its `parse_xml`,
`add_xml_to_node` and `studio_submit` call `AuthoredOLX`'s methods.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from lxml import etree
from xblock.completable import XBlockCompletionMode
from xblock.fields import Float, Integer, Scope, String

from xblocks.core import handlers as shape
from xblocks.core.attributes import format_attribute
from xblocks.core.block import EIPBlock, _
from xblocks.core.handlers import HandlerError, json_handler
from xblocks.core.messages import Message
from xblocks.core.xml import OLXError, OLXErrors, parse_xml

# Attributes a platform adds to a block's node, which are not part of the authored file.
PLATFORM_ATTRIBUTES = ("url_name", "xblock-family", "course_version")
# The source named in the problems Studio's editor reports (in the author's language).
STUDIO_SOURCE = Message(_("Studio editor"))
MAX_CONTENT_XML = 1_000_000
# What Studio's editor may post: the content XML and the attributes, with room for JSON.
MAX_STUDIO_BODY = 2_200_000


def inner_xml(element: etree._Element) -> str:
    """The text and children of `element`, as authored (comments and CDATA kept)."""
    children = "".join(etree.tostring(child, encoding="unicode") for child in element)
    return (element.text or "") + children


def node_source(node: etree._Element) -> str:
    """The file `node` was read from, or its tag when it was not read from a file."""
    return node.getroottree().docinfo.URL or f"<{node.tag}>"


def block_source(block: Any) -> str:
    """How problems in a block's stored fields name it: "<block type> <usage id>"."""
    return f"{block.scope_ids.block_type} {block.scope_ids.usage_id}"


@dataclass(frozen=True)
class AuthoredOLX:
    """The authored attributes of a block, in the order its files write them, each with the
    longest text Studio's editor accepts for it.

    `fields` and `model_names` map an attribute to the block field and to the model
    attribute that hold it, where those are not named as the attribute is.
    """

    max_lengths: Mapping[str, int]
    fields: Mapping[str, str] = field(default_factory=dict)
    model_names: Mapping[str, str] = field(default_factory=dict)

    @property
    def attributes(self) -> tuple[str, ...]:
        return tuple(self.max_lengths)

    def field_name(self, attribute: str) -> str:
        return self.fields.get(attribute, attribute)

    def model_name(self, attribute: str) -> str:
        return self.model_names.get(attribute, attribute)

    def studio_shape(self) -> shape.Record:
        """What Studio's editor posts: every attribute as text, and the content XML."""
        fields = {name: shape.String(max_length=size) for name, size in self.max_lengths.items()}
        return shape.Record({**fields, "content_xml": shape.String(max_length=MAX_CONTENT_XML)})

    def construct(
        self, cls: type, node: etree._Element, runtime: Any, keys: Any, parse: Callable[..., Any]
    ) -> Any:
        """A block of `cls` from its OLX node, once `parse(element, source=...)` accepts it
        (it raises OLXError or OLXErrors naming the file and line if not). Only the
        attributes that were authored are set, so that an export writes only those."""
        element = copy.deepcopy(node)
        platform = {
            name: element.attrib.pop(name) for name in PLATFORM_ATTRIBUTES if name in element.attrib
        }
        model = parse(element, source=node_source(node))
        block = runtime.construct_xblock_from_class(cls, keys)
        for name in self.attributes:
            if name in element.attrib:
                setattr(block, self.field_name(name), getattr(model, self.model_name(name)))
        if "course_version" in platform:
            block.course_version = platform["course_version"]
        block.content_xml = inner_xml(element)
        return block

    def write(self, block: Any, node: etree._Element) -> None:
        """Write onto `node` the attributes that were authored and the content as authored."""
        node.tag = block.xml_element_name()
        for name, value in self.attribute_strings(block, only_set=True).items():
            node.set(name, value)
        if block.fields["course_version"].is_set_on(block):
            node.set("course_version", block.course_version)
        wrapper = parse_xml(
            f"<{node.tag}>{block.content_xml}</{node.tag}>", source=block_source(block)
        )
        node.text = wrapper.text
        for child in list(wrapper):
            node.append(child)

    def attribute_strings(self, block: Any, *, only_set: bool) -> dict[str, str]:
        """Each attribute's text from the block's fields (only those set, if `only_set`)."""
        strings = {}
        for name in self.attributes:
            field_name = self.field_name(name)
            if only_set and not block.fields[field_name].is_set_on(block):
                continue
            strings[name] = format_attribute(getattr(block, field_name))
        return strings

    def studio_values(self, block: Any) -> dict[str, str]:
        """What Studio's editor shows: every attribute's text and the content XML."""
        return {**self.attribute_strings(block, only_set=False), "content_xml": block.content_xml}

    def studio_handler(self, parse_parts: Callable[..., Any]) -> Callable[..., Any]:
        """A block's `studio_submit` handler: it saves what Studio's editor posted (see
        `save_studio`) and answers {"saved": true}."""

        @json_handler(self.studio_shape(), max_body_bytes=MAX_STUDIO_BODY)
        def studio_submit(block: Any, data: dict, suffix: str = "") -> dict:
            """Save the editor's values if the model accepts them; else 400 listing every
            problem."""
            self.save_studio(block, data, parse_parts)
            return {"saved": True}

        return studio_submit

    def save_studio(self, block: Any, data: dict, parse_parts: Callable[..., Any]) -> None:
        """Store what Studio's editor posted if `parse_parts(attributes, content_xml,
        source=...)` accepts it; else HandlerError 400 listing every problem. A field is
        written only if it was set before or now differs from its default."""
        content_xml = data.pop("content_xml")
        try:
            model = parse_parts(data, content_xml, source=STUDIO_SOURCE)
        except (OLXError, OLXErrors) as error:
            # Every problem in the author's language (the blocks' catalogue), English if not.
            raise HandlerError(error.translated(block.ugettext), 400) from None
        for name in self.attributes:
            value = getattr(model, self.model_name(name))
            field_name = self.field_name(name)
            block_field = block.fields[field_name]
            if block_field.is_set_on(block) or value != block_field.default:
                setattr(block, field_name, value)
        block.content_xml = content_xml


@functools.lru_cache(maxsize=128)
def _parsed_fields(
    parse_parts: Callable[..., Any],
    attributes: tuple[tuple[str, str], ...],
    content_xml: str,
    source: str,
) -> Any:
    """The model of a block's fields (the models' objects are frozen, so shareable)."""
    return parse_parts(dict(attributes), content_xml, source=source)


class AuthoredBlock(EIPBlock):
    """A graded block whose OLX an author writes: an appraisal exercise, a case study.

    A subclass sets `OLX`, `parse_model` and `parse_parts` (the model's readers of the whole
    element and of the attributes and content XML, as staticmethods) and
    `studio_submit = OLX.studio_handler(<parse_parts>)`, and adds its own fields,
    `display_name` and `content_xml` among them.
    """

    OLX: ClassVar[AuthoredOLX]
    parse_model: ClassVar[Callable[..., Any]]
    parse_parts: ClassVar[Callable[..., Any]]

    has_score = True
    has_custom_completion = True
    completion_mode = XBlockCompletionMode.COMPLETABLE
    icon_class = "problem"

    max_attempts = Integer(
        display_name=_("Maximum attempts"),
        help=_("0 means no limit"),
        scope=Scope.settings,
        default=0,
    )
    competencies = String(display_name=_("Competencies"), scope=Scope.settings, default="")
    weight = Float(display_name=_("Weight"), scope=Scope.settings, default=1.0)

    @classmethod
    def parse_xml(cls, node: etree._Element, runtime: Any, keys: Any) -> AuthoredBlock:
        """Read the block's OLX; refuse it (OLXErrors with file and line) if the model does."""
        return cls.OLX.construct(cls, node, runtime, keys, cls.parse_model)

    def model(self) -> Any:
        """The model these fields hold (OLXError or OLXErrors when it does not parse). The
        LMS makes a block per request, so parsed models are kept per process, keyed by
        everything they are parsed from."""
        attributes = tuple(self.OLX.attribute_strings(self, only_set=False).items())
        return _parsed_fields(
            type(self).parse_parts, attributes, self.content_xml, block_source(self)
        )

    def add_xml_to_node(self, node: etree._Element) -> None:
        """Write the attributes that were authored and the content as authored."""
        self.OLX.write(self, node)

    def max_score(self) -> float:
        return self.weight
