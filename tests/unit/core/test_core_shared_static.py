"""The static files and views every block shares: served by each block class from
xblocks/core/static, and the fragments of EIPBlock that use them."""

import pytest
from xblock.exceptions import DisallowedFileError
from xblock.runtime import NullI18nService

from xblocks.core.block import now_iso, page_language
from xblocks.core.xml import OLXError, OLXErrors


@pytest.fixture
def block_class(sample_block_class):
    return sample_block_class


@pytest.mark.parametrize("name", ["eip-core.css", "eip-core.js", "studio.css", "studio.js"])
def test_a_block_serves_the_shared_files(block_class, name):
    with block_class.open_local_resource(f"static/eip-core/{name}") as handle:
        assert handle.read()
    with block_class.open_local_resource(f"static/eip-core/{name}".encode()) as handle:
        assert handle.read()


def test_a_block_still_serves_its_own_files(block_class):
    with block_class.open_local_resource("static/sample.css") as handle:
        assert b".greeting" in handle.read()


@pytest.mark.parametrize(
    "uri",
    [
        "static/eip-core/",
        "static/eip-core/../block.py",
        "static/eip-core/./eip-core.js",
        "static/eip-core/.hidden",
        "static/../private.txt",
        "private.txt",
        "templates/hello.html",
    ],
)
def test_nothing_else_is_served(block_class, uri):
    with pytest.raises(DisallowedFileError):
        block_class.open_local_resource(uri)


def test_learner_fragment_loads_the_shared_files_first(make_block, block_class):
    class Styled(block_class):
        STYLESHEET = "sample.css"

    fragment = make_block(Styled).learner_fragment(
        "hello.html", {"name": "Ana"}, js=["sample.js"], js_init="SampleInit"
    )

    urls = [resource.data for resource in fragment.resources]
    assert [url.split("/static/")[1] for url in urls] == [
        "eip-core/eip-core.css",
        "sample.css",
        "eip-core/eip-core.js",
        "sample.js",
    ]


def test_learner_fragment_without_a_script_loads_no_shared_script(make_block, block_class):
    fragment = make_block(block_class).learner_fragment("hello.html", {"name": "Ana"})

    assert [resource.data.rsplit("/", 1)[1] for resource in fragment.resources] == ["eip-core.css"]


def test_uid_is_short_and_stable(make_block, block_class):
    block = make_block(block_class, usage_id="a-long-usage-id")

    assert block._uid() == block._uid()
    assert block._uid().startswith("eip") and len(block._uid()) == 11


def test_attempts_left(make_block, block_class):
    block = make_block(block_class)
    assert block._attempts_left() is None  # no max_attempts field: unlimited
    block.max_attempts, block.attempts = 3, 1
    assert block._attempts_left() == 2
    block.attempts = 5
    assert block._attempts_left() == 0


def test_helpers():
    assert now_iso().endswith("+00:00") and "T" in now_iso()
    assert page_language() in ("en", "cy")


def test_unavailable_lists_problems_for_staff_only(make_block, block_class, monkeypatch):
    block = make_block(block_class, services={"i18n": NullI18nService()})
    block.display_name = "Broken"
    seen = []
    monkeypatch.setattr(block, "render_html", lambda name, context: seen.append(context) or "")
    monkeypatch.setattr(block, "is_staff", lambda: False)
    errors = OLXErrors([OLXError("one"), OLXError("two")])

    block.unavailable_fragment(errors)
    block.unavailable_fragment(errors, staff_only=False)

    assert seen == [
        {"display_name": "Broken", "errors": []},
        {"display_name": "Broken", "errors": ["one", "two"]},
    ]
