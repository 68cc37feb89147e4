"""Fixtures for the xblocks.core tests: an XBlock test runtime and a throwaway resource package."""

import sys
import textwrap
from collections.abc import Callable, Iterator

import pytest
from xblock.fields import ScopeIds
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime

SAMPLE_PACKAGE = "eip_core_sample"

SAMPLE_FILES = {
    "__init__.py": '"""A package made by the tests, holding templates and static files."""\n',
    "block.py": textwrap.dedent(
        """\
        from xblocks.core.block import EIPBlock


        class SampleBlock(EIPBlock):
            EVENT_FAMILY = "sample"
            RESOURCE_PACKAGE = "eip_core_sample"
        """
    ),
    "templates/hello.html": (
        '{% load i18n %}<p class="greeting">{% trans "Submit" %}</p><p class="name">{{ name }}</p>'
    ),
    "templates/parts.html": (
        '{% load eip_lang %}<div class="root" lang="{{ block_lang }}">'
        '<h3{{ title|lang_attr }}>{{ title }}</h3><p class="line">{{ line|lang_text }}</p></div>'
    ),
    "templates/framed.html": (
        '{% extends "eip-core/studio_fields.html" %}'
        "{% block weight_help %}{% include 'hello.html' %}{% endblock %}"
    ),
    "templates/missing.html": '{% include "eip-core/no-such-template.html" %}',
    "static/sample.css": ".greeting { font-weight: bold; }\n",
    "static/sample.js": "function SampleInit(runtime, element, args) {}\n",
    "private.txt": "not served\n",
    "notes.txt": "Diolch yn fawr — ŵ ŷ\n",
    "schema.rng": textwrap.dedent(
        """\
        <element name="exercise" xmlns="http://relaxng.org/ns/structure/1.0"
                 datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
          <attribute name="weight"><data type="decimal"/></attribute>
          <optional>
            <attribute name="mode"><choice><value>a</value><value>b</value></choice></attribute>
          </optional>
          <element name="title"><text/></element>
          <zeroOrMore>
            <element name="answer"><attribute name="item"/><text/></element>
          </zeroOrMore>
        </element>
        """
    ),
}


@pytest.fixture(scope="session")
def sample_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An importable package with templates/, static/ and a schema, named SAMPLE_PACKAGE."""
    root = tmp_path_factory.mktemp("packages")
    for name, text in SAMPLE_FILES.items():
        path = root / SAMPLE_PACKAGE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(root))
    yield SAMPLE_PACKAGE
    sys.path.remove(str(root))
    for module in [name for name in sys.modules if name.split(".")[0] == SAMPLE_PACKAGE]:
        del sys.modules[module]


class CoreTestRuntime(TestRuntime):
    """TestRuntime that can also build static file URLs."""

    def local_resource_url(self, block, uri):
        return f"/resource/{block.scope_ids.block_type}/{uri}"


@pytest.fixture
def make_block() -> Callable[..., object]:
    """make_block(cls, services=None, usage_id=None, user_id="learner") -> a block instance.

    Each call makes a new runtime and store unless `runtime=` is given; `again(block)`
    builds a second instance of the same block reading from the same store.
    """

    def make(cls, *, services=None, usage_id=None, user_id="learner", runtime=None):
        if runtime is None:
            all_services = {"field-data": KvsFieldData(DictKeyValueStore())}
            all_services.update(services or {})
            runtime = CoreTestRuntime(services=all_services)
        block_type = "sample_block"
        definition_id = runtime.id_generator.create_definition(block_type)
        if usage_id is None:
            usage_id = runtime.id_generator.create_usage(definition_id)
        scope_ids = ScopeIds(user_id, block_type, definition_id, usage_id)
        return runtime.construct_xblock_from_class(cls, scope_ids)

    return make


def reload_block(block):
    """A fresh instance of `block` that sees only what was saved to the store."""
    return block.runtime.construct_xblock_from_class(type(block), block.scope_ids)


@pytest.fixture
def fresh() -> Callable[[object], object]:
    return reload_block


@pytest.fixture
def sample_block_class(sample_package: str):
    from eip_core_sample.block import SampleBlock  # the package exists only in tests

    return SampleBlock
